/** Shared cases: derived parts, source signatures with their band keys, and reconciled row sets. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Derived, StoreFactory } from '../store.js';
import { floodReport, numberedReport, report, withStore } from './fixtures.case.js';

/** A derived record whose signature has the given band keys. */
function derived(keys: number[], parts: Record<string, unknown> = { facts: [{ kind: 'none' }] }): Derived {
  return {
    parts,
    signature: { fingerprint: keys.length, starts: Int32Array.from([0, 4]), ends: Int32Array.from([3, 9]), shingles: Int32Array.from([7, -7]), bandKeys: Int32Array.from(keys) },
  };
}

/** Register the row cases against `newStore`. */
export function rowCases(newStore: StoreFactory): void {
  it('stores derived parts and the signature with the report, and reads them back without the text', async () => withStore(newStore, async (store) => {
    const input = { ...floodReport(), derived: derived([1, 2, 3, 4], { facts: [{ kind: 'official' }], mentions: [] }) };
    const [added] = await store.addReports([input]);
    const id = added!.id;
    assert.deepEqual(await store.getParts([id], ['facts']), new Map([[id, { facts: [{ kind: 'official' }] }]]));
    const sig = (await store.getSignatures([id])).get(id)!;
    assert.deepEqual([...sig.bandKeys], [1, 2, 3, 4]);
    assert.deepEqual([...sig.shingles], [7, -7]);
    const all = [];
    for await (const d of store.allDerived(['facts', 'mentions'])) all.push(d);
    assert.equal(all.length, 1);
    assert.deepEqual(all[0]!.parts, { facts: [{ kind: 'official' }], mentions: [] });
    assert.equal(all[0]!.extraction.counts.length, input.extraction.counts.length);
    assert.equal('text' in all[0]!, false);
    assert.ok(Number.isInteger(all[0]!.order) && all[0]!.order > 0);
  }));

  it('reads the derived parts of the reports asked for only, current ones in ingestion order, and lists reports without their extraction', async () => withStore(newStore, async (store) => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [r] = await store.addReports([{ ...numberedReport('some', i), derived: derived([1, i], { facts: [{ n: i }], dated: [] }) }]);
      ids.push(r!.id);
    }
    // A new version of report 1 at its path: the old one is no longer current.
    const [v2] = await store.addReports([{ ...report({ path: 'bulk/some/1.txt', text: 'Bulletin some-1, revised.', meta: { title: 'Revised' } }), derived: derived([1, 9], { facts: [{ n: 9 }] }) }]);
    assert.equal(v2!.status, 'new-version');
    const got = [];
    for await (const d of store.allDerived(['facts'], { ids: [ids[0]!, ids[1]!, ids[3]!, v2!.id, 'no-such-report'] })) got.push(d);
    assert.deepEqual(got.map((d) => d.id), [ids[0], ids[3], v2!.id]);
    assert.deepEqual(got.map((d) => d.parts), [{ facts: [{ n: 0 }] }, { facts: [{ n: 3 }] }, { facts: [{ n: 9 }] }], 'only the parts named');
    assert.equal(got[1]!.extraction.counts.length, 2);
    assert.equal(got[1]!.extraction.counts[0]!.min, 8);
    const listed = [];
    for await (const d of store.allDerived([], { extraction: false })) listed.push(d);
    assert.deepEqual(listed.map((d) => d.id), [ids[0], ids[2], ids[3], v2!.id]);
    assert.ok(listed.every((d) => d.extraction.counts.length === 0 && Object.keys(d.parts).length === 0 && d.meta.title !== undefined));
    assert.deepEqual(listed.map((d) => d.version), [1, 1, 1, 2], 'a new version says so');
    // Only those stored after a position: what a build that read up to it has not seen.
    const since = [];
    for await (const d of store.allDerived(['facts'], { after: listed[1]!.order })) since.push(d);
    assert.deepEqual(since.map((d) => [d.id, d.parts]), [[ids[3], { facts: [{ n: 3 }] }], [v2!.id, { facts: [{ n: 9 }] }]]);
    assert.equal(since[0]!.extraction.counts.length, 2);
  }));

  it('finds earlier reports by shared band keys, the most recent first, capped per key, and forgets replaced keys', async () => withStore(newStore, async (store) => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const [r] = await store.addReports([{ ...numberedReport('band', i), derived: derived(i === 4 ? [9, 9, 1, 1] : [1, 1, i, 100 + i]) }]);
      ids.push(r!.id);
    }
    assert.deepEqual(await store.unpaired(10), ids);
    const found = await store.sourceCandidates(ids[4]!, 3, 10);
    assert.deepEqual(found.map((c) => [c.id, c.shared]), [[ids[1]!, 1], [ids[2]!, 1], [ids[3]!, 1]], 'the 3 most recent of the bucket, oldest first');
    assert.deepEqual([...found[0]!.signature.shingles], [7, -7]);
    assert.deepEqual((await store.sourceCandidates(ids[4]!, 10, 2)).map((c) => c.id), [ids[2]!, ids[3]!], 'the most recent when capped');
    assert.deepEqual(await store.sourceCandidates(ids[0]!, 10, 10), [], 'only earlier reports');
    const ofIds = (list: Array<{ id: string; shared: number }>) => list.map((c) => ({ id: c.id, shared: c.shared }));
    assert.deepEqual([...await store.sourceCandidateIds([ids[0]!, ids[4]!, 'nosuch'], 3, 10)], [[ids[0]!, []], [ids[4]!, ofIds(found)]], 'the same, several reports at once');
    await store.markPaired([ids[0]!, ids[1]!], [{ set: 'pairs', rows: [{ key: 'x', group: ids[0]!, data: { a: 1 } }] }]);
    assert.deepEqual(await store.unpaired(10), ids.slice(2));
    const orders = new Map<string, number>();
    for await (const d of store.allDerived([], { extraction: false })) orders.set(d.id, d.order);
    assert.deepEqual(await store.unpaired(10, orders.get(ids[3]!)), ids.slice(2, 4), 'only up to a position');
    await store.putDerived(ids[3]!, derived([5, 5]));
    assert.deepEqual((await store.sourceCandidates(ids[4]!, 10, 10)).map((c) => c.id), [ids[0]!, ids[1]!, ids[2]!]);
    assert.deepEqual((await store.sourceCandidateIds([ids[3]!, ids[4]!], 10, 10)).get(ids[4]!)!.map((c) => c.id), [ids[0]!, ids[1]!, ids[2]!]);
    await store.resetSources([{ set: 'pairs', clear: 'all' }]);
    assert.deepEqual(await store.unpaired(10), ids);
    assert.equal(await store.countRows('pairs'), 0);
  }));

  it('gives the listing items of the documents asked for', async () => withStore(newStore, async (store) => {
    const [a] = await store.addReports([numberedReport('sum', 1)]);
    const [b] = await store.addReports([numberedReport('sum', 2)]);
    assert.deepEqual((await store.getSummaries([b!.id, 'nosuch', a!.id])).map((d) => d.id), [a!.id, b!.id]);
    assert.deepEqual(await store.getSummaries([]), []);
  }));

  it('finds the same candidates for a long report (thousands of keys, looked up by one join)', async () => withStore(newStore, async (store) => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [r] = await store.addReports([{ ...numberedReport('long', i), derived: derived([7, 7, 8, i, 9, 9]) }]);
      ids.push(r!.id);
    }
    const many = Array.from({ length: 2 * 2500 }, (_, i) => 1000 + i);
    const [long] = await store.addReports([{ ...numberedReport('long', 9), derived: derived([...many, 7, 7, 9, 9, 8, 2]) }]);
    const found = await store.sourceCandidates(long!.id, 3, 10);
    assert.deepEqual(found.map((c) => [c.id, c.shared]), [[ids[1]!, 2], [ids[2]!, 3], [ids[3]!, 2]], 'each bucket offers its 3 most recent');
    assert.deepEqual((await store.sourceCandidateIds([ids[3]!, long!.id], 3, 10)).get(long!.id)!.map((c) => [c.id, c.shared]), [[ids[1]!, 2], [ids[2]!, 3], [ids[3]!, 2]]);
  }));

  it('lists reports stored without derived parts, for a backfill', async () => withStore(newStore, async (store) => {
    const [plain] = await store.addReports([numberedReport('plain', 1)]);
    await store.addReports([{ ...numberedReport('plain', 2), derived: derived([1, 2]) }]);
    assert.deepEqual(await store.underived(10), [plain!.id]);
    const listed = [];
    for await (const d of store.allDerived([], { extraction: false })) listed.push(d);
    assert.deepEqual(await store.underived(10, listed[0]!.order), [], 'only those stored after the position');
    await store.putDerived(plain!.id, derived([3, 4]));
    assert.deepEqual(await store.underived(10), []);
    await assert.rejects(store.putDerived('nosuch', derived([1, 2])), { code: 'E_NOT_FOUND' });
  }));

  it('keeps row sets: replaced whole or by group, read by key, group, tag and day range, in order and by page', async () => withStore(newStore, async (store) => {
    await store.putRows([{ set: 'figures', rows: [
      { key: 'f1', group: 'e1', tag: 'killed', ord: 2, data: { n: 1 } },
      { key: 'f0', group: 'e1', tag: 'injured', ord: 1, data: { n: 0 } },
      { key: 'f2', group: 'e2', tag: 'killed', ord: 3, data: { n: 2 } },
    ] }, { set: 'timeline', rows: [
      { key: 't0', ord: 0, lo: '1992-02-25', hi: '1992-02-26', data: 'a' },
      { key: 't1', ord: 1, lo: '1993-01-01', hi: '1993-12-31', data: 'b' },
    ] }]);
    assert.deepEqual((await store.getRows('figures')).map((r) => r.key), ['f0', 'f1', 'f2']);
    assert.deepEqual((await store.getRows('figures', { group: 'e1' })).map((r) => r.data), [{ n: 0 }, { n: 1 }]);
    assert.deepEqual((await store.getRows('figures', { tag: 'killed', limit: 1, offset: 1 })).map((r) => r.key), ['f2']);
    assert.deepEqual((await store.getRows('figures', { keys: ['f2', 'f0', 'nosuch'] })).map((r) => r.key), ['f0', 'f2']);
    assert.equal(await store.countRows('figures', { group: 'e1', limit: 1 }), 2);
    assert.deepEqual((await store.getRows('figures', { tags: ['injured', 'nosuch'] })).map((r) => r.key), ['f0']);
    assert.deepEqual((await store.getRows('figures', { groups: ['e1', 'e2'], tags: ['killed'], limit: 1, offset: 1 })).map((r) => r.key), ['f2']);
    assert.equal(await store.countRows('figures', { tags: ['killed', 'injured'] }), 3);
    assert.deepEqual((await store.getRows('figures', { tags: ['killed', 'injured'], limit: 2, offset: 1 })).map((r) => r.key), ['f1', 'f2'], 'a page of several tags, in order');
    assert.deepEqual((await store.getRows('figures', { groups: ['e2', 'e1'] })).map((r) => r.key), ['f0', 'f1', 'f2']);
    assert.deepEqual((await store.getRows('timeline', { hiFrom: '1993-06-01' })).map((r) => r.data), ['b']);
    assert.deepEqual((await store.getRows('timeline', { loTo: '1992-12-31' })).map((r) => r.data), ['a']);
    await store.putRows([{ set: 'figures', clear: { groups: ['e1'] }, rows: [{ key: 'f3', group: 'e1', ord: 0, data: { n: 3 } }] }]);
    assert.deepEqual((await store.getRows('figures')).map((r) => r.key), ['f3', 'f2']);
    await store.putRows([{ set: 'figures', clear: { tags: ['nosuch'] } }]);
    assert.equal(await store.countRows('figures'), 2);
    await store.putRows([{ set: 'figures', clear: { keys: ['f2'] } }, { set: 'timeline', clear: 'all' }]);
    assert.deepEqual((await store.getRows('figures')).map((r) => r.key), ['f3']);
    assert.equal(await store.countRows('timeline'), 0);
    assert.deepEqual(await store.getRows('nosuch'), []);
    await store.putRows([{ set: 'figures', rows: [{ key: 'f4', ord: 4, data: { n: 4 } }] }]);
    await store.putRows([{ set: 'figures', clear: 'replace', rows: [{ key: 'f4', ord: 1, data: { n: 4 } }, { key: 'f5', group: 'e5', ord: 2, data: [5] }] }]);
    assert.deepEqual((await store.getRows('figures')).map((r) => [r.key, r.ord, r.group, r.data]), [['f4', 1, null, { n: 4 }], ['f5', 2, 'e5', [5]]], 'replace: exactly the rows given');
  }));

  it('keeps link sets of stored reports: added, read by group in ingestion order, removed one by one or whole, in the same transaction as rows', async () => withStore(newStore, async (store) => {
    const [r0, r1, r2] = await store.addReports([numberedReport('link', 0), numberedReport('link', 1), numberedReport('link', 2)]);
    const [d0, d1, d2] = [r0!.id, r1!.id, r2!.id];
    const docs = [d0, d1, d2];
    // More than one INSERT's worth, out of order, with a link given twice.
    const many = Array.from({ length: 70 }, (_, i) => [`w${String(69 - i).padStart(2, '0')}`, docs[i % 3]!] as const);
    await store.putRows([
      { links: 'words', add: [...many, ['khojaly', d2], ['khojaly', d1], ['xocalı', d1], ['khojaly', d1]] },
      { set: 'figures', rows: [{ key: 'f1', data: 1 }] },
      { links: 'events', add: [['e1', d1], ['e2', d1], ['e1', d2]] },
    ]);
    assert.deepEqual(await store.getLinks('words', ['xocalı', 'khojaly', 'nosuch']), [['khojaly', d1], ['khojaly', d2], ['xocalı', d1]], 'by group, then the order reports came in; a link once');
    assert.equal((await store.getLinks('words')).length, 73);
    assert.deepEqual((await store.getLinks('words', ['w00', 'w69'])), [['w00', d0], ['w69', d0]]);
    assert.deepEqual(await store.getLinks('words', []), []);
    assert.deepEqual(await store.getLinks('nosuch'), []);
    assert.deepEqual((await store.getRows('figures')).map((r) => r.key), ['f1'], 'rows and links in one change list');
    // Removed before added: a link both removed and added stays; one not stored, or of a report not stored, is no error.
    const gone = [...Array.from({ length: 70 }, (_, i) => [`x${i}`, d1] as const), ['e1', d1], ['e2', d1], ['e1', d0], ['e1', 'nosuch']] as const;
    await store.putRows([{ links: 'events', remove: gone, add: [['e3', d1], ['e2', d1]] }]);
    assert.deepEqual(await store.getLinks('events'), [['e1', d2], ['e2', d1], ['e3', d1]], "a report's links changed, another's kept");
    assert.equal((await store.getLinks('words')).length, 73, 'another set untouched');
    await store.putRows([{ links: 'words', clear: 'all', add: [['khojaly', d0]] }]);
    assert.deepEqual(await store.getLinks('words'), [['khojaly', d0]]);
    assert.deepEqual(await store.getRows('words'), [], 'links are not rows');
    // A link to a report not stored fails the whole change list.
    await assert.rejects(store.putRows([{ links: 'words', clear: 'all' }, { set: 'figures', rows: [{ key: 'f2', data: 2 }] }, { links: 'words', add: [['khojaly', 'nosuch']] }]), { code: 'E_NOT_FOUND' });
    assert.deepEqual(await store.getLinks('words'), [['khojaly', d0]], 'nothing of a failed change list');
    assert.deepEqual((await store.getRows('figures')).map((r) => r.key), ['f1']);
  }));

  it('pages deep into a set of thousands of rows exactly as the whole set reads, and again after rows come before the pages', async () => withStore(newStore, async (store) => {
    // Rows of one ord (ordered by key) and of two tags, more than a page-finding step of 4096 apart.
    const row = (i: number, ord = 0) => ({ key: `k${String(i).padStart(6, '0')}`, tag: i % 3 ? 'a' : 'b', ord, data: i });
    await store.putRows([{ set: 'deep', rows: Array.from({ length: 10_000 }, (_, i) => row(i)) }]);
    const whole = (await store.getRows<number>('deep')).map((r) => r.data);
    const offsets = [0, 4095, 4096, 4097, 8191, 9990, 10_000, 12_000];
    const read = async (tags?: string[]) => Promise.all(offsets.map(async (offset) =>
      (await store.getRows<number>('deep', { limit: 20, offset, ...(tags ? { tags } : {}) })).map((r) => r.data)));
    assert.deepEqual(await read(), offsets.map((o) => whole.slice(o, o + 20)));
    assert.deepEqual(await read(['a', 'b']), offsets.map((o) => whole.slice(o, o + 20)), 'several tags, read in order');
    assert.equal(await store.countRows('deep'), 10_000);
    // 50 rows of a lower ord come first: every deep page moves by 50, the count with them.
    await store.putRows([{ set: 'deep', rows: Array.from({ length: 50 }, (_, i) => row(20_000 + i, -1)) }]);
    const moved = [...Array.from({ length: 50 }, (_, i) => 20_000 + i), ...whole];
    assert.deepEqual(await read(), offsets.map((o) => moved.slice(o, o + 20)));
    assert.equal(await store.countRows('deep'), 10_050);
    assert.deepEqual((await store.getRows<number>('deep', { offset: 10_040 })).map((r) => r.data), moved.slice(10_040), 'an offset with no limit');
  }));

  it('orders rows by an ord as large as a time in milliseconds, exactly, ties by key (decisions kept in the order made)', async () => withStore(newStore, async (store) => {
    const at = (iso: string) => Date.parse(iso);
    await store.putRows([{ set: 'decisions', rows: [
      { key: '2026-12-04T17:00:00.002Z b', ord: at('2026-12-04T17:00:00.002Z'), data: 3 },
      { key: '2026-12-04T17:00:00.001Z z', ord: at('2026-12-04T17:00:00.001Z'), data: 2 },
      { key: '2026-12-04T17:00:00.001Z a', ord: at('2026-12-04T17:00:00.001Z'), data: 1 },
      { key: '2025-01-01T00:00:00.000Z q', ord: at('2025-01-01T00:00:00.000Z'), data: 0 },
    ] }]);
    const rows = await store.getRows<number>('decisions');
    assert.deepEqual(rows.map((r) => r.data), [0, 1, 2, 3]);
    assert.equal(rows[3]!.ord, at('2026-12-04T17:00:00.002Z'));
    const paged = await Promise.all([0, 1, 2, 3].map((offset) => store.getRows<number>('decisions', { limit: 1, offset })));
    assert.deepEqual(paged.map((p) => p.map((r) => r.data)), [[0], [1], [2], [3]], 'pages in the same order, ties by key');
  }));
}
