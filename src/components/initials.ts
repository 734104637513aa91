/** Initials for the camera-off avatar and the text of the name label, safe for any script, emoji and invisible characters. */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Code points that draw nothing on their own: format characters (Cf: zero-width space and joiners,
 * direction marks, the BOM, soft hyphen), controls, separators, and the blank letters, fillers and
 * selectors people type to get a name that looks empty.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Z}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/u;

/** Whether any code point of this text draws something. */
export function visible(text: string): boolean {
  for (const char of text) if (!INVISIBLE.test(char)) return true;
  return false;
}

function firstLetter(word: string): string | undefined {
  for (const { segment } of segmenter.segment(word)) {
    if (/\p{L}/u.test(segment) && visible(segment)) return segment;
  }
  return undefined;
}

/**
 * Up to two initials (first and last word) as whole graphemes, upper-cased where the script has
 * case; a name with no letters (emoji only) keeps its first visible grapheme; a name with nothing
 * visible (empty, spaces, zero-width or other format characters only) gives "?".
 */
export function initialsOf(displayName: string): string {
  const words = displayName.split(/\s+/u).filter(visible);
  const letters = words.map(firstLetter).filter((l): l is string => l !== undefined);
  if (letters.length === 0) {
    for (const { segment } of segmenter.segment(displayName)) if (visible(segment)) return segment;
    return '?';
  }
  // CJK names are usually written without spaces: one character reads better than two.
  const picked = letters.length > 1 ? [letters[0]!, letters[letters.length - 1]!] : [letters[0]!];
  return picked.join('').toLocaleUpperCase();
}

/** The name a label shows: the display name as given, or "?" when nothing in it is visible. */
export function labelName(displayName: string): string {
  return visible(displayName) ? displayName : '?';
}
