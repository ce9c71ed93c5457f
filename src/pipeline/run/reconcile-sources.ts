/** The shared-passage step of reconciliation over stored signatures: each report compared once, by index lookup. */
import type { Store } from '../../storage/store.js';
import type { RowInput } from '../../storage/row-types.js';
import { DEFAULT_SOURCE_OPTIONS, MAX_CANDIDATES, pairsWith } from '../3-reconcile/index.js';
import type { SourcePair } from '../3-reconcile/index.js';
import type { SourceSignature } from '../../storage/row-types.js';
import { deriveReport } from './derive.js';
import { pairRow, SETS } from './record.js';

/** Reports handled per transaction. */
const STEP = 256;
/** Reports whose band keys are looked up together (2,000 bench reports: 128,000 keys). */
const LOOKUP_STEP = 2048;

/**
 * Derives the parts of reports stored without them (before they existed), from their stored
 * texts: every report's on a first build, those stored after `after` (the last build's) else.
 */
export async function backfillDerived(store: Store, after = 0): Promise<number> {
  let n = 0;
  for (;;) {
    const ids = await store.underived(STEP, after);
    if (!ids.length) return n;
    for (const id of ids) {
      const doc = await store.getDocument(id);
      const extraction = await store.getExtraction(id);
      if (doc === null || extraction === null) continue;
      await store.putDerived(id, deriveReport(doc.text, extraction));
      n++;
    }
  }
}

/**
 * Compares every report not yet compared with the earlier reports it shares LSH buckets with,
 * and stores the pairs found. Returns the reports compared, so the caller knows what changed.
 */
export async function pairNewReports(store: Store): Promise<{ compared: string[]; pairs: SourcePair[] }> {
  const compared: string[] = [];
  const found: SourcePair[] = [];
  // Positions only grow (pairs of superseded reports are dropped, leaving gaps): the next is kept.
  let ord = (await store.getRows<number>(SETS.counters, { key: 'pairs' }))[0]?.data ?? 0;
  for (;;) {
    const batch = await store.unpaired(LOOKUP_STEP);
    if (!batch.length) return { compared, pairs: found };
    // Every report of the batch looks its keys up together (in key order); the pairs are
    // verified and stored STEP reports a transaction. Candidates depend on the index only, not
    // on the pairs found before them.
    const candidates = await store.sourceCandidateIds(batch, DEFAULT_SOURCE_OPTIONS.maxBucket, MAX_CANDIDATES);
    // A wire story is a candidate of each of its copies: its signature is read once a batch
    // (2,048 bench reports picked 26,000 candidates, 14,700 of them different).
    const read = new Map<string, SourceSignature>();
    const signaturesOf = async (ids: readonly string[]): Promise<Map<string, SourceSignature>> => {
      const missing = ids.filter((id) => !read.has(id));
      if (missing.length) for (const [id, s] of await store.getSignatures(missing)) read.set(id, s);
      return read;
    };
    for (let i = 0; i < batch.length; i += STEP) {
      const ids = batch.slice(i, i + STEP);
      const rows: RowInput[] = [];
      for (const id of ids) {
        const picked = candidates.get(id) ?? [];
        if (!picked.length) continue;
        const sigs = await signaturesOf([id, ...picked.map((c) => c.id)]);
        const mine = sigs.get(id);
        if (mine === undefined) continue;
        // Oldest first, as picked.
        const earlier = picked.flatMap((c) => { const signature = sigs.get(c.id); return signature === undefined ? [] : [{ ...c, signature }]; });
        for (const p of pairsWith({ id, signature: mine }, earlier)) {
          rows.push(pairRow(p, ord++));
          found.push(p);
        }
      }
      await store.markPaired(ids, rows.length ? [{ set: SETS.pairs, rows }, { set: SETS.counters, rows: [{ key: 'pairs', data: ord }] }] : []);
      compared.push(...ids);
    }
  }
}
