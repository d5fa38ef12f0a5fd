// Reads a JSON-LD document on standard input and prints it as N-Quads, with
// jsonld.js and a document loader that refuses every remote context: wikikg's
// output must carry its context inline.
import jsonld from 'jsonld';

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const documentLoader = async (url) => {
  throw new Error(`remote context refused: ${url}`);
};
const nquads = await jsonld.toRDF(doc, {format: 'application/n-quads', documentLoader, safe: true});
process.stdout.write(nquads);
