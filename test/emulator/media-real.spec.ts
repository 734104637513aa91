/** Real media through the emulated server: tiles present decoded camera and share frames, every mic plays. */
import type { Locator, Page } from '@playwright/test';
import { expectShown, test as base, expect, tileOf } from './fixture.js';
import { type RealMedia, realMedia } from './media-real.js';

const test = base.extend<{ real: RealMedia }>({
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
async function presented(tile: Locator, ms = 1000): Promise<{ frames: number; width: number; height: number }> {
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
async function listenTo(page: Page, key: string, ms = 800) {
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
async function expectFrames(tile: Locator, source: { width: number; height: number; fps: number }): Promise<void> {
  await expect
    .poll(async () => {
      const seen = await presented(tile);
      return seen.frames >= source.fps / 2 && seen.width === source.width && seen.height === source.height;
    }, { timeout: 15_000 })
    .toBe(true);
}

/** Waits until the page plays `key`'s audio: not paused, its clock running, the track live and unmuted, the tone audible. */
async function expectPlaying(page: Page, key: string): Promise<void> {
  await expect
    .poll(async () => {
      const heard = await listenTo(page, key);
      return !heard.paused && heard.advanced > 0.5 && heard.track === 'live' && heard.peak > 0.02;
    }, { timeout: 15_000 })
    .toBe(true);
}

/** What media-synthetic.ts sends. */
const CAMERA = { width: 320, height: 180, fps: 15 };
const SHARE = { width: 640, height: 360, fps: 5 };

test('every tile presents real camera frames and every mic plays', async ({ page, emulator, real }) => {
  for (const id of ['ana', 'bo', 'cy']) emulator.addPeer({ id, name: id.toUpperCase() });
  await emulator.open();
  await expectShown(page, ['ana', 'bo', 'cy']);

  for (const id of ['ana', 'bo', 'cy']) {
    await expect(tileOf(page, id)).toHaveAttribute('data-camera', 'on');
    await expectFrames(tileOf(page, id), CAMERA);
    await expectPlaying(page, `mic:${id}`);
  }
  const { connectionState, consumers } = await real.stats();
  expect(connectionState).toBe('connected');
  expect(consumers.map((c) => `${c.peerId}:${c.kind}`).sort()).toEqual(
    ['ana:audio', 'ana:video', 'bo:audio', 'bo:video', 'cy:audio', 'cy:video'],
  );
});

test('a peer without a camera gets no video but is heard', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'bo', name: 'Bo', webcam: false });
  await emulator.open();
  await expectShown(page, ['ana', 'bo']);
  await expectFrames(tileOf(page, 'ana'), CAMERA);
  await expect(tileOf(page, 'bo')).toHaveAttribute('data-camera', 'off');
  await expectPlaying(page, 'mic:bo');
});

test('a screen share fills the share tile with real frames, and goes when it ends', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'bo', name: 'Bo' });
  await emulator.open();
  await expectShown(page, ['ana', 'bo']);

  emulator.setShare('ana', true);
  const share = page.locator('rec-tile[data-role="share"]');
  await expect(share).toHaveAttribute('data-participant-id', 'ana');
  await expectFrames(share, SHARE);
  await expectPlaying(page, 'mic:ana');

  emulator.setShare('ana', false);
  await expect(share).toHaveCount(0);
});
