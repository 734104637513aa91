/**
 * Screen shares and pins through the real SDK. A share is received without any request (1.1.1 has
 * no share consume call): the server's share consumer is what makes the SDK name a presenter. Pins
 * arrive as `pinStateChanged` pushes and reach the page as `{participantId, state, pinnedBy}`.
 */
import { expect, expectShown, test, tileOf } from './fixture.js';

const shareTile = '[data-role="share"]';

test('a share on and off fills the stage and leaves it, received without asking', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'bo', name: 'Bo' });
  await emulator.open('layoutType=GRID');
  await expectShown(page, ['ana', 'bo']);
  const requestsBefore = emulator.requests.length;

  emulator.setShare('ana', true);
  const share = page.locator(`rec-tile${shareTile}`);
  await expect(share).toHaveAttribute('data-participant-id', 'ana');
  await expect(share).toHaveAttribute('data-camera', 'on');
  await expect(share.locator('.name')).toContainText('Screen');
  expect(emulator.consumers()).toContain('ana:share');
  // Nothing the page did asked for it: the share came with the server's consumer alone.
  expect(emulator.requests.slice(requestsBefore).filter((r) => /^(consume|stopConsuming)/.test(r.method))).toEqual([]);
  await expect(page.locator('rec-tile[data-role="side"]')).toHaveCount(2);

  emulator.setShare('ana', false);
  await expect(share).toHaveCount(0);
  await expectShown(page, ['ana', 'bo']);
  await expect(tileOf(page, 'ana')).toHaveAttribute('data-role', 'grid');
});

test('a share already running when the recorder joins is shown, and goes when its presenter leaves', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana', share: true });
  emulator.addPeer({ id: 'bo', name: 'Bo' });
  await emulator.open('layoutType=SPOTLIGHT');
  const share = page.locator(`rec-tile${shareTile}`);
  await expect(share).toHaveAttribute('data-participant-id', 'ana');
  emulator.removePeer('ana');
  await expect(share).toHaveCount(0);
  await expectShown(page, ['bo']);
});

test('pins decide who a PIN layout shows, in pin order, with partial pin states merged', async ({ page, emulator }) => {
  for (const id of ['ana', 'bo', 'chen']) emulator.addPeer({ id, name: id });
  await emulator.open('layoutType=SIDEBAR&layoutPriority=PIN&speakerDwellMs=0');
  await expectShown(page, ['ana', 'bo', 'chen']);

  await emulator.pin('chen', { cam: true });
  await expectShown(page, ['chen']);
  await expect(tileOf(page, 'chen')).toHaveAttribute('data-role', 'main');
  await emulator.pin('ana', { cam: true });
  await expectShown(page, ['ana', 'chen']);
  await expect(tileOf(page, 'chen')).toHaveAttribute('data-role', 'main');
  await expect(tileOf(page, 'ana')).toHaveAttribute('data-role', 'side');
  // A share-only change keeps chen's camera pin (the SDK merges partial states).
  await emulator.pin('chen', { share: true });
  await expectShown(page, ['ana', 'chen']);

  await emulator.pin('chen', { cam: false, share: false });
  await expectShown(page, ['ana']);
  await emulator.pin('ana', { cam: false });
  await expectShown(page, ['ana', 'bo', 'chen']);
});

test('pins in place before the recorder joins are honoured', async ({ page, emulator }) => {
  for (const id of ['ana', 'bo', 'chen']) emulator.addPeer({ id, name: id });
  await emulator.pin('bo', { cam: true });
  await emulator.open('layoutType=SPOTLIGHT&layoutPriority=PIN');
  await expectShown(page, ['bo']);
});

test('a pinned presenter share wins the spotlight under PIN priority', async ({ page, emulator }) => {
  for (const id of ['ana', 'bo']) emulator.addPeer({ id, name: id });
  await emulator.open('layoutType=SPOTLIGHT&layoutPriority=PIN');
  await emulator.pin('bo', { cam: true });
  await expectShown(page, ['bo']);
  emulator.setShare('ana', true);
  await emulator.pin('ana', { share: true });
  await expect(page.locator(`rec-tile${shareTile}`)).toHaveAttribute('data-participant-id', 'ana');
  await expect(page.locator('rec-tile')).toHaveCount(1);
});
