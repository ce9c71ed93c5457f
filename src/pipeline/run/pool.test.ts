import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilePool } from './pool.js';
import type { FileOutcome } from './task.js';

function folder(names: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cc-pool-'));
  return names.map((name, i) => {
    const path = join(dir, name);
    writeFileSync(path, `Report ${i}: on 3 May 2001, ${i + 2} people were killed in Varn, police said.\n`);
    return path;
  });
}

/** Every outcome the pool hands back; a pool that stops handing them back fails (and is closed) instead of hanging. */
async function collect(pool: FilePool, paths: string[], onEach?: () => Promise<void>): Promise<Array<[number, FileOutcome]>> {
  const got: Array<[number, FileOutcome]> = [];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the pool stopped after ${got.length} of ${paths.length} outcomes`)), 30_000);
  });
  try {
    await Promise.race([deadline, pool.each({ paths, maxSize: 1 << 20 }, async (i, o) => {
      got.push([i, o]);
      await onEach?.();
    })]);
  } finally {
    clearTimeout(timer);
    await pool.close();
  }
  return got;
}

test('two workers read and extract every file and hand the outcomes back in list order', async () => {
  const paths = folder(Array.from({ length: 40 }, (_, i) => `r${String(i).padStart(2, '0')}.txt`));
  const got = await collect(new FilePool(2), paths);
  assert.deepEqual(got.map(([i]) => i), paths.map((_, i) => i));
  for (const [i, o] of got) {
    assert.ok(o.ok, `file ${i} failed`);
    assert.equal(o.path, paths[i]);
    assert.equal(o.extraction.counts[0]?.min, i + 2);
    assert.equal(o.extraction.dates[0]?.value, '2001-05-03');
  }
});

test('a caller slower than the workers still gets every file once, in order, with a window of one file', async () => {
  const paths = folder(Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, '0')}.txt`));
  const got = await collect(new FilePool(2, { filesPerWorker: 1 }), paths, () => new Promise((r) => setTimeout(r, 5)));
  assert.deepEqual(got.map(([i, o]) => [i, o.path]), paths.map((p, i) => [i, p]));
});

test('a worker that dies fails only the file it was on; a fresh worker reads the rest', { timeout: 8_000 }, async () => {
  const names = Array.from({ length: 30 }, (_, i) => (i === 7 || i === 19 ? `crash-${i}.txt` : `f${String(i).padStart(2, '0')}.txt`));
  const paths = folder(names);
  const worker = new URL('./crash-worker.case.ts', import.meta.url);
  const got = await collect(new FilePool(2, { worker, filesPerWorker: 4 }), paths);
  assert.deepEqual(got.map(([i]) => i), paths.map((_, i) => i));
  for (const [i, o] of got) {
    if (names[i]!.startsWith('crash')) {
      assert.equal(o.ok, false);
      if (!o.ok) assert.match(o.message, /crash-\d+\.txt: the worker reading it stopped \(exit code 7\)/);
    } else {
      assert.ok(o.ok, `file ${i} should have been read`);
    }
  }
});

test('a file that exhausts a worker\'s heap is read again in this thread, and the rest go on', async () => {
  const names = Array.from({ length: 12 }, (_, i) => (i === 4 ? 'oom-4.txt' : i === 9 ? 'crash-9.txt' : `g${String(i).padStart(2, '0')}.txt`));
  const paths = folder(names);
  const worker = new URL('./crash-worker.case.ts', import.meta.url);
  const got = await collect(new FilePool(1, { worker, heapMb: 64 }), paths);
  assert.deepEqual(got.map(([i]) => i), paths.map((_, i) => i));
  const oom = got[4]![1];
  assert.ok(oom.ok, 'read in this thread');
  // Read by the real extractor here (the stand-in worker extracts nothing).
  if (oom.ok) assert.deepEqual([oom.extraction.counts[0]?.min, oom.extraction.dates[0]?.value], [6, '2001-05-03']);
  assert.equal(got[9]![1].ok, false, 'a worker that exits for another reason still fails its file');
  assert.ok(got.filter(([i]) => i !== 9).every(([, o]) => o.ok));
});

test('with no workers the files are read in this thread, in order', async () => {
  const paths = folder(['a.txt', 'b.txt', 'c.txt']);
  const got = await collect(new FilePool(0), paths);
  assert.deepEqual(got.map(([i, o]) => [i, o.ok && o.path]), paths.map((p, i) => [i, p]));
});

test('a worker stuck on one file past --max-seconds is stopped, the file fails with that reason, and the rest go on', { timeout: 20_000 }, async () => {
  const names = Array.from({ length: 10 }, (_, i) => (i === 3 ? 'hang-3.txt' : `h${String(i).padStart(2, '0')}.txt`));
  const paths = folder(names);
  const pool = new FilePool(2, { worker: new URL('./crash-worker.case.ts', import.meta.url), filesPerWorker: 4 });
  const got: Array<[number, FileOutcome]> = [];
  const started = performance.now();
  try {
    await pool.each({ paths, maxSize: 1 << 20, maxSeconds: 1 }, (i, o) => { got.push([i, o]); });
  } finally {
    await pool.close();
  }
  assert.deepEqual(got.map(([i]) => i), paths.map((_, i) => i));
  const [, stuck] = got[3]!;
  assert.ok(!stuck.ok && stuck.code === 'E_TOO_LARGE' && /hang-3\.txt: reading and extracting it took longer than 1 s \(--max-seconds\)/.test(stuck.message), JSON.stringify(stuck));
  assert.ok(got.every(([i, o]) => i === 3 || o.ok));
  assert.ok(performance.now() - started < 10_000);
});
