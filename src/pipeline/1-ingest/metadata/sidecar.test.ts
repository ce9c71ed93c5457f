import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySidecar, parseSidecar, readSidecar, readSidecarSync } from './sidecar.js';
import { isAppError } from '../../../domain/errors.js';
import { silentLogger } from '../../../domain/logger.js';
import type { Logger } from '../../../domain/logger.js';

test('lays sidecar fields over the metadata and takes them off the inferred list', () => {
  const meta = { title: 'Inferred title', author: 'Wrong Person', published: '2023', inferred: ['title', 'author', 'published'] };
  assert.deepEqual(applySidecar(meta, { title: 'Curated title', author: null }), { title: 'Curated title', published: '2023', inferred: ['published'] });
});

test('drops the inferred list when the sidecar overrides every inferred field', () => {
  assert.deepEqual(applySidecar({ title: 'x', inferred: ['title'] }, { title: 'y' }), { title: 'y' });
});

test('normalises a sidecar date to EDTF and keeps EDTF values as written', () => {
  assert.deepEqual(parseSidecar({ published: '26 February 2024' }, 's.json', silentLogger), { published: '2024-02-26' });
  assert.deepEqual(parseSidecar({ published: '199X' }, 's.json', silentLogger), { published: '199X' });
});

test('treats an empty string in a sidecar as removing the field', () => {
  assert.deepEqual(parseSidecar({ author: '  ' }, 's.json', silentLogger), { author: null });
});

for (const [value, reason] of [
  [[1, 2], /expected a JSON object/],
  ['text', /expected a JSON object/],
  [{ title: 7 }, /"title" must be a string or null/],
  [{ published: 'soon' }, /"published" is not a date/],
] as const) {
  test(`refuses the sidecar ${JSON.stringify(value)} with E_BAD_INPUT`, () => {
    assert.throws(() => parseSidecar(value, 'r.txt.meta.json', silentLogger), (e) =>
      isAppError(e, 'E_BAD_INPUT') && e.message.startsWith('r.txt.meta.json: invalid metadata sidecar') && reason.test(e.message));
  });
}

test('warns about sidecar keys that are not metadata fields, and ignores them', () => {
  const warnings: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (m) => warnings.push(m) };
  assert.deepEqual(parseSidecar({ titel: 'typo', title: 'T' }, 's.json', logger), { title: 'T' });
  assert.deepEqual(warnings, ['s.json: metadata sidecar key "titel" is not a metadata field; ignored']);
});

test('reads the sidecar next to a report, and finds none where there is none', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-sidecar-'));
  try {
    await writeFile(join(dir, 'a.txt.meta.json'), '\uFEFF{ "url": "https://x.example/a" }');
    assert.deepEqual(await readSidecar(join(dir, 'a.txt'), silentLogger), { url: 'https://x.example/a' });
    assert.equal(await readSidecar(join(dir, 'b.txt'), silentLogger), undefined);
    await writeFile(join(dir, 'c.txt.meta.json'), '{ "url": ');
    await assert.rejects(readSidecar(join(dir, 'c.txt'), silentLogger), (e) => isAppError(e, 'E_BAD_INPUT') && /not valid JSON/.test(e.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

for (const [value, reason] of [
  [{ title: 'x'.repeat(5_000_000) }, /"title" is 5,000,000 characters long; at most 1000 are accepted/],
  [{ url: `https://x.example/${'a'.repeat(3000)}` }, /"url" is 3,018 characters long; at most 2048/],
  [{ published: '2024-02-30' }, /"published" is not a day of the calendar: "2024-02-30"/],
  [{ published: '2024-13' }, /"published" is not a day of the calendar/],
] as const) {
  test(`refuses the sidecar ${JSON.stringify(value).slice(0, 60)} with its own reason, never the --published flag's`, () => {
    assert.throws(() => parseSidecar(value, 'r.txt.meta.json', silentLogger), (e) =>
      isAppError(e, 'E_BAD_INPUT') && reason.test(e.message) && !/--published/.test(e.message));
  });
}

test('refuses a sidecar file larger than 64 KB before reading it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-sidecar-'));
  try {
    await writeFile(join(dir, 'a.txt.meta.json'), `{ "title": "${'x'.repeat(100 * 1024)}" }`);
    await assert.rejects(readSidecar(join(dir, 'a.txt'), silentLogger), (e) => isAppError(e, 'E_BAD_INPUT') && /the sidecar is 100 KB; a sidecar is at most 64 KB/.test(e.message));
    assert.throws(() => readSidecarSync(join(dir, 'a.txt'), silentLogger), (e) => isAppError(e, 'E_BAD_INPUT') && /at most 64 KB/.test(e.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
