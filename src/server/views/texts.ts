/** Document texts for the views that quote sentences and passages. */
import type { Store } from '../../storage/store.js';

/**
 * Above this many reports (an export), one pass over every current text is cheaper than one
 * read each; below it (a figure's evidence, a page of pairs) point reads keep a request's cost
 * independent of the archive's size.
 */
const ONE_BY_ONE = 5000;

/** The texts of `ids` (missing ids are left out). */
export async function loadTexts(store: Store, ids: Iterable<string>): Promise<Map<string, string>> {
  const want = new Set(ids);
  const texts = new Map<string, string>();
  if (want.size > ONE_BY_ONE) {
    for await (const x of store.allExtractions()) if (want.has(x.id)) texts.set(x.id, x.text);
  }
  for (const id of want) {
    if (texts.has(id)) continue;
    const doc = await store.getDocument(id);
    if (doc) texts.set(id, doc.text);
  }
  return texts;
}
