/**
 * Fonts for scripts beyond the base Noto Sans, loaded only when a displayed name needs them, so every
 * name renders with real glyphs in any recorder browser while the page stays light.
 */

/** Each script's font stylesheet (a lazily loaded chunk). */
const SCRIPT_FONTS: readonly (readonly [RegExp, () => Promise<unknown>])[] = [
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, () => import('@fontsource/noto-sans-sc/500.css')],
  [/\p{Script=Hangul}/u, () => import('@fontsource/noto-sans-kr/500.css')],
  [/\p{Script=Arabic}/u, () => import('@fontsource/noto-sans-arabic/500.css')],
  [/\p{Script=Hebrew}/u, () => import('@fontsource/noto-sans-hebrew/500.css')],
  [/\p{Script=Thai}/u, () => import('@fontsource/noto-sans-thai/500.css')],
  [/\p{Extended_Pictographic}/u, () => import('../emoji-font.css')],
];

const requested = new Set<number>();
const pending = new Set<Promise<unknown>>();

function markDocument(): void {
  document.documentElement.dataset.fonts = pending.size > 0 ? 'loading' : 'ready';
}

/**
 * Loads the fonts `text` needs (once per script) and keeps `<html data-fonts>` at `loading` until
 * their stylesheets and faces are in, then `ready`.
 */
export function loadFontsFor(text: string): void {
  SCRIPT_FONTS.forEach(([pattern, load], index) => {
    if (requested.has(index) || !pattern.test(text)) return;
    requested.add(index);
    const loading = load()
      .then(() => new Promise(requestAnimationFrame))
      .then(() => document.fonts.ready)
      .catch((error: unknown) => console.warn(`Recording template: a font did not load (${String(error)}); some names may show fallback glyphs.`))
      .finally(() => {
        pending.delete(loading);
        markDocument();
      });
    pending.add(loading);
  });
  markDocument();
}

markDocument();
