/** Re-extract: run the current extractor over every stored text, after an extractor upgrade. */
import { extract } from '../2-extract/index.js';
import type { Store } from '../../storage/store.js';
import { deriveReport } from './derive.js';

/**
 * Replaces every stored extraction, and what is derived from it, with a fresh one; returns how
 * many documents were redone. Reconcile with `full` afterwards: stored assignments name counts
 * by their place in the old extraction.
 */
export async function reextractAll(store: Store, onProgress?: (done: number) => void): Promise<number> {
  let done = 0;
  for await (const t of store.allTexts()) {
    const published = t.meta.published && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(t.meta.published) ? t.meta.published : undefined;
    const extraction = extract(t.text, { published });
    await store.replaceExtraction(t.id, extraction);
    await store.putDerived(t.id, deriveReport(t.text, extraction));
    onProgress?.(++done);
  }
  return done;
}
