/** Small helpers the text-inference rules share: lines, the head of a report, names. */

/** A line break: "\r\n", "\n" or a lone "\r". */
const BREAK = /\r\n?|\n/g;

/** The non-empty lines of `text`, trimmed, in order (at most `limit`, from the first 20,000 characters when limited). */
export function nonEmptyLines(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  // Only the head is read when few lines are wanted: reports can be megabytes long, and the
  // title rules want two or ten lines of them.
  const end = limit === Infinity ? text.length : Math.min(text.length, 20_000);
  let at = 0;
  while (at <= end && out.length < limit) {
    BREAK.lastIndex = at;
    const m = BREAK.exec(text);
    const stop = m && m.index < end ? m.index : end;
    const t = text.slice(at, stop).trim();
    if (t) out.push(t);
    at = m && m.index < end ? m.index + m[0].length : end + 1;
  }
  return out;
}

// Words that start with a capital in a headline or a label but are never part of a person's name.
const NOT_NAME = new Set([
  'the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'for', 'to', 'news', 'report', 'reports', 'staff',
  'reporter', 'correspondent', 'agency', 'press', 'update', 'updated', 'breaking', 'editorial', 'opinion',
  'analysis', 'photo', 'photos', 'video', 'live', 'exclusive', 'special', 'published', 'posted', 'share',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

// Lower-case particles that sit inside names ("Ursula von Stein", "Omar al Rashid").
const PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn', 'al', 'el']);

/** "Jane", "O'Neill", "Al-Rashid", "J.", "JANE" */
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

/**
 * True when `s` is a person's name of 2–4 capitalised words (particles allowed inside):
 * "Jane Doe", "Leyla de Vries", "JOHN ROE". Digits, stop words and months rule it out.
 */
export function isPersonName(s: string): boolean {
  const words = s.trim().split(/\s+/);
  const capitalised = words.filter((w) => !PARTICLES.has(w));
  if (capitalised.length < 2 || words.length > 5) return false;
  if (PARTICLES.has(words[0]) || PARTICLES.has(words[words.length - 1])) return false;
  return capitalised.every((w) => NAME_WORD.test(w) && !NOT_NAME.has(w.toLowerCase().replace(/\.$/, '')));
}

/** True when `s` is one or more person names joined by "and" or commas ("Jane Doe and John Roe"). */
export function isNameList(s: string): boolean {
  const parts = s.split(/\s*,\s*|\s+(?:and|&)\s+/);
  return parts.length > 0 && parts.length <= 4 && parts.every(isPersonName);
}
