/**
 * Simulcast cameras, as VideoSDK's webcams publish them (¼, ½ and full size): the template's quality
 * and viewport hints, through the real SDK, choose the smallest layer that covers each tile, and
 * follow the tile when the layout moves it. The last test switches real frames between layers.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { type VideoSdkEmulator, expect, expectShown, test as signalling, tileOf } from './fixture.js';
import { expectFrames, presented, test as realMediaTest } from './media-checks.js';
import { signallingOnlyMedia } from '../../packages/testkit/src/emulator/media-signalling-only.js';
import { realMedia } from '../../packages/testkit/src/emulator/media-real.js';

/** The SDK's hd webcam: 1280×720 in three layers. */
const HD = { width: 1280, height: 720, layers: 3 };

/** The layer the SDK should prefer for a tile: the smallest whose size covers it, else the largest (getAdaptivePrefferedLayers). */
function layerFor(tile: { width: number; height: number }, camera: { width: number; height: number; layers: number }): number {
  for (let layer = 0; layer < camera.layers; layer += 1) {
    const scale = 2 ** (camera.layers - 1 - layer);
    if (camera.width / scale >= Math.round(tile.width) && camera.height / scale >= Math.round(tile.height)) return layer;
  }
  return camera.layers - 1;
}

/** Each shown camera's layer as the tile sizes call for it, by participant id. */
async function layersTheTilesNeed(page: Page, camera = HD): Promise<Record<string, number>> {
  const tiles = await page.locator('rec-tile[data-camera="on"]').evaluateAll((els) =>
    els.map((el) => ({ id: (el as HTMLElement).dataset['participantId'] ?? '', ...el.getBoundingClientRect().toJSON() })),
  );
  return Object.fromEntries(tiles.map((tile) => [tile.id, layerFor(tile, camera)]));
}

/** '' once every shown camera (at least `cameras`) is received at the layer its tile needs; what differs otherwise. */
async function layersMismatch(page: Page, emulator: VideoSdkEmulator, cameras: number): Promise<string> {
  const need = await layersTheTilesNeed(page);
  const have = Object.fromEntries(emulator.cameraLayers());
  const same = Object.keys(need).length >= cameras && JSON.stringify(have, Object.keys(need).sort()) === JSON.stringify(need, Object.keys(need).sort());
  return same ? '' : `tiles need ${JSON.stringify(need)}, received ${JSON.stringify(have)}`;
}

const test = signalling.extend({
  media: async ({}, use) => {
    await use(signallingOnlyMedia({ simulcast: HD }));
  },
});

test('in a GRID of four at 1280×720 every camera is received at the 640×360 layer, not the full 720p', async ({ page, emulator }) => {
  for (const id of ['a', 'b', 'c', 'd']) emulator.addPeer({ id, name: id.toUpperCase() });
  await emulator.open('layoutType=GRID');
  await expectShown(page, ['a', 'b', 'c', 'd']);
  await expect.poll(async () => Object.fromEntries(emulator.cameraLayers())).toEqual({ a: 1, b: 1, c: 1, d: 1 });
  await expect.poll(() => layersMismatch(page, emulator, 4)).toBe('');
});

test('in SIDEBAR the main tile gets the full layer and the side tiles a small one, and they trade when the speaker moves', async ({ page, emulator }) => {
  for (const id of ['a', 'b', 'c']) emulator.addPeer({ id, name: id.toUpperCase() });
  emulator.speak('a');
  await emulator.open('layoutType=SIDEBAR&speakerDwellMs=200');
  await expect(tileOf(page, 'a')).toHaveAttribute('data-role', 'main');
  await expect.poll(() => layersMismatch(page, emulator, 3)).toBe('');
  expect(emulator.cameraLayers().get('a')).toBe(2);
  expect(emulator.cameraLayers().get('b')).toBeLessThan(2);

  emulator.speak('b');
  await expect(tileOf(page, 'b')).toHaveAttribute('data-role', 'main');
  await expect.poll(() => emulator.cameraLayers().get('b')).toBe(2);
  await expect.poll(() => layersMismatch(page, emulator, 3)).toBe('');
  expect(emulator.cameraLayers().get('a')).toBeLessThan(2);
});

/** Small clips for the three layers (160×90, 320×180, 640×360), made with the browser's own VP8 encoder. */
const LAYERS = [
  { width: 160, height: 90 },
  { width: 320, height: 180 },
  { width: 640, height: 360 },
] as const;
const FPS = 15;

const realLayers = realMediaTest.extend({
  real: async ({ context, page }, use) => {
    const maker = await context.newPage();
    await maker.goto('/');
    // Evaluated rather than added as a script tag: the page's Content-Security-Policy refuses inline scripts.
    await maker.evaluate(readFileSync(new URL('../../bench/page/make-clip.js', import.meta.url), 'utf8'));
    const clips: string[] = [];
    for (const size of LAYERS) {
      const settings = { ...size, kind: 'camera', frames: 2 * FPS, fps: FPS, bitrate: 300_000, keyEvery: 2 * FPS };
      clips.push(String(await maker.evaluate(`window.makeVp8Clip(${JSON.stringify(settings)})`)));
    }
    await maker.close();
    const top = LAYERS[2];
    const media = await realMedia(context, page, { setup: { camera: { ...top, fps: FPS, clip: clips[2], layers: clips.slice(0, 2) } } });
    await use(media);
    await media.close();
  },
});

realLayers('a tile that shrinks gets the smaller layer\'s real frames, and the bigger ones back when it grows', async ({ page, emulator }) => {
  await page.setViewportSize({ width: 640, height: 360 });
  emulator.addPeer({ id: 'a', name: 'A' });
  await emulator.open('layoutType=GRID');
  await expectShown(page, ['a']);
  // Alone, the tile fills the frame: the full 640×360 layer.
  await expectFrames(tileOf(page, 'a'), { ...LAYERS[2], fps: FPS });

  for (const id of ['b', 'c', 'd']) emulator.addPeer({ id, name: id.toUpperCase() });
  await expectShown(page, ['a', 'b', 'c', 'd']);
  // A quarter of the frame: the 320×180 layer, switched at its key frame without a stall.
  await expectFrames(tileOf(page, 'a'), { ...LAYERS[1], fps: FPS });
  await expectFrames(tileOf(page, 'd'), { ...LAYERS[1], fps: FPS });

  for (const id of ['b', 'c', 'd']) emulator.removePeer(id);
  await expectShown(page, ['a']);
  await expectFrames(tileOf(page, 'a'), { ...LAYERS[2], fps: FPS });
  expect((await presented(tileOf(page, 'a'))).frames).toBeGreaterThan(FPS / 2);
});
