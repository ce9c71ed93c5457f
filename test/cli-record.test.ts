import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli, tempDir } from './helpers/cli.js';

const examples = join(import.meta.dirname, '..', 'examples');

test('figures, sources, timeline, entities and checks read the record that ingest builds', () => {
  const db = join(tempDir(), 'ex.db');
  const ingest = cli('ingest', '--db', db, '--workers', '1', examples);
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.match(ingest.stdout, /reconciled: \d+ figures/);

  const figures = JSON.parse(cli('figures', '--db', db, '--json').stdout) as { key: { measure: string; group: string }; values: { label: string; attributions: string[] }[]; verdict: { status: string } }[];
  const killed = figures.find((f) => f.key.measure === 'killed' && f.key.group === 'all')!;
  assert.ok(killed.values.length >= 2, 'the examples disagree on the dead');
  assert.equal(killed.verdict.status, 'diverging');
  assert.ok(killed.values.every((v) => v.attributions.length > 0 || v.label), 'every value carries its attribution or the report\'s own voice');

  const csv = cli('figures', '--db', db, '--csv').stdout.split('\n');
  assert.equal(csv[0], 'event,measure,group,unit,value,min,max,reports,independent,attributions,verdict,reason');
  assert.ok(csv.length > 2);

  const sources = JSON.parse(cli('sources', '--db', db, '--json').stdout) as { pairs: { passages: unknown[] }[] };
  assert.ok(sources.pairs.length >= 1, 'the wire story and its reprint share passages');

  const timeline = cli('timeline', '--db', db);
  assert.equal(timeline.status, 0);
  assert.match(timeline.stdout, /2021-06-1[34]/);
  assert.match(cli('entities', '--db', db).stdout, /Kessrin \[place\]/);
  assert.equal(cli('checks', '--db', db, '--json').status, 0);
});

test('the record commands say what to do when there is no database', () => {
  const r = cli('figures', '--db', join(tempDir(), 'none.db'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /crosscheck ingest/);
});
