/**
 * Joining and who is shown: the recorder joins under the URL's participantId and is never shown; peers
 * already in the room and joining later are; viewers are never shown or heard, whichever way modes change.
 */
import { expect, expectShown, frame, heardIds, test, tileOf } from './fixture.js';

test('joins under the URL participantId, in the order the SDK speaks, and shows the senders already in the room', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'bo', name: 'Bo', webcam: false });
  await emulator.open();
  await expectShown(page, ['ana', 'bo']);
  expect(emulator.initConfig.calls).toEqual([{ roomId: emulator.meetingId, authorization: expect.stringMatching(/^ey/) }]);
  expect(emulator.requests.slice(0, 5).map((r) => r.method)).toEqual([
    'requestEntry',
    'getRouterRtpCapabilities',
    'createWebRtcTransport',
    'createWebRtcTransport',
    'join',
  ]);
  expect(emulator.requestsOf('join')[0]!.data).toMatchObject({ displayName: 'recorder', mode: 'SEND_AND_RECV', autoConsume: false });
  expect(Object.fromEntries(new URL(emulator.socketUrls[0]!).searchParams)).toMatchObject({
    roomId: emulator.meetingId,
    peerId: emulator.recorderId,
    mode: 'SEND_AND_RECV',
    lib: 'socket',
    EIO: '4',
    transport: 'websocket',
  });
  // The layout subscription asks for all history.
  await expect
    .poll(() => emulator.pubsub.subscribes.filter((s) => s.topic === 'RECORDING_LAYOUT'))
    .toEqual([expect.objectContaining({ oldMessageLimit: -1, peerId: emulator.recorderId })]);
  await expect(tileOf(page, 'ana')).toHaveAttribute('data-camera', 'on');
  await expect(tileOf(page, 'bo')).toHaveAttribute('data-camera', 'off');
  await expect.poll(() => heardIds(page)).toEqual(['ana', 'bo']);
  await expect(page.locator('.banner, rec-preview-panel')).toHaveCount(0);
});

test('an empty room waits, then shows each peer who joins and drops each who leaves', async ({ page, emulator }) => {
  await emulator.open();
  await expect(frame(page)).toHaveAttribute('data-state', 'waiting');
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  await expectShown(page, ['ana']);
  await expect(tileOf(page, 'ana')).toHaveAttribute('data-camera', 'on');
  emulator.addPeer({ id: 'bo', name: 'Bo' });
  await expectShown(page, ['ana', 'bo']);
  emulator.removePeer('ana');
  await expectShown(page, ['bo']);
  await expect.poll(() => heardIds(page)).toEqual(['bo']);
  emulator.removePeer('bo');
  await expect(frame(page)).toHaveAttribute('data-state', 'waiting');
  await expect(page.locator('rec-tile')).toHaveCount(0);
});

test('a peer announced under the recorder own id is never shown', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  await emulator.open();
  await expectShown(page, ['ana']);
  emulator.addPeer({ id: emulator.recorderId, name: 'recorder' });
  // A later peer, so the page has handled the recorder's announcement once this one is shown.
  emulator.addPeer({ id: 'bo', name: 'Bo' });
  await expectShown(page, ['ana', 'bo']);
  await expect.poll(() => emulator.consumedAudio()).toEqual(['ana', 'bo']);
  expect(emulator.requestsOf('consumeVideoStreams', emulator.recorderId)).toEqual([]);
});

test('viewers are never shown or heard, and mode changes take effect both ways', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'recv', name: 'Receiver', mode: 'RECV_ONLY' });
  emulator.addPeer({ id: 'sig', name: 'Signaller', mode: 'SIGNALLING_ONLY' });
  await emulator.open();
  await expectShown(page, ['ana']);
  emulator.addPeer({ id: 'late', name: 'Late viewer', mode: 'SIGNALLING_ONLY' });
  // A viewer turned speaker is shown and heard, with camera.
  emulator.setMode('recv', 'SEND_AND_RECV');
  emulator.setWebcam('recv', true);
  emulator.setMic('recv', true);
  await expectShown(page, ['ana', 'recv']);
  await expect(tileOf(page, 'recv')).toHaveAttribute('data-camera', 'on');
  await expect.poll(() => heardIds(page)).toEqual(['ana', 'recv']);
  // A speaker turned viewer disappears, and the page stops receiving them.
  emulator.setMode('ana', 'RECV_ONLY');
  await expectShown(page, ['recv']);
  await expect.poll(() => heardIds(page)).toEqual(['recv']);
  await expect.poll(() => emulator.consumedAudio()).toEqual(['recv']);
  await expect.poll(() => emulator.consumedVideo()).toEqual(['recv']);
  for (const viewer of ['sig', 'late']) {
    expect(emulator.requestsOf('consumeVideoStreams', viewer), viewer).toEqual([]);
    expect(emulator.requestsOf('consumeAudioStreams', viewer), viewer).toEqual([]);
  }
});

test('hostile display names are shown as text, never as markup', async ({ page, emulator }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const names = {
    xss: '<img src=x onerror=alert(1)>"><script>alert(2)</script>',
    rtl: '\u202Eevil\u202C Bob',
    long: 'W'.repeat(300),
    emoji: '👩🏽‍💻 Zoë 🇫🇷',
  };
  for (const [id, name] of Object.entries(names)) emulator.addPeer({ id, name, webcam: false });
  await emulator.open();
  await expectShown(page, Object.keys(names));
  for (const [id, name] of Object.entries(names)) await expect(tileOf(page, id).locator('.name')).toHaveAttribute('title', name);
  await expect(tileOf(page, 'xss').locator('.name')).toContainText('<img');
  expect(await page.locator('rec-tile img, rec-tile script, rec-stage img, rec-stage script').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
