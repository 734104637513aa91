/**
 * The clean opening (issue 23), on the real SDK with real media: every animation frame from the
 * navigation for 5 s is sampled, and no frame after the reveal shows a camera-on participant's
 * placeholder; the reveal comes within the bound (openingMs, default 3000); audio plays before it.
 */
import type { Page } from '@playwright/test';
import { expect, frame } from './fixture.js';
import { test } from './media-checks.js';

/** What one animation frame showed. */
interface Sample {
  readonly at: number;
  /** `<html data-opening>` present: the tiles are laid out but not filmed yet. */
  readonly opening: boolean;
  /** Each camera tile: whose, and whether it shows a presented video frame (else a placeholder: avatar or empty). */
  readonly tiles: readonly { readonly id: string; readonly video: boolean }[];
  /** Some `<audio>` of the page is playing (its clock has moved). */
  readonly audio: boolean;
}

/** Samples every animation frame from the navigation for `ms` (installed before any page script). */
async function sampleFrames(page: Page, ms: number): Promise<void> {
  await page.addInitScript((window: number) => {
    const samples: Sample[] = [];
    (globalThis as unknown as { openingSamples: Sample[] }).openingSamples = samples;
    const firstFrame = new WeakMap<HTMLVideoElement, number>();
    const watched = new WeakSet<HTMLVideoElement>();
    const all = (root: Document | ShadowRoot, out: Element[] = []): Element[] => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) all(el.shadowRoot, out);
      }
      return out;
    };
    const sample = (at: number) => {
      const elements = all(document);
      const tiles = elements
        .filter((el): el is HTMLElement => el.localName === 'rec-tile' && (el as HTMLElement).dataset['role'] !== 'share')
        .map((tile) => {
          const video = tile.shadowRoot?.querySelector('video') ?? null;
          if (video && !watched.has(video)) {
            watched.add(video);
            const onFrame = (now: number) => (firstFrame.has(video) ? undefined : firstFrame.set(video, now));
            video.requestVideoFrameCallback(onFrame);
          }
          const shows = video !== null && !video.hidden && video.srcObject !== null && (firstFrame.get(video) ?? Infinity) <= at;
          return { id: tile.dataset['participantId'] ?? '', video: shows };
        });
      const audio = elements.some((el) => el instanceof HTMLAudioElement && !el.paused && el.currentTime > 0);
      samples.push({ at, opening: document.documentElement.dataset['opening'] !== undefined, tiles, audio });
      if (at < window) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }, ms);
}

/** The samples, the first revealed frame (tiles filmed), placeholder frames after it, and when audio first played. */
async function openingSeen(page: Page) {
  const samples = await page.evaluate(() => (globalThis as unknown as { openingSamples: Sample[] }).openingSamples);
  const reveal = samples.find((s) => !s.opening && s.tiles.length > 0);
  const after = reveal ? samples.filter((s) => s.at >= reveal.at) : [];
  const placeholders = after.filter((s) => s.tiles.some((t) => !t.video));
  return {
    frames: samples.length,
    revealMs: reveal?.at ?? null,
    shownAtReveal: reveal?.tiles.map((t) => t.id).sort() ?? [],
    placeholderFrames: placeholders.length,
    firstPlaceholder: placeholders[0] ?? null,
    audioMs: samples.find((s) => s.audio)?.at ?? null,
    lastAt: samples.at(-1)?.at ?? 0,
  };
}

const BOUND_MS = Number(process.env.OPENING_BOUND_MS ?? 3000);
const WINDOW_MS = Math.max(5000, BOUND_MS + 2000);

for (const inMeeting of [4, 100]) {
  test(`${inMeeting} in the meeting, 4 cameras on screen: the opening holds, then reveals every camera presenting, within the bound, audio first`, async ({ page, emulator }) => {
    test.setTimeout(60_000);
    for (let i = 1; i <= inMeeting; i++) emulator.addPeer({ id: `p${i}`, name: `Person ${i}`, mic: i <= 4 });
    emulator.speak('p1');
    await sampleFrames(page, WINDOW_MS);

    await emulator.open(`layoutType=GRID${BOUND_MS === 3000 ? '' : `&openingMs=${BOUND_MS}`}`);
    await expect(frame(page)).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await expect.poll(async () => (await openingSeen(page)).lastAt, { timeout: 30_000 }).toBeGreaterThanOrEqual(WINDOW_MS);

    const seen = await openingSeen(page);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name.slice(4)} ${Math.round(m.startTime)}`).join(' · '));
    console.log(`${inMeeting} in the meeting: ${JSON.stringify({ ...seen, firstPlaceholder: undefined })}\n${marks}`);
    expect(seen.frames, 'frames sampled over 5 s').toBeGreaterThan(30);
    expect(seen.revealMs, 'the layout was revealed').not.toBeNull();
    expect(seen.shownAtReveal).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(seen.revealMs!, 'the reveal comes within the bound').toBeLessThanOrEqual(BOUND_MS + 100);
    expect(seen.placeholderFrames, `no camera-on placeholder after the reveal (first: ${JSON.stringify(seen.firstPlaceholder)})`).toBe(0);
    expect(seen.audioMs, 'audio plays').not.toBeNull();
    expect(seen.audioMs!, 'audio plays before the reveal (never held back)').toBeLessThan(seen.revealMs!);
  });
}

test('openingMs=0 turns the gate off: tiles are filmed from the first plan', async ({ page, emulator }) => {
  for (let i = 1; i <= 2; i++) emulator.addPeer({ id: `p${i}`, name: `Person ${i}` });
  await sampleFrames(page, WINDOW_MS);
  await emulator.open('openingMs=0');
  await expect(frame(page)).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect.poll(async () => (await openingSeen(page)).lastAt, { timeout: 30_000 }).toBeGreaterThanOrEqual(WINDOW_MS);
  const samples = await page.evaluate(() => (globalThis as unknown as { openingSamples: Sample[] }).openingSamples);
  const firstTiles = samples.find((s) => s.tiles.length > 0);
  expect(firstTiles?.opening).toBe(false);
  // Without the gate the SDK's first flags are filmed: the placeholder the gate exists to hide.
  expect(firstTiles?.tiles.some((t) => !t.video)).toBe(true);
});
