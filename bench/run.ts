/** `npm run bench`: every benchmark (the API's over an archive given with --db PATH), each reporting ratios against a baseline measured in the same run. */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchApi } from './api.js';
import { benchExtract } from './extract.js';
import { benchIngest } from './ingest.js';
import { benchLarge } from './large.js';
import { benchPostgres } from './postgres.js';
import { benchRecord } from './record.js';
import { benchWeb } from './web.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const dirs = [join(root, '..', 'shared', 'seeds'), join(root, 'examples')];

const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
// An archive built already (CROSSCHECK_BENCH_KEEP=DIR keeps the record bench's), for the API bench.
const db = args.includes('--db') ? args[args.indexOf('--db') + 1] : undefined;
if (!only || only === 'extract') benchExtract({ mb: arg('mb', 20), rounds: arg('rounds', 3), dirs });
if (!only || only === 'ingest') {
  const n = arg('n', 10_000);
  // Memory must stay flat as N grows: measure a tenth of N too.
  await benchIngest(n >= 10_000 ? [Math.round(n / 10), n] : [n], join(root, 'bench', 'out'), arg('rounds', 3));
}
if (!only || only === 'record') {
  const n = arg('n', 10_000);
  await benchRecord(n >= 10_000 ? [Math.round(n / 10), n] : [n], join(root, 'bench', 'out'));
}
if (!only || only === 'large') benchLarge(arg('large-mb', 19.5), join(root, 'bench', 'out'));
if (!only || only === 'postgres') {
  // PostgreSQL's ingest is slower per report (a transaction and a reconcile per report): its N is its own.
  const n = arg('pg-n', Number(process.env.CROSSCHECK_BENCH_PG_N ?? 4_000));
  await benchPostgres([n], join(root, 'bench', 'out'));
}
if (!only || only === 'web') await benchWeb(join(root, '..', 'shared', 'seeds'), join(root, 'web', 'dist'), arg('web-rounds', 5));
if (only === 'api' || (!only && db)) {
  if (!db) throw new Error('--only api needs --db PATH, an archive built already (CROSSCHECK_BENCH_KEEP=DIR keeps the record bench\'s)');
  await benchApi(db, { clients: arg('clients', 8), rounds: arg('api-rounds', 50), review: !args.includes('--no-review'), exportSeconds: arg('export-seconds', 600) });
}
