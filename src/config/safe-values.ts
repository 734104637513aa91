/**
 * Values from outside (URL, PubSub, transcription) made safe to show: text that is only text and
 * bounded in length, image addresses that are https: or data:image only, CSS colours the browser knows.
 */

/** An image the recorder may load: an https address or an inline data: image (never http, javascript: or blob:). */
export function isSafeImageUrl(raw: string): boolean {
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml|avif)[;,]/i.test(raw)) return true;
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The CSS functions a colour may be written with; none of them can load anything. */
const COLOR_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark']);

/**
 * A colour the browser accepts as a CSS `color` value (so it can never carry another declaration),
 * written only with colour functions: CSS.supports() passes any var(), whose fallback may hold a url().
 */
export function isCssColor(raw: string): boolean {
  // Escapes, quotes and comments could spell a function name we would not see.
  if (raw.length > 100 || /[\\'"]|\/\*/.test(raw)) return false;
  for (const match of raw.matchAll(/([\w-]*)\s*\(/g)) if (!COLOR_FUNCTIONS.has(match[1]!.toLowerCase())) return false;
  // Read through globalThis: src/config/ is also compiled for Node (the launcher), which has no CSS object.
  const css = (globalThis as { CSS?: { supports(property: string, value: string): boolean } }).CSS;
  return css !== undefined && css.supports('color', raw);
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * One line of display text: control and line-break characters become spaces, bidi overrides go,
 * runs of white space collapse, and text longer than `max` characters is cut at a grapheme boundary with an ellipsis.
 */
export function displayText(raw: string, max: number): string {
  // Bidi overrides and isolates could reorder what a reader sees: text stays in its own order.
  // Only the part that can be shown is worked on, so a megabyte of input costs what a line does.
  const flat = (raw.length > max * 4 ? raw.slice(0, max * 4) : raw)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  return `${cutGraphemes(flat, max - 1, 'start').trimEnd()}…`;
}

/** The last `max` characters of display text, cut at a grapheme boundary (live captions keep their newest words). */
export function tailText(raw: string, max: number): string {
  const flat = displayText(raw.length > max * 4 ? raw.slice(-max * 4) : raw, Number.MAX_SAFE_INTEGER);
  if (flat.length <= max) return flat;
  return `…${cutGraphemes(flat, max - 1, 'end').trimStart()}`;
}

/** At most `max` UTF-16 units of `text` from its start or its end, never splitting a grapheme (emoji, accents). */
function cutGraphemes(text: string, max: number, keep: 'start' | 'end'): string {
  if (!segmenter) return keep === 'start' ? text.slice(0, max) : text.slice(text.length - max);
  const segments = [...segmenter.segment(keep === 'start' ? text.slice(0, max + 8) : text.slice(-(max + 8)))].map((s) => s.segment);
  let out = '';
  if (keep === 'start') {
    for (const s of segments) {
      if (out.length + s.length > max) break;
      out += s;
    }
  } else {
    for (let i = segments.length - 1; i >= 0; i--) {
      const s = segments[i]!;
      if (out.length + s.length > max) break;
      out = s + out;
    }
  }
  return out;
}
