/** Names a report uses (runs of capitalised words not opening a sentence), for alias clustering. */

const NAME = /(?<=[a-z,;:)\]]\s+|\b(?:in|at|from|of|to|near|by)\s+)(\p{Lu}[\p{L}'’-]{2,}(?:\s+\p{Lu}[\p{L}'’-]{2,}){0,3})/gu;
const COMMON = new Set(['The', 'This', 'That', 'These', 'Those', 'A', 'An', 'In', 'On', 'At', 'According', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

/** The capitalised names of `text`, each occurrence once. */
export function entityNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAME)) {
    const name = m[1]!.replace(/['’]s$/, '');
    if (!COMMON.has(name.split(/\s+/)[0]!)) out.push(name);
  }
  return out;
}
