/** Joining: under the URL's participantId, the recorder never shown, peers already there and joining later. */
import { expectShown, frame, test, expect } from './fixture.js';

test('joins under the URL participantId and shows the senders already in the room', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'bo', name: 'Bo' });
  await emulator.open();
  await expectShown(page, ['ana', 'bo']);
  expect(emulator.socketUrls[0]).toContain(`peerId=${emulator.recorderId}`);
  await expect(frame(page)).toHaveAttribute('data-state', 'live');
});
