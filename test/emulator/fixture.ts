/**
 * The Playwright fixture for scenarios on the production page with the real SDK: `emulator` (one
 * emulated meeting per test, on the `media` backend, signalling-only unless a spec overrides it),
 * and small readers of the page's testing contract (README "Testing contract").
 */
import { type Locator, type Page, test as base, expect } from '@playwright/test';
import { VideoSdkEmulator } from '../../packages/testkit/src/emulator/emulator.js';
import type { MediaBackend } from '../../packages/testkit/src/emulator/media.js';
import { signallingOnlyMedia } from '../../packages/testkit/src/emulator/media-signalling-only.js';

export { expect };
export { VideoSdkEmulator, aJoinToken } from '../../packages/testkit/src/emulator/emulator.js';

/** The fixtures an emulator spec gets. */
export interface EmulatorFixtures {
  /** The media side of the emulated server (override with `test.extend` for real media). */
  media: MediaBackend;
  emulator: VideoSdkEmulator;
}

/** `test` with an emulated VideoSDK meeting; a test fails if the SDK spoke outside the emulated protocol. */
export const test = base.extend<EmulatorFixtures>({
  media: async ({}, use) => {
    await use(signallingOnlyMedia());
  },
  emulator: async ({ page, media }, use) => {
    const emulator = await VideoSdkEmulator.start(page, { media });
    await use(emulator);
    await page.close();
    await emulator.close();
    expect(emulator.protocolErrors, 'the SDK did something the emulated protocol does not know').toEqual([]);
    expect(emulator.pageErrors, 'uncaught errors in the page').toEqual([]);
  },
});

/** `<html data-state>`. */
export function frame(page: Page): Locator {
  return page.locator('html');
}

/** The tile of one participant (Playwright's CSS pierces shadow roots). */
export function tileOf(page: Page, id: string): Locator {
  return page.locator(`rec-tile[data-participant-id="${id}"]`);
}

/** The participant ids of every tile on the stage, sorted. */
export async function shownIds(page: Page): Promise<string[]> {
  const ids = await page.locator('rec-tile').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset['participantId'] ?? ''));
  return ids.sort();
}

/** The participants whose microphone the page plays (one `<audio>` per track), sorted. */
export async function heardIds(page: Page): Promise<string[]> {
  const keys = await page.locator('rec-audio-player audio').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset['key'] ?? ''));
  return keys.filter((key) => key.startsWith('mic:')).map((key) => key.slice('mic:'.length)).sort();
}

/** Samples `<html data-state>` and the number of tiles every 50 ms, from now on. */
export async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: Array<{ state: string; tiles: number }> = [];
    (window as unknown as { frameSamples: typeof samples }).frameSamples = samples;
    const count = (root: Document | ShadowRoot): number => {
      let n = 0;
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'REC-TILE') n += 1;
        if (el.shadowRoot) n += count(el.shadowRoot);
      }
      return n;
    };
    setInterval(() => samples.push({ state: document.documentElement.dataset['state'] ?? '', tiles: count(document) }), 50);
  });
}

/** The distinct states and the fewest tiles sampled since watchFrames. */
export async function framesSeen(page: Page): Promise<{ states: string[]; fewestTiles: number }> {
  const samples = await page.evaluate(() => (window as unknown as { frameSamples: Array<{ state: string; tiles: number }> }).frameSamples);
  return { states: [...new Set(samples.map((s) => s.state))], fewestTiles: Math.min(...samples.map((s) => s.tiles)) };
}

/** Waits until the page shows a live frame with exactly these participants. */
export async function expectShown(page: Page, ids: readonly string[]): Promise<void> {
  await expect(frame(page)).toHaveAttribute('data-state', 'live');
  await expect.poll(() => shownIds(page)).toEqual([...ids].sort());
}
