/** The recording frame: a 16:9 (landscape) or 9:16 (portrait) stage letterboxed in the viewport. */
import type { Orientation } from '../config/options.js';
import type { Rect, Size } from './types.js';

/** Width over height of the stage for an orientation. */
export function stageAspect(orientation: Orientation): number {
  return orientation === 'portrait' ? 9 / 16 : 16 / 9;
}

/** The largest 16:9 (landscape) or 9:16 (portrait) rect centred in the viewport, in integer px. */
export function fitStage(viewport: Size, orientation: Orientation): Rect {
  const vw = Math.max(0, Math.floor(viewport.width));
  const vh = Math.max(0, Math.floor(viewport.height));
  const aspect = stageAspect(orientation);
  let width = vw;
  let height = Math.min(vh, Math.round(vw / aspect));
  if (vw / aspect > vh) {
    height = vh;
    width = Math.min(vw, Math.round(vh * aspect));
  }
  return { x: Math.floor((vw - width) / 2), y: Math.floor((vh - height) / 2), width, height };
}
