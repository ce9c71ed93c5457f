/**
 * Finding a search match in the reader: where the words are in the report's text, and a
 * highlight over them that adds nothing to the page (the CSS Custom Highlight API paints a
 * Range of the existing text nodes; the text is never re-rendered or read as HTML).
 */

/** Where `match` occurs in `text`, preferring the occurrence preceded by `before` (the snippet's words before it); -1 if nowhere. */
export function findMatch(text: string, match: string, before = ''): number {
  const hay = text.toLowerCase();
  const m = match.toLowerCase();
  if (!m) return -1;
  // The snippet's context, without its ellipsis, narrows down which occurrence it was.
  const ctx = before.replace(/^…/, '').slice(-40).toLowerCase();
  if (ctx.trim()) {
    const at = hay.indexOf(ctx + m);
    if (at >= 0) return at + ctx.length;
  }
  return hay.indexOf(m);
}

/** A Range over characters [start, end) of the text rendered inside `root` (its text nodes in order). */
export function rangeAt(root: Node, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.nodeValue?.length ?? 0;
    if (!started && start < pos + len) { range.setStart(n, start - pos); started = true; }
    if (started && end <= pos + len) { range.setEnd(n, end - pos); return range; }
    pos += len;
  }
  return null;
}

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
const registry = (): HighlightRegistry | null => (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights ?? null;

/** Paints `range` as the search match (where the browser can) and scrolls it to the middle of the screen. */
export function showMatch(range: Range): void {
  const H = (globalThis as unknown as { Highlight?: new (r: Range) => unknown }).Highlight;
  const reg = registry();
  if (H && reg) reg.set('search-match', new H(range));
  const r = range.getBoundingClientRect();
  window.scrollBy({ top: r.top - window.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
}

/** Removes the search match's highlight. */
export function clearMatch(): void {
  registry()?.delete('search-match');
}
