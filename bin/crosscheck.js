#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds it (the package's prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('crosscheck is not built: run `npm install` (or `npm run build`) in the package folder first.\n');
  process.exit(2);
}
await import(pathToFileURL(main).href);
