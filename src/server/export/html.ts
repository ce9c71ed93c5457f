/** The one HTML escape: every piece of document text passes through it before it meets markup. */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;',
};

/**
 * Escapes text for HTML element content and quoted attribute values. Control characters
 * other than tab and newline are dropped: they have no business in a printed report.
 */
export function escapeHtml(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

/** Text with `span` wrapped in <mark>, each part escaped on its own (marking after escaping would misplace it). */
export function markSpan(text: string, span: { start: number; end: number }): string {
  const start = Math.max(0, Math.min(text.length, span.start));
  const end = Math.max(start, Math.min(text.length, span.end));
  return `${escapeHtml(text.slice(0, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>${escapeHtml(text.slice(end))}`;
}
