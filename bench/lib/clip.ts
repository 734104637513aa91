/** The participants' camera clip: VP8 at the recording's resolution and 30 fps, made once per size. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';

const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where clips are kept (git-ignored): bench/clips/<width>x<height>.ivf. */
export const CLIPS_DIR = join(BENCH_DIR, 'clips');

/** A pixel size. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Bits per second a webcam stream gets at this size (roughly what SFUs send), for the encoder. */
function bitrateFor({ width, height }: Size): number {
  const pixels = width * height;
  if (pixels <= 640 * 360) return 600_000;
  if (pixels <= 1280 * 720) return 1_500_000;
  return 2_500_000;
}

/** The clip's path relative to bench/ (as the bench server serves it at /bench/…). */
export function clipName({ width, height }: Size): string {
  return `clips/${width}x${height}.ivf`;
}

/**
 * Makes the clip for `size` with the browser's own VP8 encoder unless it exists; returns its path
 * relative to bench/. `pageUrl` must be a secure origin (WebCodecs), such as the bench server.
 */
export async function ensureClip(browser: Browser, pageUrl: string, size: Size): Promise<string> {
  const name = clipName(size);
  const file = join(BENCH_DIR, name);
  if (existsSync(file)) return name;
  const page = await browser.newPage();
  try {
    await page.goto(pageUrl);
    await page.addScriptTag({ path: join(BENCH_DIR, 'page', 'make-clip.js') });
    const settings = { ...size, frames: 120, fps: 30, bitrate: bitrateFor(size), keyEvery: 60 };
    const base64 = await page.evaluate(`window.makeVp8Clip(${JSON.stringify(settings)})`);
    mkdirSync(CLIPS_DIR, { recursive: true });
    writeFileSync(file, Buffer.from(String(base64), 'base64'));
  } finally {
    await page.close();
  }
  return name;
}
