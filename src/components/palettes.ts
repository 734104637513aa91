/**
 * VideoSDK's palettes (background, tile) plus the text and accent colours that go with them: plain
 * data, read by the theme tokens and, at build time, by the pages' first-paint styles (first-paint.ts).
 */
import type { Theme } from '../config/options.js';

/** One theme's colours. */
export interface Palette {
  readonly bg: string;
  readonly tile: string;
  readonly text: string;
  readonly muted: string;
  readonly avatar: string;
  readonly label: string;
}

/** The palette of each theme. */
export const PALETTES: Readonly<Record<Theme, Palette>> = {
  DARK: { bg: '#050A0E', tile: '#1A1C22', text: '#FFFFFF', muted: '#9FA0A7', avatar: '#2B3038', label: 'rgba(5, 10, 14, 0.62)' },
  LIGHT: { bg: '#FFFFFF', tile: '#EEF0F2', text: '#1A1C22', muted: '#5F6470', avatar: '#D5D9DE', label: 'rgba(255, 255, 255, 0.78)' },
  DEFAULT: { bg: '#212032', tile: '#333244', text: '#FFFFFF', muted: '#A9A8BC', avatar: '#4A4960', label: 'rgba(33, 32, 50, 0.62)' },
};
