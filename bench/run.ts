/** `npm run bench`: every benchmark, each reporting ratios against a baseline measured in the same run. */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchExtract } from './extract.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const dirs = [join(root, '..', 'shared', 'seeds'), join(root, 'examples')];

benchExtract({ mb: arg('mb', 20), rounds: arg('rounds', 3), dirs });
