import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PoolQueue } from './pool-queue.js';

const report = (n: number) => new TextEncoder().encode(`On 3 May 2001, ${n} people were killed in Varn, police said.\n`);

test('reports asked for at once are each read on the workers and answered with their own outcome', async () => {
  const q = new PoolQueue(2);
  try {
    assert.equal(q.started, false, 'no worker before the first report');
    const outcomes = await Promise.all(Array.from({ length: 9 }, (_, i) => q.run({ path: `r${i}.txt`, maxSize: 1 << 20, given: { bytes: report(i + 2) } })));
    assert.ok(q.started);
    outcomes.forEach((o, i) => {
      assert.ok(o.ok, `r${i}.txt failed`);
      assert.equal(o.path, `r${i}.txt`);
      assert.equal(o.extraction.counts[0]?.min, i + 2);
      assert.deepEqual([...o.original], [...report(i + 2)], 'the original bytes come back');
    });
  } finally {
    await q.close();
  }
});

test('a refused report is a failed outcome with its code and reason; a page keeps its format and fallback metadata', async () => {
  const q = new PoolQueue(1);
  try {
    const [empty, big, page] = await Promise.all([
      q.run({ path: 'empty.txt', maxSize: 100, given: { bytes: new Uint8Array(0) } }),
      q.run({ path: 'big.txt', maxSize: 100, given: { bytes: new Uint8Array(300).fill(65) } }),
      q.run({ path: 'https://example.org/news', maxSize: 1 << 20, given: {
        bytes: new TextEncoder().encode('<html><head><title>Varn</title></head><body><p>On 3 May 2001, 4 people were killed in Varn.</p></body></html>'),
        format: 'html', fallbackMeta: { url: 'https://example.org/news' },
      } }),
    ]);
    assert.deepEqual(empty.ok ? null : [empty.code, /empty/.test(empty.message)], ['E_EMPTY', true]);
    assert.deepEqual(big.ok ? null : [big.code, big.message], ['E_TOO_LARGE', 'big.txt: the file is 300 B, over the 100 B limit']);
    assert.ok(page.ok);
    assert.deepEqual([page.doc.format, page.doc.meta.title, page.doc.meta.url], ['html', 'Varn', 'https://example.org/news']);
  } finally {
    await q.close();
  }
});

test('close answers the reports still waiting instead of leaving them, and refuses new ones', async () => {
  const q = new PoolQueue(1);
  const waiting = Array.from({ length: 3 }, (_, i) => q.run({ path: `w${i}.txt`, maxSize: 1 << 20, given: { bytes: report(i) } }));
  const settled = Promise.allSettled(waiting);
  await q.close();
  for (const r of await settled) assert.ok(r.status === 'rejected' || r.value.ok, 'each is answered, read or refused');
  await assert.rejects(q.run({ path: 'late.txt', maxSize: 10, given: { bytes: report(1) } }), /closed/);
});
