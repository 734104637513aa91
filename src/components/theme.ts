/**
 * The theme tokens: every colour and size the template draws with, as `--rec-*` custom properties.
 * VideoSDK's palettes are the defaults; templates and hosts override any token from outside.
 */
import { css, unsafeCSS } from 'lit';
import type { Theme } from '../config/options.js';
import { PALETTES } from './palettes.js';

/** The font stack: shipped Noto families first (see src/fonts.css), emoji last. */
export const FONT_STACK =
  "'Noto Sans', 'Noto Sans SC', 'Noto Sans KR', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Thai', 'Twemoji', system-ui, sans-serif";


function paletteRule(theme: Theme) {
  const p = PALETTES[theme];
  return unsafeCSS(`
    --rec-bg: ${p.bg};
    --rec-tile-bg: ${p.tile};
    --rec-text: ${p.text};
    --rec-text-muted: ${p.muted};
    --rec-avatar-bg: ${p.avatar};
    --rec-label-bg: ${p.label};`);
}

/** Tokens on the element that carries `theme`; an outer stylesheet's values win over these. */
export const themeTokens = css`
  :host {
    ${paletteRule('DEFAULT')}
    --rec-accent: #5568fe;
    --rec-danger: #ff5d5d;
    --rec-radius: 10px;
    --rec-font: ${unsafeCSS(FONT_STACK)};
    /* Live graphics and captions, sized by the frame so they read the same at 360p and 1080p. */
    --rec-caption-font: max(11px, min(4cqh, 4.4cqw));
    --rec-banner-font: max(11px, min(3.4cqh, 3.8cqw));
    --rec-graphic-font: max(10px, min(3cqh, 3.4cqw));
    --rec-caption-bg: rgba(0, 0, 0, 0.78);
    --rec-caption-text: #ffffff;
    --rec-graphic-bg: rgba(12, 14, 22, 0.88);
    --rec-graphic-text: #ffffff;
  }
  :host([theme='DARK']) {
    ${paletteRule('DARK')}
  }
  :host([theme='LIGHT']) {
    ${paletteRule('LIGHT')}
    --rec-accent: #3b4fe0;
  }
`;
