// Loads an N-Triples file into an in-memory Oxigraph store and prints the
// answers of a SPARQL query file as CSV: node query.mjs DATA.nt QUERY.rq
import { readFileSync } from 'node:fs';
import oxigraph from 'oxigraph';

const [data, query] = process.argv.slice(2);
const store = new oxigraph.Store();
store.load(readFileSync(data, 'utf8'), { format: 'application/n-triples' });
const csv = store.query(readFileSync(query, 'utf8'), { results_format: 'csv' });
process.stdout.write(csv);
