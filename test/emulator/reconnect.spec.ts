/**
 * A network blip mid-recording: the SDK drops its transports and PubSub, re-joins with new
 * Participant objects, and the frame must stay live with its last frames, then get its cameras,
 * microphones, share, speakers and live layouts back (and follow who came and went meanwhile).
 */
import { expect, expectShown, framesSeen, heardIds, shownIds, test, tileOf, watchFrames } from './fixture.js';

const TOPIC = 'RECORDING_LAYOUT';

test('a blip the SDK re-joins at once keeps the frame live, then brings back cameras, mics, speakers and layouts', async ({ page, emulator }) => {
  test.setTimeout(40_000);
  for (const id of ['ana', 'bo', 'chen']) emulator.addPeer({ id, name: id });
  await emulator.open('layoutType=GRID&speakerDwellMs=0');
  await expectShown(page, ['ana', 'bo', 'chen']);
  await expect.poll(() => emulator.consumedVideo()).toEqual(['ana', 'bo', 'chen']);
  await expect.poll(() => emulator.pubsub.subscriberCount(TOPIC)).toBe(1);
  await watchFrames(page);

  await emulator.dropSocket();
  await expect.poll(() => emulator.joins, { timeout: 15_000 }).toBe(2);

  await expect.soft.poll(() => emulator.consumedVideo(), { message: 'cameras asked for again' }).toEqual(['ana', 'bo', 'chen']);
  await expect.soft.poll(() => emulator.consumedAudio(), { message: 'mics asked for again' }).toEqual(['ana', 'bo', 'chen']);
  for (const id of ['ana', 'bo', 'chen']) await expect.soft(tileOf(page, id)).toHaveAttribute('data-camera', 'on');
  await expect.soft.poll(() => heardIds(page)).toEqual(['ana', 'bo', 'chen']);
  emulator.speak('bo');
  await expect.soft(tileOf(page, 'bo')).toHaveAttribute('data-speaking', 'true');
  await expect.soft.poll(() => emulator.pubsub.subscriberCount(TOPIC), { message: 'layout subscription back' }).toBe(1);
  emulator.publish(TOPIC, JSON.stringify({ layout: { type: 'SIDEBAR', priority: 'SPEAKER', gridSize: 3 } }));
  await expect.soft(page.locator('rec-stage')).toHaveAttribute('data-layout', 'SIDEBAR');

  const seen = await framesSeen(page);
  expect.soft(seen.states, 'data-state while the SDK re-joined').toEqual(['live']);
  expect.soft(seen.fewestTiles, 'fewest tiles while the SDK re-joined').toBe(3);
  expect(emulator.socketUrls).toHaveLength(2);
});

test('a longer outage (RECONNECTING) keeps the frame live and follows who left and joined meanwhile', async ({ page, emulator }) => {
  test.setTimeout(45_000);
  for (const id of ['ana', 'bo']) emulator.addPeer({ id, name: id });
  await emulator.open('layoutType=GRID');
  await expectShown(page, ['ana', 'bo']);
  await expect.poll(() => emulator.pubsub.subscriberCount(TOPIC)).toBe(1);
  await watchFrames(page);

  await emulator.dropSocket({ refuseReconnects: 1 });
  emulator.removePeer('bo');
  emulator.addPeer({ id: 'dan', name: 'dan' });
  await expect.poll(() => emulator.joins, { timeout: 20_000 }).toBe(2);

  await expect.soft.poll(() => shownIds(page), { message: 'who is in the room after the re-join', timeout: 10_000 }).toEqual(['ana', 'dan']);
  await expect.soft.poll(() => emulator.consumedVideo(), { message: 'cameras asked for again' }).toEqual(['ana', 'dan']);
  for (const id of ['ana', 'dan']) await expect.soft(tileOf(page, id)).toHaveAttribute('data-camera', 'on');
  await expect.soft.poll(() => heardIds(page)).toEqual(['ana', 'dan']);
  await expect.soft.poll(() => emulator.pubsub.subscriberCount(TOPIC), { message: 'layout subscription back' }).toBe(1);

  const seen = await framesSeen(page);
  expect.soft(seen.states, 'data-state while the SDK reconnected').toEqual(['live']);
  expect.soft(seen.fewestTiles, 'fewest tiles while the SDK reconnected').toBeGreaterThan(0);
  expect(emulator.socketUrls).toHaveLength(3);
});

test('a blip keeps the presenter share on stage (its last frame) until the re-joined share replaces it', async ({ page, emulator }) => {
  test.setTimeout(40_000);
  emulator.addPeer({ id: 'ana', name: 'ana' });
  emulator.addPeer({ id: 'chen', name: 'chen', share: true });
  await emulator.open('layoutType=GRID');
  const share = page.locator('rec-tile[data-role="share"]');
  await expect(share).toHaveAttribute('data-participant-id', 'chen');
  await watchFrames(page);
  await emulator.dropSocket();
  await expect.poll(() => emulator.joins, { timeout: 15_000 }).toBe(2);
  await expect(share).toHaveAttribute('data-participant-id', 'chen');
  expect((await framesSeen(page)).fewestTiles, 'fewest tiles (share + 2 cameras) while the SDK re-joined').toBe(3);
});

test('a microphone turned off during an outage shows off after the re-join', async ({ page, emulator }) => {
  test.setTimeout(40_000);
  emulator.addPeer({ id: 'ana', name: 'ana' });
  await emulator.open();
  await expectShown(page, ['ana']);
  await expect(tileOf(page, 'ana').locator('.mic-off')).toHaveCount(0);
  await emulator.dropSocket();
  emulator.setMic('ana', false);
  await expect.poll(() => emulator.joins, { timeout: 15_000 }).toBe(2);
  await expect.poll(() => emulator.consumedVideo()).toEqual(['ana']);
  await expect(tileOf(page, 'ana').locator('.mic-off')).toHaveCount(1, { timeout: 12_000 });
});
