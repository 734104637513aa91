/**
 * Fonts for scripts beyond the base Noto Sans, loaded only when a displayed name needs them, so every
 * name renders with real glyphs in any recorder browser while the page stays light.
 */
import { FONT_STACK } from './theme.js';

/** Each script's font stylesheet (a lazily loaded chunk). */
const SCRIPT_FONTS: readonly (readonly [RegExp, () => Promise<unknown>])[] = [
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, () => import('@fontsource/noto-sans-sc/500.css')],
  [/\p{Script=Hangul}/u, () => import('@fontsource/noto-sans-kr/500.css')],
  [/\p{Script=Arabic}/u, () => import('@fontsource/noto-sans-arabic/500.css')],
  [/\p{Script=Hebrew}/u, () => import('@fontsource/noto-sans-hebrew/500.css')],
  [/\p{Script=Thai}/u, () => import('@fontsource/noto-sans-thai/500.css')],
  [/\p{Extended_Pictographic}/u, () => import('../emoji-font.css')],
];

const stylesheets = new Map<number, Promise<unknown>>();
const handled = new Set<string>();
const pending = new Set<Promise<unknown>>();

function markDocument(): void {
  document.documentElement.dataset.fonts = pending.size > 0 ? 'loading' : 'ready';
}

/**
 * Loads the fonts `text` needs (each script's stylesheet once, then the faces for this text) and
 * keeps `<html data-fonts>` at `loading` until they are in, then `ready`.
 */
export function loadFontsFor(text: string): void {
  if (handled.has(text)) return;
  handled.add(text);
  const sheets: Promise<unknown>[] = [];
  SCRIPT_FONTS.forEach(([pattern, load], index) => {
    if (!pattern.test(text)) return;
    if (!stylesheets.has(index)) stylesheets.set(index, load());
    sheets.push(stylesheets.get(index)!);
  });
  if (sheets.length === 0) return;
  const loading = Promise.all(sheets)
    // Ask for the faces this text needs now, rather than waiting for a layout to request them.
    .then(() => document.fonts.load(`500 16px ${FONT_STACK}`, text))
    .catch((error: unknown) =>
      console.warn(`Recording template: a font did not load (${String(error)}); some names may show fallback glyphs.`),
    )
    .finally(() => {
      pending.delete(loading);
      markDocument();
    });
  pending.add(loading);
  markDocument();
}

markDocument();

/**
 * `loadFontsFor` for text that keeps changing (captions, graphics): keyed by the scripts in it rather
 * than the text itself, so hours of captions remember a handful of keys, not every line.
 */
export function loadFontsForText(text: string): void {
  let signature = '';
  for (const [pattern] of SCRIPT_FONTS) signature += pattern.exec(text)?.[0] ?? '';
  if (signature) loadFontsFor(signature);
}
