/** Re-extract: run the current extractor over every stored text, after an extractor upgrade. */
import { extract } from '../2-extract/index.js';
import type { Store } from '../../storage/store.js';

/** Replaces every stored extraction with a fresh one; returns how many documents were redone. */
export async function reextractAll(store: Store, onProgress?: (done: number) => void): Promise<number> {
  let done = 0;
  for await (const t of store.allTexts()) {
    const published = t.meta.published && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(t.meta.published) ? t.meta.published : undefined;
    await store.replaceExtraction(t.id, extract(t.text, { published }));
    onProgress?.(++done);
  }
  return done;
}
