/** Document texts for the views that quote sentences and passages. */
import type { Store } from '../../storage/store.js';

/** Above this many reports, one pass over every current text is cheaper than one read each. */
const ONE_BY_ONE = 40;

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
