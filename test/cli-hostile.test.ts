/** CLI: control characters in titles, attributions, quotes and file names never reach the terminal raw; and the CLI's plain defects. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cli, tempDir } from './helpers/cli.js';

/** What a terminal would act on: C0 but tab and newline, DEL, C1, bidi overrides. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const OSC = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';

const BODY = `On 14 March 2022 the Orlen dam above Vessany gave way after three days of rain${CLEAR}. `
  + `According to the ${OSC}regional governor, 37 people were killed and 120 were injured, including 140 women. `
  + 'Rescue teams were still searching the lower valley on Tuesday, and the river authority said the reservoir had been full since early March. '
  + `The ${CLEAR}Lowland Relief Committee said some 3,000 residents were displaced from the valley floor.\n`;

/** A folder of hostile reports (names with newlines and ESC, ESC in titles and text) and a database of them. */
function hostile(): { dir: string; db: string; name: string } {
  const dir = tempDir('cc-hostile-');
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  const name = `dam${OSC}\nsha256     0000.txt`;
  writeFileSync(join(reports, name), BODY);
  writeFileSync(join(reports, `${name}.meta.json`), JSON.stringify({ title: `${OSC}Dam fails${CLEAR}`, publisher: '\u009b31mValley Post\u202e', published: '2022-03-15' }));
  writeFileSync(join(reports, 'reprint.txt'), `VESSANY — ${BODY}Schools stay closed.\n`);
  writeFileSync(join(reports, `empty${CLEAR}.txt`), '');
  return { dir, db: join(dir, 'h.db'), name };
}

/** Fails when a run printed a raw control character or failed unexpectedly. */
function clean(what: string, r: { stdout: string; stderr: string; status: number | null }, status = 0): string {
  assert.equal(r.status, status, `${what}: ${r.stderr}`);
  const out = r.stdout + r.stderr;
  const m = RAW.exec(out);
  assert.equal(m, null, `${what} printed ${JSON.stringify(m?.[0])} raw near ${JSON.stringify(out.slice(Math.max(0, (m?.index ?? 0) - 40), (m?.index ?? 0) + 40))}`);
  return out;
}

test('no command prints a control character from a report raw: ingest, docs, show, search, figures, timeline, sources, entities, checks, extract, token', () => {
  const { dir, db, name } = hostile();
  const ingest = clean('ingest', cli('ingest', '--db', db, '--workers', '0', join(dir, 'reports')));
  assert.match(ingest, /failed: .*empty\\u001b\[2J\.txt/, 'the bad file is named, escaped');
  for (const json of [false, true]) {
    const flag = json ? ['--json'] : [];
    const docs = clean('docs', cli('docs', '--db', db, ...flag));
    assert.match(docs, /\\u001b\]0;pwned\\u0007/, 'the title is shown, escaped');
    if (json) assert.ok(JSON.parse(docs).items.length === 2, 'JSON stays JSON');
    const show = clean('show', cli('show', '--db', db, 'reprint.txt', '--text', ...flag));
    if (!json) assert.ok(show.split('\n').every((l) => !l.startsWith('sha256     0000')), 'a file name cannot fake a line');
    clean('show by name', cli('show', '--db', db, name, ...flag));
    clean('search', cli('search', '--db', db, 'governor', ...flag));
    for (const cmd of ['figures', 'timeline', 'sources', 'entities', 'checks']) clean(cmd, cli(cmd, '--db', db, ...flag));
  }
  clean('figures --csv', cli('figures', '--db', db, '--csv'));
  const extract = clean('extract', cli('extract', join(dir, 'reports', name), join(dir, 'reports', `empty${CLEAR}.txt`)), 1);
  assert.match(extract, /== dam\\u001b\]0;pwned\\u0007\\u000asha256/);
  clean('extract json', cli('extract', '--format', 'json', join(dir, 'reports', name)));
  clean('token create', cli('token', 'create', '--db', db, '--name', `eve${OSC}`));
  assert.match(clean('token list', cli('token', 'list', '--db', db)), /eve\\u001b/);
  assert.match(clean('unknown option', cli('docs', `--${OSC}`), 1), /unknown option '--\\u001b\]0;pwned\\u0007'/);
  clean('no such report', cli('show', '--db', db, `x${CLEAR}`), 1);
});

