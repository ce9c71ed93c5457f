/** Spelling folds that make transliterations of one name compare equal. */

// Letters of Turkic and other Latin alphabets, mapped to the plain letter English spellings use.
const LETTERS: Record<string, string> = {
  ı: 'i', İ: 'i', ç: 'c', ş: 's', ğ: 'g', ö: 'o', ü: 'u', ə: 'a', ä: 'a', ñ: 'n', ß: 'ss',
};

/**
 * Folds a name for comparison: lower case, special letters and diacritics plain, "dj" → "j",
 * "gh" → "g", and "x", "kh" and "h" all "h" (they transliterate one sound); a word's final "y"
 * becomes "i". "Khojaly", "Xocalı" and "Hocalı" fold to "hojali", "hocali", "hocali".
 */
export function foldName(name: string): string {
  let s = name.toLowerCase().replace(/[ıİçşğöüəäñß]/g, (c) => LETTERS[c] ?? c);
  s = s.normalize('NFD').replace(/\p{M}/gu, '');
  s = s.replace(/['’`ʼ]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  s = s.replace(/dj/g, 'j').replace(/gh/g, 'g').replace(/x/g, 'kh').replace(/kh/g, 'h');
  return s.replace(/y\b/g, 'i');
}
