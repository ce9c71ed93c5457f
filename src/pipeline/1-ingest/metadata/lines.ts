/** Small helpers the text-inference rules share: lines, the head of a report, names. */

/** The non-empty lines of `text`, trimmed, in order (at most `limit`, from the first 20,000 characters when limited). */
export function nonEmptyLines(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  // Only the head is split when few lines are wanted: reports can be megabytes long.
  const head = limit === Infinity ? text : text.slice(0, 20_000);
  for (const line of head.split(/\r?\n|\r/)) {
    const t = line.trim();
    if (t) out.push(t);
    if (out.length >= limit) break;
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