test('docs --limit abc names the flag and what was given, not NaN', () => {
  const { dir, db } = hostile();
  clean('ingest', cli('ingest', '--db', db, '--workers', '0', join(dir, 'reports')));
  for (const [flag, v] of [['--limit', 'abc'], ['--limit', '0'], ['--offset', '-1'], ['--limit', '1.5']]) {
    const r = cli('docs', '--db', db, flag!, v!);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`${flag} must be a whole number from \\d+ to \\d+; got "${v!.replace('.', '\\.')}"`));
    assert.doesNotMatch(r.stderr, /NaN/);
  }
  assert.match(cli('search', '--db', db, 'dam', '--limit', 'x').stderr, /--limit must be a whole number/);
});

test('figures --event with no such event fails and lists the events there are', () => {
  const { dir, db } = hostile();
  clean('ingest', cli('ingest', '--db', db, '--workers', '0', join(dir, 'reports')));
  const r = cli('figures', '--db', db, '--event', 'nosuch');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /No event matches "nosuch"; the events are: \S/);
  assert.equal(cli('figures', '--db', db).status, 0);
});

test('ingest counts a missing path as failed, not skipped', () => {
  const dir = tempDir();
  const r = cli('ingest', '--db', join(dir, 'x.db'), '--workers', '0', join(dir, 'nope.txt'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /failed: .*nope\.txt: does not exist/);
  assert.match(r.stdout, /ingested 0, skipped 0, failed 1/);
});

test('ingest and token refuse a --db in a folder that does not exist instead of creating it', () => {
  const dir = tempDir();
  for (const args of [['ingest', join(dir, 'none.txt')], ['token', 'create', '--name', 'a']]) {
    const r = cli(...args, '--db', join(dir, 'typo', 'x.db'));
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /No folder .*typo for the database/);
    assert.equal(existsSync(join(dir, 'typo')), false);
  }
});

test('serve on a port already taken says so and suggests --port, without a stack trace', async () => {
  const { dir, db } = hostile();
  clean('ingest', cli('ingest', '--db', db, '--workers', '0', join(dir, 'reports')));
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = blocker.address() as AddressInfo;
    const { cliAsync } = await import('./helpers/cli.js');
    const child = cliAsync('serve', '--db', db, '--port', String(port));
    let stderr = '';
    child.stderr!.on('data', (d) => { stderr += d; });
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(status, 2);
    assert.match(stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*--port`));
    assert.doesNotMatch(stderr, /\n\s+at /);
  } finally {
    blocker.close();
  }
});

test('ingest refuses a 21-million-character one-line report under the default --max-text, with the reason, and takes a smaller limit', () => {
  const dir = join(tempDir(), 'reports');
  mkdirSync(dir);
  const big = join(dir, 'one-line.txt');
  writeFileSync(big, 'Forty people were killed in the valley, officials said, '.repeat(375_000));
  writeFileSync(join(dir, 'small.txt'), 'On 3 May 2019 floods in Varn killed 12 people, the ministry said.\n');
  const started = performance.now();
  const r = cli('ingest', '--db', join(dir, '..', 'x.db'), '--workers', '0', dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /failed: .*one-line\.txt: the text is 21\.0 M characters after decoding, over the 20\.0 M-character limit \(--max-text\)/);
  assert.match(r.stdout, /ingested 1, skipped 0, failed 1/);
  assert.ok(performance.now() - started < 60_000);
  const small = cli('ingest', '--db', join(dir, '..', 'y.db'), '--workers', '0', '--max-text', '20', join(dir, 'small.txt'));
  assert.equal(small.status, 1);
  assert.match(small.stderr, /over the 20-character limit/);
  assert.match(cli('ingest', '--db', join(dir, '..', 'z.db'), '--max-text', 'lots', dir).stderr, /--max-text must look like 20M, 500k or 1000000; got "lots"/);
});
