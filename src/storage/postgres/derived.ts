/** Derived parts and source signatures: written with a report, read by reconciliation without texts. */
import { toStoredDocument } from '../sqlite/rows.js';
import type { DocRow } from '../sqlite/rows.js';
import type { Derived, SourceCandidate, SourceSignature, StoredDerived } from '../row-types.js';
import type { Db, Queryable } from './db.js';
import { DOC_COLUMNS, FROM_DOCS, NOT_SUPERSEDED } from './rows.js';
import { extractionsOf } from './records.js';
import { bytesOf, intsOf, packedOffsets } from '../int-arrays.js';

/** The halves of band keys [k1, k2, k1, k2, …] as two arrays, for unnest. */
function halves(keys: Int32Array): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i + 1 < keys.length; i += 2) { a.push(keys[i]!); b.push(keys[i + 1]!); }
  return [a, b];
}

interface SignatureRow { id: string; seq: number; fingerprint: number; starts: Buffer; ends: Buffer; shingles: Buffer; bands: Buffer }

const SIG = 'SELECT d.id, d.seq, s.fingerprint, s.starts, s.ends, s.shingles, s.bands FROM signatures s JOIN documents d ON d.seq = s.doc_seq';
const toSig = (r: SignatureRow): SourceSignature => ({ fingerprint: r.fingerprint, starts: intsOf(r.starts), ends: intsOf(r.ends), shingles: intsOf(r.shingles), bandKeys: intsOf(r.bands) });

/** Writes (or replaces) the derived data of the document at `seq`. Inside a transaction. */
export async function writeDerived(c: Queryable, seq: number, derived: Derived): Promise<void> {
  await c.query('DELETE FROM derived WHERE doc_seq = $1', [seq]);
  const entries = Object.entries(derived.parts);
  if (entries.length) {
    await c.query('INSERT INTO derived (doc_seq, part, data) SELECT $1::bigint, * FROM unnest($2::text[], $3::text[])',
      [seq, entries.map(([k]) => k), entries.map(([, v]) => JSON.stringify(v))]);
  }
  const old = (await c.query<{ bands: Buffer }>('SELECT bands FROM signatures WHERE doc_seq = $1', [seq])).rows[0];
  if (old !== undefined) {
    const [k1, k2] = halves(intsOf(old.bands));
    await c.query('DELETE FROM band_keys b USING unnest($1::int[], $2::int[]) AS u(k1, k2) WHERE b.k1 = u.k1 AND b.k2 = u.k2 AND b.doc_seq = $3', [k1, k2, seq]);
    await c.query('DELETE FROM signatures WHERE doc_seq = $1', [seq]);
  }
  const s = derived.signature;
  await c.query('INSERT INTO signatures (doc_seq, fingerprint, starts, ends, shingles, bands) VALUES ($1, $2, $3, $4, $5, $6)',
    [seq, s.fingerprint, packedOffsets(s.starts), packedOffsets(s.ends), bytesOf(s.shingles), bytesOf(s.bandKeys)]);
  const [k1, k2] = halves(s.bandKeys);
  if (k1.length) {
    await c.query('INSERT INTO band_keys (k1, k2, doc_seq) SELECT k1, k2, $3 FROM unnest($1::int[], $2::int[]) AS u(k1, k2) ON CONFLICT DO NOTHING', [k1, k2, seq]);
  }
}

/** Marks documents compared (inside the caller's transaction). */
export async function markPaired(c: Queryable, ids: readonly string[]): Promise<void> {
  await c.query('UPDATE signatures s SET paired = true FROM documents d WHERE d.seq = s.doc_seq AND d.id = ANY($1::text[])', [ids]);
}

