/**
 * Active speakers from the server's `activeSpeaker` pushes: the ring, the dwell before an off-screen
 * speaker moves in, and stable slots (only the least recent speaker's tile is replaced).
 */
import type { Page } from '@playwright/test';
import { expect, expectShown, shownIds, test, tileOf } from './fixture.js';

const DWELL_MS = 800;

/** Everyone seen on stage while sampling every 50 ms for `ms`. */
async function seenDuring(page: Page, ms: number): Promise<Set<string>> {
  const seen = new Set<string>();
  const until = Date.now() + ms;
  do {
    for (const id of await shownIds(page)) seen.add(id);
    await page.waitForTimeout(50);
  } while (Date.now() < until);
  return seen;
}

async function rectOf(page: Page, id: string): Promise<string> {
  const box = await tileOf(page, id).boundingBox();
  return box ? `${Math.round(box.x)},${Math.round(box.y)},${Math.round(box.width)}x${Math.round(box.height)}` : 'none';
}

test('an off-screen speaker takes the least recent speaker slot after the dwell; the others keep theirs', async ({ page, emulator }) => {
  for (const id of ['a', 'b', 'c', 'd', 'e']) emulator.addPeer({ id, name: id.toUpperCase() });
  await emulator.open(`layoutType=GRID&layoutGridSize=4&speakerDwellMs=${DWELL_MS}`);
  await expectShown(page, ['a', 'b', 'c', 'd']);
  // Recency among those on screen: b spoke longest ago.
  for (const id of ['b', 'c', 'd', 'a']) {
    emulator.speak(id);
    await expect(tileOf(page, id)).toHaveAttribute('data-speaking', 'true');
  }
  const before = Object.fromEntries(await Promise.all(['a', 'b', 'c', 'd'].map(async (id) => [id, await rectOf(page, id)] as const)));

  const spokeAt = Date.now();
  emulator.speak('e');
  await expect(tileOf(page, 'a')).toHaveAttribute('data-speaking', 'false');
  await expect(tileOf(page, 'e')).toHaveCount(0);
  await expect(tileOf(page, 'e')).toHaveAttribute('data-speaking', 'true', { timeout: DWELL_MS + 5000 });
  expect(Date.now() - spokeAt).toBeGreaterThanOrEqual(DWELL_MS);

  await expectShown(page, ['a', 'c', 'd', 'e']);
  expect(await rectOf(page, 'e')).toBe(before['b']);
  for (const id of ['a', 'c', 'd']) expect(await rectOf(page, id), id).toBe(before[id]);
});

test('a speaker who stops within the dwell never moves in (no flicker)', async ({ page, emulator }) => {
  for (const id of ['a', 'b', 'c']) emulator.addPeer({ id, name: id.toUpperCase() });
  await emulator.open(`layoutType=SPOTLIGHT&speakerDwellMs=${DWELL_MS}`);
  emulator.speak('a');
  await expectShown(page, ['a']);
  await expect(tileOf(page, 'a')).toHaveAttribute('data-role', 'main');
  emulator.speak('b');
  const seen = await seenDuring(page, DWELL_MS / 2);
  emulator.speak('a');
  // Until well past the dwell b's turn would have needed, b never appears.
  for (const id of await seenDuring(page, DWELL_MS)) seen.add(id);
  expect([...seen]).toEqual(['a']);
  await expect(tileOf(page, 'a')).toHaveAttribute('data-speaking', 'true');
  // A speaker who keeps talking does move in, once the dwell has passed.
  emulator.speak('c');
  await expectShown(page, ['c']);
  await expect(tileOf(page, 'c')).toHaveAttribute('data-role', 'main');
});

test('nobody speaking keeps the last speaker in the spotlight', async ({ page, emulator }) => {
  for (const id of ['a', 'b']) emulator.addPeer({ id, name: id.toUpperCase() });
  await emulator.open('layoutType=SPOTLIGHT&speakerDwellMs=0');
  emulator.speak('b');
  await expectShown(page, ['b']);
  emulator.speak(null);
  await expect(tileOf(page, 'b')).toHaveAttribute('data-speaking', 'false');
  await expectShown(page, ['b']);
});
