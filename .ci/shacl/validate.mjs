// Validates a Turtle data graph against SHACL shapes with rdf-validate-shacl,
// an engine independent of wikikg, for wikikg's tests.
//
// Usage: node validate.mjs DATA.ttl SHAPES.ttl
// Prints "conforms true" or "conforms false", then one line per violation:
// focus node, path, constraint component, message. Exits 0 when the data
// conforms, 1 when it does not, 2 on an error (such as a parse error).
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import datasetFactory from '@rdfjs/dataset';
import SHACLValidator from 'rdf-validate-shacl';

function load(path) {
  const quads = new Parser({ format: 'text/turtle' }).parse(readFileSync(path, 'utf8'));
  return datasetFactory.dataset(quads);
}

try {
  const [dataPath, shapesPath] = process.argv.slice(2);
  if (!dataPath || !shapesPath) {
    throw new Error('usage: node validate.mjs DATA.ttl SHAPES.ttl');
  }
  const report = await new SHACLValidator(load(shapesPath)).validate(load(dataPath));
  const lines = [];
  for (const r of report.results) {
    const msg = r.message.map((m) => m.value).join('; ');
    lines.push([r.focusNode?.value, r.path?.value ?? '', r.sourceConstraintComponent?.value, msg].join('\t'));
  }
  lines.sort();
  process.stdout.write(`conforms ${report.conforms}\n` + lines.map((l) => l + '\n').join(''));
  process.exit(report.conforms ? 0 : 1);
} catch (e) {
  process.stderr.write(`shacl: ${e.message}\n`);
  process.exit(2);
}