/** Reads of derived parts and signatures. */
/** The stored-derived items of some document rows: their extraction (unless `extraction` is false) and the parts named. */
async function assemble(db: Db, list: readonly DocRow[], names: readonly string[], extraction: boolean, scattered: boolean): Promise<StoredDerived[]> {
  const seqs = list.map((r) => r.seq);
  const ex = extraction ? await extractionsOf(db, seqs, scattered) : new Map<number, StoredDerived['extraction']>();
  const parts = new Map<number, Record<string, unknown>>(seqs.map((s) => [s, {}]));
  if (names.length) {
    const rows = scattered
      ? await db.read<{ doc_seq: number; part: string; data: string }>('SELECT doc_seq, part, data FROM derived WHERE doc_seq = ANY($1::bigint[]) AND part = ANY($2::text[])', [seqs, names])
      : await db.read<{ doc_seq: number; part: string; data: string }>('SELECT doc_seq, part, data FROM derived WHERE doc_seq BETWEEN $1 AND $2 AND part = ANY($3::text[])', [seqs[0], seqs[seqs.length - 1], names]);
    for (const p of rows) { const slot = parts.get(p.doc_seq); if (slot) slot[p.part] = JSON.parse(p.data); }
  }
  return list.map((r) => {
    const doc = toStoredDocument(r);
    return { id: doc.id, order: r.seq, name: doc.name, version: doc.version, meta: doc.meta, extraction: ex.get(r.seq) ?? { counts: [], dates: [] }, parts: parts.get(r.seq)! };
  });
}

