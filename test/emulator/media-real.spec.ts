/** Real media through the emulated server: tiles present decoded camera and share frames, every mic plays. */
import { expectShown, expect, frame, shownIds, tileOf } from './fixture.js';
import { CAMERA, SHARE, expectFrames, expectPlaying, test } from './media-checks.js';

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

test('only the cameras on screen are sent, every mic is, and a speaker coming on screen brings its camera', async ({ page, emulator, real }) => {
  const ids = ['ana', 'bo', 'cy', 'di', 'ed'];
  for (const id of ids) emulator.addPeer({ id, name: id.toUpperCase() });
  await emulator.open();
  await expect.poll(async () => (await shownIds(page)).length).toBe(4);
  const sent = async (kind: string) => (await real.stats()).consumers.filter((c) => c.kind === kind).map((c) => c.peerId).sort();
  await expect.poll(() => sent('video')).toEqual(await shownIds(page));
  await expect.poll(() => sent('audio')).toEqual(ids);

  const shown = await shownIds(page);
  const offScreen = ids.find((id) => !shown.includes(id)) ?? '';
  emulator.speak(offScreen);
  await expect.poll(async () => (await shownIds(page)).includes(offScreen)).toBe(true);
  await expect.poll(async () => (await sent('video')).join()).toBe((await shownIds(page)).join());
  await expectFrames(tileOf(page, offScreen), CAMERA);
});

test('after a socket drop and re-join, the cameras present real frames again and the mics play', async ({ page, emulator, real }) => {
  for (const id of ['ana', 'bo']) emulator.addPeer({ id, name: id.toUpperCase() });
  await emulator.open();
  await expectShown(page, ['ana', 'bo']);
  await expectFrames(tileOf(page, 'ana'), CAMERA);
  const firstTransport = real.recvTransportId;

  await emulator.dropSocket();
  await expect.poll(() => emulator.joins, { timeout: 20_000 }).toBe(2);
  await expect.poll(() => real.recvTransportId, { timeout: 10_000 }).not.toBe(firstTransport);

  await expect(frame(page)).toHaveAttribute('data-state', 'live');
  for (const id of ['ana', 'bo']) {
    await expect(tileOf(page, id)).toHaveAttribute('data-camera', 'on', { timeout: 15_000 });
    await expectFrames(tileOf(page, id), CAMERA);
    await expectPlaying(page, `mic:${id}`);
  }
});
