/**
 * Cameras and microphones through the real SDK: on and off as the server reports them, and what the
 * page asks to receive follows the screen (cameras on screen only, every microphone).
 */
import { expect, expectShown, heardIds, shownIds, test, tileOf } from './fixture.js';

test('a camera and a microphone turned off and on again show on the tile', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  await emulator.open();
  await expectShown(page, ['ana']);
  const tile = tileOf(page, 'ana');
  await expect(tile).toHaveAttribute('data-camera', 'on');
  await expect(tile.locator('.mic-off')).toHaveCount(0);

  emulator.setWebcam('ana', false);
  await expect(tile).toHaveAttribute('data-camera', 'off');
  await expect(tile.locator('[part="avatar"]')).toHaveText('A');
  emulator.setMic('ana', false);
  await expect(tile.locator('.mic-off')).toHaveCount(1);
  await expect.poll(() => heardIds(page)).toEqual([]);

  emulator.setWebcam('ana', true);
  await expect(tile).toHaveAttribute('data-camera', 'on');
  emulator.setMic('ana', true);
  await expect(tile.locator('.mic-off')).toHaveCount(0);
  await expect.poll(() => heardIds(page)).toEqual(['ana']);
  // The page kept asking for both while they were off: the server's new consumers came back by themselves.
  expect(emulator.requestsOf('stopConsumingVideoStreams', 'ana')).toEqual([]);
  expect(emulator.consumers()).toEqual(['ana:audio', 'ana:video']);
});

test('with 10 peers and 4 on screen, the page asks for exactly those 4 cameras and all 10 microphones', async ({ page, emulator }) => {
  const ids = Array.from({ length: 10 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  for (const id of ids) emulator.addPeer({ id, name: id.toUpperCase() });
  await emulator.open('layoutType=GRID&layoutGridSize=4');
  await expect.poll(() => page.locator('rec-tile').count()).toBe(4);
  const onScreen = await shownIds(page);
  await expect.poll(() => emulator.consumedVideo()).toEqual(onScreen);
  await expect.poll(() => emulator.consumedAudio()).toEqual(ids);
  await expect.poll(() => heardIds(page)).toEqual(ids);
  for (const id of ids) {
    expect(emulator.requestsOf('consumeVideoStreams', id).length, id).toBe(onScreen.includes(id) ? 1 : 0);
    expect(emulator.requestsOf('consumeAudioStreams', id).length, id).toBe(1);
  }
  for (const id of onScreen) await expect(tileOf(page, id)).toHaveAttribute('data-camera', 'on');

  // Someone off screen speaks: their camera is asked for, the one they replace is let go.
  const newcomer = ids.find((id) => !onScreen.includes(id))!;
  emulator.speak(newcomer);
  await expect(tileOf(page, newcomer)).toHaveAttribute('data-camera', 'on');
  const nowShown = await shownIds(page);
  const dropped = onScreen.filter((id) => !nowShown.includes(id));
  expect(dropped).toHaveLength(1);
  await expect.poll(() => emulator.consumedVideo()).toEqual(nowShown);
  expect(emulator.requestsOf('stopConsumingVideoStreams', dropped[0]).length).toBe(1);
  await expect.poll(() => emulator.consumedAudio()).toEqual(ids);
});
