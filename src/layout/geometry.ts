/** Tile rectangles for the three arrangements (grid, main + strip, single), in integer stage pixels. */
import type { Orientation } from '../config/options.js';
import type { Rect, Size } from './types.js';

/** Share of the stage's long axis the main tile takes beside a strip. */
export const MAIN_FRACTION = 0.78;

const TILE_ASPECT = 16 / 9;

/** The gap between tiles and around the stage's edge: about 1% of the short side. */
export function gapFor(stage: Size): number {
  return Math.round(Math.min(stage.width, stage.height) / 100);
}

/** The stage minus its outer margin. */
export function innerArea(stage: Size, gap: number): Rect {
  return {
    x: gap,
    y: gap,
    width: Math.max(0, stage.width - 2 * gap),
    height: Math.max(0, stage.height - 2 * gap),
  };
}

/** Rows per column count for a grid of `count` tiles; portrait stacks up to three tiles in one column. */
export function gridShape(count: number, orientation: Orientation): { rows: number; cols: number } {
  if (count <= 0) return { rows: 0, cols: 0 };
  if (orientation === 'portrait') {
    if (count <= 3) return { rows: count, cols: 1 };
    const cols = Math.ceil(Math.sqrt(count));
    return { rows: Math.ceil(count / cols), cols };
  }
  const cols = Math.ceil(Math.sqrt(count));
  return { rows: Math.ceil(count / cols), cols };
}

/** `count` equal cells filling `area` row by row; a short last row is centred. */
export function gridRects(area: Rect, count: number, orientation: Orientation, gap: number): Rect[] {
  const { rows, cols } = gridShape(count, orientation);
  if (count <= 0) return [];
  const width = cellSize(area.width, cols, gap);
  const height = cellSize(area.height, rows, gap);
  const rects: Rect[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / cols);
    const col = i % cols;
    const inRow = Math.min(cols, count - row * cols);
    const centring = Math.floor(((cols - inRow) * (width + gap)) / 2);
    rects.push({
      x: area.x + centring + col * (width + gap),
      y: area.y + row * (height + gap),
      width,
      height,
    });
  }
  return rects;
}

/**
 * A main rect and `count` 16:9 strip tiles: the strip is a column on the right in landscape and a row
 * at the bottom in portrait. With an empty strip the main rect takes the whole area.
 */
export function mainWithStrip(
  area: Rect,
  count: number,
  orientation: Orientation,
  gap: number,
): { main: Rect; strip: Rect[] } {
  if (count <= 0) return { main: area, strip: [] };
  return orientation === 'portrait'
    ? stripBelow(area, count, gap)
    : stripBeside(area, count, gap);
}

function stripBeside(area: Rect, count: number, gap: number): { main: Rect; strip: Rect[] } {
  const mainWidth = Math.round(area.width * MAIN_FRACTION);
  const stripWidth = Math.max(0, area.width - mainWidth - gap);
  let height = Math.floor(stripWidth / TILE_ASPECT);
  let width = stripWidth;
  if (count * height + (count - 1) * gap > area.height) {
    height = cellSize(area.height, count, gap);
    width = Math.min(stripWidth, Math.floor(height * TILE_ASPECT));
  }
  const stack = count * height + (count - 1) * gap;
  const x = area.x + mainWidth + gap + Math.floor((stripWidth - width) / 2);
  const top = area.y + Math.max(0, Math.floor((area.height - stack) / 2));
  const strip = Array.from({ length: count }, (_, i) => ({ x, y: top + i * (height + gap), width, height }));
  return { main: { x: area.x, y: area.y, width: mainWidth, height: area.height }, strip };
}

function stripBelow(area: Rect, count: number, gap: number): { main: Rect; strip: Rect[] } {
  // The strip is only as tall as its tiles need (at most the share main leaves it), so main gets the rest.
  const maxHeight = Math.max(0, area.height - Math.round(area.height * MAIN_FRACTION) - gap);
  let width = cellSize(area.width, count, gap);
  let height = Math.floor(width / TILE_ASPECT);
  if (height > maxHeight) {
    height = maxHeight;
    width = Math.min(width, Math.floor(height * TILE_ASPECT));
  }
  const mainHeight = Math.max(0, area.height - height - gap);
  const row = count * width + (count - 1) * gap;
  const left = area.x + Math.max(0, Math.floor((area.width - row) / 2));
  const y = area.y + mainHeight + gap;
  const strip = Array.from({ length: count }, (_, i) => ({ x: left + i * (width + gap), y, width, height }));
  return { main: { x: area.x, y: area.y, width: area.width, height: mainHeight }, strip };
}

function cellSize(length: number, count: number, gap: number): number {
  return Math.max(0, Math.floor((length - (count - 1) * gap) / count));
}
