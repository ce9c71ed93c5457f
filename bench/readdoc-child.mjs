/**
 * wink-nlp's bare readDoc over a folder, from cold: a fresh process loads the model, reads each
 * file and reads it with readDoc. The same start as an ingest worker's (load, then read files),
 * so the two can be compared like for like. Prints JSON: seconds (from before the model's load), MB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const started = performance.now();
const { default: winkNLP } = await import('wink-nlp');
const { default: model } = await import('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const dir = process.argv[2];
let bytes = 0;
for (const f of readdirSync(dir).sort()) {
  const text = readFileSync(join(dir, f), 'utf8');
  nlp.readDoc(text);
  bytes += Buffer.byteLength(text);
}
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, mb: bytes / 1e6 }));
