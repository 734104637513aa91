/**
 * How a recording ends or fails to start: the server's meeting-left codes become a clean `ended`
 * frame or an `error` frame, and a join that fails names its own code (never only the FAILED state
 * that follows it), so a failed recording is never silently blank.
 */
import { aJoinToken, expect, expectShown, frame, test } from './fixture.js';

for (const [code, what] of [
  [1009, 'ended through the API'],
  [1002, 'the recorder removed'],
  [1010, 'the recorder removed through the API'],
] as const) {
  test(`meeting left with ${code} (${what}) shows a clean ended frame`, async ({ page, emulator }) => {
    emulator.addPeer({ id: 'ana', name: 'Ana' });
    await emulator.open();
    await expectShown(page, ['ana']);
    emulator.endMeeting(code);
    await expect(frame(page)).toHaveAttribute('data-state', 'ended');
    await expect(page.locator('rec-tile')).toHaveCount(0);
    await expect(page.locator('rec-stage')).toContainText('This meeting has ended');
    await expect(page.locator('rec-audio-player audio')).toHaveCount(0);
  });
}

test('meeting left with 1011 (another participant took the recorder id) shows an error frame with the code', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  await emulator.open();
  await expectShown(page, ['ana']);
  emulator.endMeeting(1011, 'duplicate participant');
  await expect(frame(page)).toHaveAttribute('data-state', 'error');
  await expect(page.locator('rec-stage')).toContainText('1011');
  await expect(page.locator('rec-tile')).toHaveCount(0);
});

for (const [code, status, error] of [
  [4001, 401, 'Invalid API key'],
  [4023, 400, 'participantId mismatch'],
] as const) {
  test(`an init-config ${status} with code ${code} shows ${code} on the frame`, async ({ page, emulator }) => {
    emulator.initConfig.reply = { kind: 'error', status, code, error };
    await emulator.open();
    await expect(frame(page)).toHaveAttribute('data-state', 'error');
    await expect(page.locator('rec-stage')).toContainText(String(code));
    expect(emulator.socketUrls).toEqual([]);
  });
}

for (const [entry, shown, what] of [
  ['refuse', '3047', 'a refused entry (an error ack: the SDK says 3047, then FAILED)'],
  ['deny', 'ENTRY_DENIED', 'a denied entry (only entry-responded, no error)'],
] as const) {
  test(`${what} shows ${shown} on the frame`, async ({ page, emulator }) => {
    emulator.entry = entry;
    await emulator.open();
    await expect(frame(page)).toHaveAttribute('data-state', 'error');
    await expect(page.locator('rec-stage')).toContainText(shown);
    expect(emulator.joins).toBe(0);
  });
}

test('a join that never completes shows JOIN_TIMEOUT on the frame', async ({ page, emulator }) => {
  await page.clock.install();
  emulator.initConfig.reply = { kind: 'hang' };
  await emulator.open();
  await expect.poll(() => emulator.initConfig.calls.length).toBe(1);
  await expect(frame(page)).toHaveAttribute('data-state', 'loading');
  await page.clock.fastForward(31_000);
  await expect(frame(page)).toHaveAttribute('data-state', 'error');
  await expect(page.locator('rec-stage')).toContainText('JOIN_TIMEOUT');
});

test('a missing meetingId or a token that is not a JWT fails before any network call', async ({ page, emulator }) => {
  await page.goto(`/?token=not-a-jwt&meetingId=${emulator.meetingId}&participantId=${emulator.recorderId}`);
  await expect(frame(page)).toHaveAttribute('data-state', 'error');
  await expect(page.locator('rec-stage')).toContainText('TOKEN_NOT_JWT');
  await page.goto(`/?token=${aJoinToken()}&participantId=${emulator.recorderId}`);
  await expect(frame(page)).toHaveAttribute('data-state', 'error');
  await expect(page.locator('rec-stage')).toContainText('meetingId');
  expect(emulator.initConfig.calls).toEqual([]);
  expect(emulator.socketUrls).toEqual([]);
});
