/**
 * The head of every template page (index.html and templates/<name>/index.html), written into it by a
 * Vite transform (vite.config.ts) where the page says `<!-- rec:first-paint -->`: the theme's background
 * as an inline style, and an inline script that reads `theme` from the URL before the first paint, so
 * the first recorded frame is already themed. Generated from the palettes, so the two cannot drift.
 */
import { PALETTES } from './components/palettes.js';
import { type Theme, THEMES } from './config/options.js';

/** Where a page wants the first-paint head. */
export const FIRST_PAINT_MARKER = '<!-- rec:first-paint -->';

/** The inline style and script for a page's head. */
export function firstPaintHead(): string {
  const chosen = THEMES.filter((theme): theme is Exclude<Theme, 'DEFAULT'> => theme !== 'DEFAULT');
  const rules = chosen.map((theme) => `html[data-theme='${theme}'], html[data-theme='${theme}'] body { background: ${PALETTES[theme].bg}; }`);
  return `<style>
      /* The first recorded frame is already the theme's background, before any script runs. */
      html, body { margin: 0; height: 100%; overflow: hidden; background: ${PALETTES.DEFAULT.bg}; }
      ${rules.join('\n      ')}
    </style>
    <script>
      // Theme of the URL, read before first paint exactly as the app's schema reads it (trimmed, any case).
      (function () {
        var themes = ${JSON.stringify(chosen)};
        var theme = (new URLSearchParams(location.search).get('theme') || '').trim().toLowerCase();
        for (var i = 0; i < themes.length; i++) if (themes[i].toLowerCase() === theme) document.documentElement.dataset.theme = themes[i];
      })();
    </script>`;
}
