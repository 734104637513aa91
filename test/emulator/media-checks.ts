/** The real-media fixture (`real`, also the emulator's `media`) and checks that frames are presented and audio plays. */
import type { Locator, Page } from '@playwright/test';
import { test as base, expect } from './fixture.js';
import { type RealMedia, realMedia } from '../../packages/testkit/src/emulator/media-real.js';

/** The emulator fixture on real media: `real` is the backend, with its stats. */
export const test = base.extend<{ real: RealMedia }>({
  real: async ({ context, page }, use) => {
    const media = await realMedia(context, page);
    await use(media);
    await media.close();
  },
  media: async ({ real }, use) => {
    await use(real);
  },
});

/** Frames the tile's `<video>` presented in `ms` (requestVideoFrameCallback), and its decoded size. */
export async function presented(tile: Locator, ms = 1000): Promise<{ frames: number; width: number; height: number }> {
  return tile.evaluate(async (el, window) => {
    const video = el.shadowRoot?.querySelector('video');
    if (!video) return { frames: 0, width: 0, height: 0 };
    let frames = 0;
    let counting = true;
    const count = () => {
      frames += 1;
      if (counting) video.requestVideoFrameCallback(count);
    };
    video.requestVideoFrameCallback(count);
    await new Promise((resolve) => setTimeout(resolve, window));
    counting = false;
    return { frames, width: video.videoWidth, height: video.videoHeight };
  }, ms);
}

/** What the page's `<audio>` for a track does over `ms`: playing, its clock, its track, and how loud it is. */
export async function listenTo(page: Page, key: string, ms = 800) {
  return page.locator(`rec-audio-player audio[data-key="${key}"]`).evaluate(async (audio: HTMLAudioElement, window) => {
    const stream = audio.srcObject instanceof MediaStream ? audio.srcObject : null;
    const track = stream?.getAudioTracks()[0];
    const start = audio.currentTime;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    if (stream) context.createMediaStreamSource(stream).connect(analyser);
    await new Promise((resolve) => setTimeout(resolve, window));
    const samples = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(samples);
    await context.close();
    return {
      paused: audio.paused,
      advanced: audio.currentTime - start,
      track: track ? `${track.readyState}${track.muted ? ' muted' : ''}` : 'none',
      peak: Math.max(...samples.map(Math.abs)),
    };
  }, ms);
}

/** Waits until a tile presents frames of `source`'s size, at no less than half its rate. */
export async function expectFrames(tile: Locator, source: { width: number; height: number; fps: number }): Promise<void> {
  await expect
    .poll(async () => {
      const seen = await presented(tile);
      return seen.frames >= source.fps / 2 && seen.width === source.width && seen.height === source.height;
    }, { timeout: 15_000 })
    .toBe(true);
}

/** Waits until the page plays `key`'s audio: not paused, its clock running, the track live and unmuted, the tone audible. */
export async function expectPlaying(page: Page, key: string): Promise<void> {
  await expect
    .poll(async () => {
      const heard = await listenTo(page, key);
      return !heard.paused && heard.advanced > 0.5 && heard.track === 'live' && heard.peak > 0.02;
    }, { timeout: 15_000 })
    .toBe(true);
}

/** What media-synthetic.ts sends. */
export const CAMERA = { width: 320, height: 180, fps: 15 };
export const SHARE = { width: 640, height: 360, fps: 5 };
