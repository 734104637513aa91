/**
 * The SDK behaviours SDK-FACTS.md records and the page depends on, checked on the bare SDK (no page
 * code in between): an SDK upgrade that changes one fails here, naming it.
 */
import { expect, test } from './fixture.js';
import { type ProbeEntry, probeLog, startProbe } from './sdk-probe.js';

/** The log reduced to event names, dropping per-participant media events. */
const names = (log: readonly ProbeEntry[]): string[] => log.map((e) => e.event).filter((e) => !e.includes(':'));

test('a join: join() resolves first, then meeting-joined, CONNECTED, and participants whose flags start false', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  await startProbe(page, emulator);
  await expect.poll(async () => (await probeLog(page)).some((e) => e.event === 'ana:media-status-changed')).toBe(true);
  const log = await probeLog(page);
  expect(names(log).slice(0, 5)).toEqual([
    'meeting-state-changed',
    'join() resolved',
    'meeting-joined',
    'meeting-state-changed',
    'participant-joined',
  ]);
  expect(log.filter((e) => e.event === 'meeting-state-changed').map((e) => e.data)).toEqual([{ state: 'CONNECTING' }, { state: 'CONNECTED' }]);
  expect(log.find((e) => e.event === 'participant-joined')?.data).toMatchObject({ id: 'ana', webcamOn: false, micOn: false });
});

test('a failed init-config: the specific error, then FAILED, then join() rejects with the same code', async ({ page, emulator }) => {
  emulator.initConfig.reply = { kind: 'error', status: 401, code: 4001, error: 'Invalid API key' };
  await startProbe(page, emulator);
  await expect.poll(async () => names(await probeLog(page))).toEqual(['meeting-state-changed', 'error', 'meeting-state-changed', 'join() rejected']);
  const log = await probeLog(page);
  expect(log[1]?.data).toMatchObject({ code: 4001, name: 'INVALID_API_KEY' });
  expect(log[2]?.data).toEqual({ state: 'FAILED' });
  expect(log[3]?.data).toMatchObject({ code: 4001 });
});

test('a re-join after a blip: socket-state-changed and streams disabled at the drop, no RECONNECTING, then meeting-joined again with new Participant objects', async ({ page, emulator }) => {
  test.setTimeout(30_000);
  emulator.addPeer({ id: 'ana', name: 'Ana', share: true });
  await startProbe(page, emulator);
  await expect.poll(async () => names(await probeLog(page))).toContain('presenter-changed');
  const before = (await probeLog(page)).length;
  await emulator.dropSocket();
  await expect.poll(async () => names(await probeLog(page)).filter((e) => e === 'meeting-joined').length, { timeout: 15_000 }).toBe(2);
  await expect.poll(async () => names(await probeLog(page)).filter((e) => e === 'participant-joined').length).toBe(2);
  const after = (await probeLog(page)).slice(before);
  expect(names(after).slice(0, 7)).toEqual([
    'socket-state-changed',
    'stream-disabled',
    'presenter-changed',
    'meeting-joined',
    'meeting-state-changed',
    'participant-joined',
    // the share consumer of the new session
    'stream-enabled',
  ]);
  expect(after[0]?.data).toEqual({ state: 'SOCKET_DISCONNECTED' });
  expect(after.find((e) => e.event === 'presenter-changed')?.data).toBeNull();
  expect(after.filter((e) => e.event === 'meeting-state-changed').map((e) => e.data)).toEqual([{ state: 'CONNECTED' }]);
  const joined = (await probeLog(page)).filter((e) => e.event === 'participant-joined').map((e) => e.data as { serial: number });
  expect(joined[0]!.serial).not.toBe(joined[1]!.serial);
});