export function prepareDerived(db: Db) {
  /** The `max` earlier documents sharing the most of a signature's buckets (the most recent on ties): one indexed LATERAL lookup a key. */
  const pick = async (row: { seq: number; bands: Buffer }, perBucket: number, max: number): Promise<Array<{ seq: number; shared: number }>> => {
    const [k1, k2] = halves(intsOf(row.bands));
    if (!k1.length || max <= 0) return [];
    return db.read<{ seq: number; shared: number }>(`SELECT b.doc_seq AS seq, count(*) AS shared
      FROM (SELECT DISTINCT k1, k2 FROM unnest($1::int[], $2::int[]) AS u(k1, k2)) k
      CROSS JOIN LATERAL (SELECT doc_seq FROM band_keys b WHERE b.k1 = k.k1 AND b.k2 = k.k2 AND b.doc_seq < $3
        ORDER BY b.doc_seq DESC LIMIT $4) b
      GROUP BY b.doc_seq ORDER BY shared DESC, b.doc_seq DESC LIMIT $5`, [k1, k2, row.seq, perBucket, max]);
  };
  return {
    /** Up to `limit` current documents after row `after`, with extraction and parts; and the last row seen. */
    async page(after: number, limit: number, names: readonly string[], extraction = true): Promise<{ items: StoredDerived[]; last: number }> {
      const list = await db.read<DocRow>(`SELECT ${DOC_COLUMNS} ${FROM_DOCS} WHERE d.seq > $1 AND ${NOT_SUPERSEDED} ORDER BY d.seq LIMIT $2`, [after, limit]);
      if (!list.length) return { items: [], last: after };
      return { items: await assemble(db, list, names, extraction, false), last: list[list.length - 1]!.seq };
    },

    /** Some current documents (by id), in ingestion order, as `page` gives them. */
    async some(ids: readonly string[], names: readonly string[], extraction = true): Promise<StoredDerived[]> {
      const list = await db.read<DocRow>(`SELECT ${DOC_COLUMNS} ${FROM_DOCS} WHERE d.id = ANY($1::text[]) AND ${NOT_SUPERSEDED} ORDER BY d.seq`, [ids]);
      return list.length ? assemble(db, list, names, extraction, true) : [];
    },

    /** Named parts of some documents; those without any are left out. */
    async parts(ids: readonly string[], names: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
      const rows = await db.read<{ id: string; part: string; data: string }>(
        'SELECT d.id, x.part, x.data FROM derived x JOIN documents d ON d.seq = x.doc_seq WHERE d.id = ANY($1::text[]) AND x.part = ANY($2::text[])', [ids, names]);
      const out = new Map<string, Record<string, unknown>>();
      for (const r of rows) {
        let slot = out.get(r.id);
        if (slot === undefined) { slot = {}; out.set(r.id, slot); }
        slot[r.part] = JSON.parse(r.data);
      }
      // In the order asked, as the SQLite store gives them.
      return new Map(ids.filter((id) => out.has(id)).map((id) => [id, out.get(id)!]));
    },

    /** Current documents without a signature (after a position, when given); two counts tell when there are none. */
    async underived(limit: number, after = 0): Promise<string[]> {
      if (after === 0) {
        const [gap] = await db.read<{ n: number }>('SELECT (SELECT count(*) FROM documents) - (SELECT count(*) FROM signatures) AS n');
        if (!(gap!.n > 0)) return [];
      }
      const rows = await db.read<{ id: string }>(`SELECT d.id ${FROM_DOCS} WHERE d.seq > $2 AND ${NOT_SUPERSEDED}
        AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.doc_seq = d.seq) ORDER BY d.seq LIMIT $1`, [limit, after]);
      return rows.map((r) => r.id);
    },

    async unpaired(limit: number, upTo: number): Promise<string[]> {
      const rows = await db.read<{ id: string }>('SELECT d.id FROM signatures s JOIN documents d ON d.seq = s.doc_seq WHERE NOT s.paired AND s.doc_seq <= $2 ORDER BY s.doc_seq LIMIT $1', [limit, upTo]);
      return rows.map((r) => r.id);
    },

    /**
     * Earlier documents sharing buckets with `id`: for each of its keys the `perBucket` most
     * recent earlier documents (one indexed LATERAL lookup a key), counted; the `max` sharing
     * the most (the most recent on ties), returned oldest first with their signatures.
     */
    async candidates(id: string, perBucket: number, max: number): Promise<SourceCandidate[]> {
      const [row] = await db.read<SignatureRow>(`${SIG} WHERE d.id = $1`, [id]);
      if (row === undefined) return [];
      const picked = await pick(row, perBucket, max);
      if (!picked.length) return [];
      const shared = new Map(picked.map((p) => [p.seq, p.shared]));
      const sigs = await db.read<SignatureRow>(`${SIG} WHERE s.doc_seq = ANY($1::bigint[]) ORDER BY s.doc_seq`, [picked.map((p) => p.seq)]);
      return sigs.map((r) => ({ id: r.id, shared: shared.get(r.seq)!, signature: toSig(r) }));
    },

    /** `candidates` of several documents, without signatures: one lookup a document, as `candidates` does. */
    async candidateIds(ids: readonly string[], perBucket: number, max: number): Promise<Map<string, Array<{ id: string; shared: number }>>> {
      const out = new Map<string, Array<{ id: string; shared: number }>>();
      for (const id of ids) {
        const [row] = await db.read<{ seq: number; bands: Buffer }>('SELECT d.seq, s.bands FROM signatures s JOIN documents d ON d.seq = s.doc_seq WHERE d.id = $1', [id]);
        if (row === undefined) continue;
        const picked = (await pick(row, perBucket, max)).sort((a, b) => a.seq - b.seq);
        const names = picked.length ? new Map((await db.read<{ seq: number; id: string }>('SELECT seq, id FROM documents WHERE seq = ANY($1::bigint[])', [picked.map((p) => p.seq)])).map((r) => [Number(r.seq), r.id])) : new Map<number, string>();
        out.set(id, picked.map((p) => ({ id: names.get(Number(p.seq))!, shared: p.shared })));
      }
      return out;
    },

    async signatures(ids: readonly string[]): Promise<Map<string, SourceSignature>> {
      const rows = await db.read<SignatureRow>(`${SIG} WHERE d.id = ANY($1::text[])`, [ids]);
      const by = new Map(rows.map((r) => [r.id, toSig(r)]));
      return new Map(ids.filter((id) => by.has(id)).map((id) => [id, by.get(id)!]));
    },
  };
}
