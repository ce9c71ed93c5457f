/** Every match of a global pattern, like String.prototype.matchAll but without cloning the pattern. */

/**
 * The matches of global regex `re` in `s`, in order. matchAll builds a copy of its pattern on every
 * call, which for a long Unicode pattern costs more than the search; this reuses `re` (its lastIndex is reset).
 */
export function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    // An empty match would be found again at the same place: step past it, as matchAll does.
    if (m[0] === '') re.lastIndex += re.unicode && (s.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}
