/** Initials for the camera-off avatar, safe for any script and for emoji. */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function firstLetter(word: string): string | undefined {
  for (const { segment } of segmenter.segment(word)) {
    if (/\p{L}/u.test(segment)) return segment;
  }
  return undefined;
}

/**
 * Up to two initials (first and last word) as whole graphemes, upper-cased where the script has
 * case; a name with no letters (emoji only) keeps its first grapheme; an empty name gives "?".
 */
export function initialsOf(displayName: string): string {
  const words = displayName.trim().split(/\s+/u).filter((w) => w.length > 0);
  const letters = words.map(firstLetter).filter((l): l is string => l !== undefined);
  if (letters.length === 0) {
    const first = segmenter.segment(displayName.trim())[Symbol.iterator]().next();
    return first.done ? '?' : first.value.segment;
  }
  // CJK names are usually written without spaces: one character reads better than two.
  const picked = letters.length > 1 ? [letters[0]!, letters[letters.length - 1]!] : [letters[0]!];
  return picked.join('').toLocaleUpperCase();
}
