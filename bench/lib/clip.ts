/**
 * The VP8 clips participants send, made once per size with the browser's own encoder: the simulated
 * meeting's camera clip, and the recorder scenarios' longer camera and slide (screen share) clips.
 */
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

/** What a clip shows and how it is cut. */
export interface ClipSpec {
  /** `camera`: a swaying head and shoulders with sensor grain; `slide`: a slide with a progress bar. */
  readonly kind: 'camera' | 'slide';
  readonly frames: number;
  readonly fps: number;
  /** A key frame every this many frames (the first frame always is one). */
  readonly keyEvery: number;
}

/** The simulated meeting's clip: 4 s, a key frame every 2 s (decoded in the page, looped there). */
const SIMULATED: ClipSpec = { kind: 'camera', frames: 120, fps: 30, keyEvery: 60 };

/**
 * A clip sent over WebRTC: 10 s with one key frame, as a camera sends one only when asked (the sender
 * goes back to it when the receiver asks for a key frame, and when the clip loops).
 */
export function senderClip(kind: ClipSpec['kind']): ClipSpec {
  return { kind, frames: 300, fps: 30, keyEvery: 300 };
}

/** The clip's path relative to bench/ (as the bench server serves it at /bench/…). */
export function clipName({ width, height }: Size, spec: ClipSpec = SIMULATED): string {
  if (spec === SIMULATED) return `clips/${width}x${height}.ivf`;
  return `clips/${spec.kind}-${width}x${height}-${spec.fps}fps-${spec.frames}f-key${spec.keyEvery}.ivf`;
}

/**
 * Makes the clip for `size` with the browser's own VP8 encoder unless it exists; returns its path
 * relative to bench/. `pageUrl` must be a secure origin (WebCodecs), such as the bench server.
 */
export async function ensureClip(browser: Browser, pageUrl: string, size: Size, spec: ClipSpec = SIMULATED): Promise<string> {
  const name = clipName(size, spec);
  const file = join(BENCH_DIR, name);
  if (existsSync(file)) return name;
  const page = await browser.newPage();
  try {
    await page.goto(pageUrl);
    await page.addScriptTag({ path: join(BENCH_DIR, 'page', 'make-clip.js') });
    const settings = { ...size, ...spec, bitrate: bitrateFor(size) };
    const base64 = await page.evaluate(`window.makeVp8Clip(${JSON.stringify(settings)})`);
    mkdirSync(CLIPS_DIR, { recursive: true });
    writeFileSync(file, Buffer.from(String(base64), 'base64'));
  } finally {
    await page.close();
  }
  return name;
}
