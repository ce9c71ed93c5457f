/** Derived parts and source signatures: written with a report, read by reconciliation without texts. */
import type { Database } from 'better-sqlite3';
import type { Change, Derived, SourceCandidate, SourceSignature, StoredDerived } from '../row-types.js';
import { toCountCells, toDate, toStoredDocument, COUNT_COLUMNS, DOC_COLUMNS } from './rows.js';
import type { DateRow, DocRow } from './rows.js';
import type { RowWriter } from './record-rows.js';
import { bytesOf, intsOf, packedOffsets } from '../int-arrays.js';

/** Keys from which a report's keys are counted once each (as the join that looked up long reports did before candidates were looked up in batches). */
const PROBE_FROM = 2000;

/** Reports whose band keys are indexed in one sorted insert (one transaction): 3.2 million keys of bench reports. */
const INDEX_STEP = 50_000;

interface SignatureRow {
  id: string;
  fingerprint: number;
  starts: Buffer;
  ends: Buffer;
  shingles: Buffer;
  bands: Buffer;
}

/**
 * The band-key index, brought up to date in bulk (migration 9): the keys of the reports stored
 * since it last was are sorted and inserted together, so that an insert lands beside the one
 * before it, not on a page of its own anywhere in the index.
 */
export function bandKeyIndex(db: Database) {
  const through = db.prepare<[], string>(`SELECT value FROM meta WHERE key = 'band-keys-through'`).pluck();
  const setThrough = db.prepare<[string]>(`INSERT INTO meta (key, value) VALUES ('band-keys-through', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  const indexedThrough = (): number => Number(through.get() ?? 0);
  const pendingSigs = db.prepare<[number, number], { doc_seq: number; bands: Buffer }>('SELECT doc_seq, bands FROM signatures WHERE doc_seq > ? ORDER BY doc_seq LIMIT ?');
  const anyPending = db.prepare<[number], number>('SELECT 1 FROM signatures WHERE doc_seq > ? LIMIT 1').pluck();
  db.exec('CREATE TEMP TABLE IF NOT EXISTS pending_bands (k1 INTEGER NOT NULL, k2 INTEGER NOT NULL, doc_seq INTEGER NOT NULL)');
  const addPending = db.prepare<[number, number, number]>('INSERT INTO pending_bands (k1, k2, doc_seq) VALUES (?, ?, ?)');
  const flushPending = db.prepare('INSERT OR IGNORE INTO band_keys (k1, k2, doc_seq) SELECT k1, k2, doc_seq FROM pending_bands ORDER BY k1, k2, doc_seq');
  const clearPending = db.prepare('DELETE FROM pending_bands');
  /** Indexes the band keys of up to INDEX_STEP reports not yet indexed; false when none is left. */
  const step = db.transaction((): boolean => {
    const sigs = pendingSigs.all(indexedThrough(), INDEX_STEP);
    if (!sigs.length) return false;
    clearPending.run();
    for (const s of sigs) {
      const k = intsOf(s.bands);
      for (let i = 0; i < k.length; i += 2) addPending.run(k[i]!, k[i + 1]!, s.doc_seq);
    }
    flushPending.run();
    clearPending.run();
    setThrough.run(String(sigs[sigs.length - 1]!.doc_seq));
    return sigs.length === INDEX_STEP;
  });
  return {
    /** The row number through which every report's keys are indexed. */
    through: indexedThrough,
    /** True when some report's keys are not yet indexed. */
    pending: (): boolean => anyPending.get(indexedThrough()) !== undefined,
    /** Indexes every report's keys not yet indexed, INDEX_STEP reports a transaction. */
    indexAll: (): void => { while (step.immediate()); },
  };
}

/** Statements for derived parts and signatures. */
export function prepareDerived(db: Database, rows: RowWriter) {
  const seqOf = db.prepare<[string], number>('SELECT seq FROM documents WHERE id = ?').pluck();
  const delParts = db.prepare<[number]>('DELETE FROM derived WHERE doc_seq = ?');
  const putPart = db.prepare<[number, string, string]>('INSERT INTO derived (doc_seq, part, data) VALUES (?, ?, ?)');
  const oldBands = db.prepare<[number], Buffer>('SELECT bands FROM signatures WHERE doc_seq = ?').pluck();
  const delSig = db.prepare<[number]>('DELETE FROM signatures WHERE doc_seq = ?');
  const delBand = db.prepare<[number, number, number]>('DELETE FROM band_keys WHERE k1 = ? AND k2 = ? AND doc_seq = ?');
  const putSig = db.prepare<[number, number, Buffer, Buffer, Buffer, Buffer]>('INSERT INTO signatures (doc_seq, fingerprint, starts, ends, shingles, bands) VALUES (?, ?, ?, ?, ?, ?)');
  const putBand = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO band_keys (k1, k2, doc_seq) VALUES (?, ?, ?)');
  const current = `NOT EXISTS (SELECT 1 FROM versions w WHERE w.path = v.path AND w.version > v.version)`;
  const docs = db.prepare<[number, number], DocRow>(`SELECT ${DOC_COLUMNS} FROM documents d JOIN versions v ON v.doc_seq = d.seq
    WHERE d.seq > ? AND ${current} ORDER BY d.seq LIMIT ?`);
  // Counts as cells: a reconcile reads millions of them (toCountCells).
  const counts = db.prepare<[number, number], unknown[]>(`SELECT doc_seq, ${COUNT_COLUMNS} FROM counts WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, ordinal`).raw();
  const dates = db.prepare<[number, number], DateRow & { doc_seq: number }>('SELECT doc_seq, value, span_start, span_end, quote, relative FROM dates WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, ordinal');
  // Only the parts asked for are read: a report's quotes and citations are most of its derived bytes.
  const partsIn = db.prepare<[number, number, string], { doc_seq: number; part: string; data: string }>('SELECT doc_seq, part, data FROM derived WHERE doc_seq BETWEEN ? AND ? AND part IN (SELECT value FROM json_each(?))');
  const partsOf = db.prepare<[number], { part: string; data: string }>('SELECT part, data FROM derived WHERE doc_seq = ?');
  // The same three reads for a list of documents (the reports a change touches), by their seqs.
  const docsIn = db.prepare<[string], DocRow>(`SELECT ${DOC_COLUMNS} FROM documents d JOIN versions v ON v.doc_seq = d.seq
    WHERE d.id IN (SELECT value FROM json_each(?)) AND ${current} ORDER BY d.seq`);
  const countsIn = db.prepare<[string], unknown[]>(`SELECT doc_seq, ${COUNT_COLUMNS} FROM counts WHERE doc_seq IN (SELECT value FROM json_each(?)) ORDER BY doc_seq, ordinal`).raw();
  const datesIn = db.prepare<[string], DateRow & { doc_seq: number }>('SELECT doc_seq, value, span_start, span_end, quote, relative FROM dates WHERE doc_seq IN (SELECT value FROM json_each(?)) ORDER BY doc_seq, ordinal');
  const partsOfSeqs = db.prepare<[string, string], { doc_seq: number; part: string; data: string }>('SELECT doc_seq, part, data FROM derived WHERE doc_seq IN (SELECT value FROM json_each(?)) AND part IN (SELECT value FROM json_each(?))');
  type Slot = { counts: ReturnType<typeof toCountCells>[]; dates: ReturnType<typeof toDate>[]; parts: Record<string, unknown> };
  /** The stored-derived items of some document rows, their extraction (unless `extraction` is false) and parts filled by the readers given. */
  const assemble = (list: readonly DocRow[], fill: (bySeq: Map<number, Slot>) => void): StoredDerived[] => {
    const bySeq = new Map<number, Slot>(list.map((r) => [r.seq, { counts: [], dates: [], parts: {} }]));
    fill(bySeq);
    return list.map((r) => {
      const doc = toStoredDocument(r);
      const x = bySeq.get(r.seq)!;
      return { id: doc.id, order: r.seq, name: doc.name, version: doc.version, meta: doc.meta, extraction: { counts: x.counts, dates: x.dates }, parts: x.parts };
    });
  };
  const counted = db.prepare<[], number>('SELECT (SELECT count(*) FROM documents) - (SELECT count(*) FROM signatures)').pluck();
  const underived = db.prepare<[number, number], string>(`SELECT d.id FROM documents d JOIN versions v ON v.doc_seq = d.seq
    WHERE d.seq > ? AND ${current} AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.doc_seq = d.seq) ORDER BY d.seq LIMIT ?`).pluck();
  const unpaired = db.prepare<[number, number], string>('SELECT d.id FROM signatures s JOIN documents d ON d.seq = s.doc_seq WHERE s.paired = 0 AND s.doc_seq <= ? ORDER BY s.doc_seq LIMIT ?').pluck();
  const sigOf = db.prepare<[string], SignatureRow & { seq: number }>('SELECT d.id, d.seq, s.fingerprint, s.starts, s.ends, s.shingles, s.bands FROM signatures s JOIN documents d ON d.seq = s.doc_seq WHERE d.id = ?');
  const toSig = (r: SignatureRow): SourceSignature => ({ fingerprint: r.fingerprint, starts: intsOf(r.starts), ends: intsOf(r.ends), shingles: intsOf(r.shingles), bandKeys: intsOf(r.bands) });
  db.exec('CREATE TEMP TABLE IF NOT EXISTS probe_many (n INTEGER PRIMARY KEY, k1 INTEGER NOT NULL, k2 INTEGER NOT NULL, seq INTEGER NOT NULL)');
  const manyClear = db.prepare('DELETE FROM probe_many');
  const manyAdd = db.prepare<[number, number, number, number]>('INSERT INTO probe_many (n, k1, k2, seq) VALUES (?, ?, ?, ?)');
  const manyJoin = db.prepare<[], [number, number]>(`SELECT p.n, b.doc_seq FROM probe_many p
    JOIN band_keys b ON b.k1 = p.k1 AND b.k2 = p.k2 AND b.doc_seq < p.seq ORDER BY p.n, b.doc_seq DESC`).raw();
  /** Counts, for each report (`who`), the earlier reports in the buckets of its keys (listed in `order`; `of`: whose each key is). */
  const manyProbe = db.transaction((order: Uint32Array, k1: readonly number[], k2: readonly number[], of: readonly number[], who: Array<{ seq: number; shared: Map<number, number> }>, perBucket: number) => {
    manyClear.run();
    order.forEach((i, n) => manyAdd.run(n, k1[i]!, k2[i]!, who[of[i]!]!.seq));
    let n = -1;
    let seen = 0;
    let w = who[0]!;
    for (const [p, s] of manyJoin.iterate()) {
      if (p !== n) { n = p; seen = 0; w = who[of[order[p]!]!]!; }
      if (seen++ < perBucket) w.shared.set(s, (w.shared.get(s) ?? 0) + 1);
    }
    manyClear.run();
  });
  const bandsOf = db.prepare<[string], { seq: number; bands: Buffer }>('SELECT d.seq, s.bands FROM signatures s JOIN documents d ON d.seq = s.doc_seq WHERE d.id = ?');
  const idsOfSeqs = db.prepare<[string], { seq: number; id: string }>('SELECT seq, id FROM documents WHERE seq IN (SELECT value FROM json_each(?))');
  const markPaired = db.prepare<[string]>('UPDATE signatures SET paired = 1 WHERE doc_seq = (SELECT seq FROM documents WHERE id = ?)');

  const bands = bandKeyIndex(db);
  const indexedThrough = bands.through;

  /** Writes (or replaces) the derived data of the document at `seq`. Inside a transaction. */
  const write = (seq: number, derived: Derived): void => {
    delParts.run(seq);
    for (const [name, value] of Object.entries(derived.parts)) putPart.run(seq, name, JSON.stringify(value));
    // A report past the index's position has its keys in its signature only (see indexPending);
    // one within it (extracted again) is indexed here.
    const indexed = seq <= indexedThrough();
    const old = oldBands.get(seq);
    if (old !== undefined) {
      const k = intsOf(old);
      if (indexed) for (let i = 0; i < k.length; i += 2) delBand.run(k[i]!, k[i + 1]!, seq);
      delSig.run(seq);
    }
    const s = derived.signature;
    putSig.run(seq, s.fingerprint, packedOffsets(s.starts), packedOffsets(s.ends), bytesOf(s.shingles), bytesOf(s.bandKeys));
    if (indexed) for (let i = 0; i < s.bandKeys.length; i += 2) putBand.run(s.bandKeys[i]!, s.bandKeys[i + 1]!, seq);
  };
  const put = db.transaction((id: string, derived: Derived) => {
    const seq = seqOf.get(id);
    if (seq === undefined) return false;
    write(seq, derived);
    return true;
  });
  const unpairAll = db.prepare('UPDATE signatures SET paired = 0 WHERE paired = 1');
  const reset = db.transaction((changes: readonly Change[]) => {
    unpairAll.run();
    rows.apply(changes);
  });
  const paired = db.transaction((ids: readonly string[], changes: readonly Change[]) => {
    rows.apply(changes);
    for (const id of ids) markPaired.run(id);
  });

  return {
    write,
    /** Replaces one document's derived data; false when there is no such document. */
    put: (id: string, derived: Derived): boolean => put.immediate(id, derived),
    /** Up to `limit` current documents after row `after`, with extraction and parts; and the last row seen. */
    page(after: number, limit: number, names: readonly string[], extraction = true): { items: StoredDerived[]; last: number } {
      const list = docs.all(after, limit);
      if (!list.length) return { items: [], last: after };
      const lo = list[0]!.seq;
      const hi = list[list.length - 1]!.seq;
      const wanted = new Set(names);
      const items = assemble(list, (bySeq) => {
        if (extraction) {
          for (const c of counts.all(lo, hi)) bySeq.get(c[0] as number)?.counts.push(toCountCells(c, 1));
          for (const d of dates.all(lo, hi)) bySeq.get(d.doc_seq)?.dates.push(toDate(d));
        }
        if (names.length === 0) return;
        for (const p of partsIn.all(lo, hi, JSON.stringify(names))) {
          if (wanted.has(p.part)) { const slot = bySeq.get(p.doc_seq); if (slot) slot.parts[p.part] = JSON.parse(p.data); }
        }
      });
      return { items, last: hi };
    },
    /** Some current documents (by id), in ingestion order, as `page` gives them. */
    some(ids: readonly string[], names: readonly string[], extraction = true): StoredDerived[] {
      const list = docsIn.all(JSON.stringify(ids));
      if (!list.length) return [];
      const seqs = JSON.stringify(list.map((r) => r.seq));
      return assemble(list, (bySeq) => {
        if (extraction) {
          for (const c of countsIn.all(seqs)) bySeq.get(c[0] as number)?.counts.push(toCountCells(c, 1));
          for (const d of datesIn.all(seqs)) bySeq.get(d.doc_seq)?.dates.push(toDate(d));
        }
        if (names.length === 0) return;
        for (const p of partsOfSeqs.all(seqs, JSON.stringify(names))) bySeq.get(p.doc_seq)!.parts[p.part] = JSON.parse(p.data);
      });
    },
    parts(ids: readonly string[], names: readonly string[]): Map<string, Record<string, unknown>> {
      const wanted = new Set(names);
      const out = new Map<string, Record<string, unknown>>();
      for (const id of ids) {
        const seq = seqOf.get(id);
        if (seq === undefined) continue;
        const parts: Record<string, unknown> = {};
        let any = false;
        for (const p of partsOf.all(seq)) if (wanted.has(p.part)) { parts[p.part] = JSON.parse(p.data); any = true; }
        if (any) out.set(id, parts);
      }
      return out;
    },
    // Every document with a signature (the usual case) is told by two counts, not a scan of every
    // document; after a position, by the documents stored since only.
    underived: (limit: number, after: number): string[] => (after > 0 || counted.get()! > 0 ? underived.all(after, limit) : []),
    unpaired: (limit: number, upTo: number): string[] => unpaired.all(upTo, limit),
    /** One report's candidates, with their signatures: `candidateIds` of it alone. */
    candidates(id: string, perBucket: number, max: number): SourceCandidate[] {
      const picked = this.candidateIds([id], perBucket, max).get(id) ?? [];
      const sigs = this.signatures(picked.map((c) => c.id));
      return picked.map((c) => ({ ...c, signature: sigs.get(c.id)! }));
    },
    candidateIds(ids: readonly string[], perBucket: number, max: number): Map<string, Array<{ id: string; shared: number }>> {
      const who: Array<{ id: string; seq: number; shared: Map<number, number> }> = [];
      const k1: number[] = [];
      const k2: number[] = [];
      const of: number[] = [];
      for (const id of ids) {
        const row = bandsOf.get(id);
        if (row === undefined) continue;
        let keys = intsOf(row.bands);
        // A long report's keys are counted once each (see PROBE_FROM).
        if (keys.length > 2 * PROBE_FROM) {
          const seen = new Set<string>();
          const out: number[] = [];
          for (let i = 0; i < keys.length; i += 2) { const k = `${keys[i]},${keys[i + 1]}`; if (!seen.has(k)) { seen.add(k); out.push(keys[i]!, keys[i + 1]!); } }
          keys = Int32Array.from(out);
        }
        const w = who.push({ id, seq: row.seq, shared: new Map() }) - 1;
        for (let i = 0; i < keys.length; i += 2) { k1.push(keys[i]!); k2.push(keys[i + 1]!); of.push(w); }
      }
      // One join over a temporary table of every key, in key order, not a statement a key:
      // 2,048 bench reports' 131,000 keys (92% of them in no other report) took 1.5 s by
      // lookups and 0.4 s so, at 100k reports. Each key offers its `perBucket` most recent.
      const order = Uint32Array.from(k1.keys()).sort((a, b) => k1[a]! - k1[b]! || k2[a]! - k2[b]! || of[a]! - of[b]!);
      manyProbe(order, k1, k2, of, who, perBucket);
      const picked = who.map((w) => [...w.shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, max).sort((a, b) => a[0] - b[0]));
      const seqs = [...new Set(picked.flatMap((list) => list.map(([s]) => s)))];
      const idOf = new Map<number, string>();
      for (let i = 0; i < seqs.length; i += 5000) for (const r of idsOfSeqs.all(JSON.stringify(seqs.slice(i, i + 5000)))) idOf.set(r.seq, r.id);
      return new Map(who.map((w, j) => [w.id, picked[j]!.map(([s, shared]) => ({ id: idOf.get(s)!, shared }))]));
    },
    signatures(ids: readonly string[]): Map<string, SourceSignature> {
      const out = new Map<string, SourceSignature>();
      for (const id of ids) {
        const r = sigOf.get(id);
        if (r !== undefined) out.set(id, toSig(r));
      }
      return out;
    },
    /** True when the earlier reports of this one cannot all be found yet: its keys, or some before, are not indexed. */
    unindexed: (id: string): boolean => { const seq = seqOf.get(id); return seq !== undefined && seq > indexedThrough(); },
    /** Indexes every report's band keys not yet indexed. */
    indexBands: (): void => bands.indexAll(),
    reset: (changes: readonly Change[]): void => reset.immediate(changes),
    markPaired: (ids: readonly string[], changes: readonly Change[]): void => paired.immediate(ids, changes),
  };
}
