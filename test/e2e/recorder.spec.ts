import { readdirSync, readFileSync } from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config.js';
import type { FakeRoomSpec } from '../fixtures/fake-videosdk.js';
import { tiles } from './helpers.js';

// Recorder mode end to end: the built page (dist-e2e/, the typed fake standing in for the SDK).
const RECORDER = `http://127.0.0.1:${E2E_PORT}`;

/** A JWT-shaped join token (the fake checks nothing; the page checks shape, expiry and binding). */
function aJoinToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ apikey: 'k', permissions: ['allow_join'], version: 2, iat: now, exp: now + 3600 })}.c2ln`;
}

async function openRecorder(page: Page, room: FakeRoomSpec, query = ''): Promise<void> {
  await page.addInitScript((spec) => {
    window.fakeVideoSdkRoom = spec;
  }, room);
  await page.goto(`${RECORDER}/?token=${aJoinToken()}&meetingId=abcd-efgh-ijkl&participantId=recorder-1&${query}`);
}

/** Runs a call on the fake meeting the page joined. */
async function drive(page: Page, action: string, ...args: unknown[]): Promise<void> {
  await page.evaluate(
    ([name, rest]) => {
      const meeting = window.fakeVideoSdk!.current as unknown as Record<string, (...a: unknown[]) => unknown>;
      meeting[name as string]!(...(rest as unknown[]));
    },
    [action, args] as const,
  );
}

const ROOM: FakeRoomSpec = {
  participants: [
    { id: 'ana', name: 'Ana', webcam: true, mic: true },
    { id: 'bo', name: 'Bo 🎧', webcam: true, mic: true },
    { id: 'chen', name: '陈', webcam: false, mic: true },
    { id: 'viewer', name: 'Viewer', mode: 'RECV_ONLY', webcam: false, mic: false },
  ],
};

test.describe('recorder mode', () => {
  test('joins as the recorder and shows only the conference participants', async ({ page }) => {
    await openRecorder(page, ROOM);
    await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
    await expect(page.locator('rec-tile')).toHaveCount(3);
    const shown = (await tiles(page)).map((t) => t.participantId).sort();
    expect(shown).toEqual(['ana', 'bo', 'chen']);
    const init = await page.evaluate(() => window.fakeVideoSdk!.initOptions[0]);
    expect(init).toMatchObject({
      meetingId: 'abcd-efgh-ijkl',
      participantId: 'recorder-1',
      name: 'recorder',
      micEnabled: false,
      webcamEnabled: false,
      mode: 'SEND_AND_RECV',
      autoConsume: false,
    });
    await expect(page.locator('.banner, rec-preview-panel')).toHaveCount(0);
  });

  test('follows speaker, presenter and pins, and changes layout over PubSub without new video elements', async ({ page }) => {
    await openRecorder(page, ROOM, 'layoutType=SIDEBAR&speakerDwellMs=0');
    await expect(page.locator('rec-tile')).toHaveCount(3);
    await drive(page, 'speak', 'bo');
    await expect(page.locator('rec-tile[data-participant-id="bo"]')).toHaveAttribute('data-role', 'main');
    await expect(page.locator('rec-tile[data-participant-id="bo"]')).toHaveAttribute('data-speaking', 'true');

    await drive(page, 'share', 'ana', true);
    await expect(page.locator('rec-tile[data-role="share"]')).toHaveAttribute('data-participant-id', 'ana');
    await drive(page, 'share', 'ana', false);
    await expect(page.locator('rec-tile[data-role="share"]')).toHaveCount(0);

    // A live layout change keeps the very same <video> element for everyone still on screen.
    await page.locator('rec-tile[data-participant-id="bo"]').evaluate((el) => {
      (el.shadowRoot!.querySelector('video') as HTMLVideoElement & { mark?: string }).mark = 'kept';
    });
    await page.evaluate(() =>
      window.fakeVideoSdk!.current.pubSub.send('RECORDING_LAYOUT', JSON.stringify({ layout: { type: 'GRID', priority: 'PIN', gridSize: 2 }, theme: 'LIGHT' })),
    );
    await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'GRID');
    await expect(page.locator('rec-stage')).toHaveAttribute('data-priority', 'PIN');
    await expect(page.locator('rec-app')).toHaveAttribute('theme', 'LIGHT');
    await expect(page.locator('rec-tile')).toHaveCount(2);
    const mark = await page
      .locator('rec-tile[data-participant-id="bo"]')
      .evaluate((el) => (el.shadowRoot!.querySelector('video') as HTMLVideoElement & { mark?: string }).mark);
    expect(mark).toBe('kept');

    // Pins (runtime payload) decide who is shown under PIN priority, in pin order.
    await drive(page, 'pin', 'chen', { cam: true });
    await expect(page.locator('rec-tile[data-participant-id="chen"]')).toHaveCount(1);
  });

  test('ignores a malformed PubSub message with one warning', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await openRecorder(page, ROOM);
    await expect(page.locator('rec-tile')).toHaveCount(3);
    await page.evaluate(() => window.fakeVideoSdk!.current.pubSub.send('RECORDING_LAYOUT', '{"layout":{"type":"HEXAGON"}}'));
    await expect.poll(() => warnings.filter((w) => w.includes('HEXAGON')).length).toBe(1);
    await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'GRID');
  });

  test('applies the newest persisted layout message on join', async ({ page }) => {
    await openRecorder(page, {
      ...ROOM,
      persisted: [
        ['RECORDING_LAYOUT', JSON.stringify({ layout: { type: 'SIDEBAR', priority: 'SPEAKER', gridSize: 3 } })],
        ['RECORDING_LAYOUT', JSON.stringify({ layout: { type: 'SPOTLIGHT', priority: 'SPEAKER', gridSize: 1 } })],
      ],
    });
    await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'SPOTLIGHT');
    await expect(page.locator('rec-tile')).toHaveCount(1);
  });

  test('keeps the last frame while reconnecting, then shows a clean ended frame', async ({ page }) => {
    await openRecorder(page, ROOM);
    await expect(page.locator('rec-tile')).toHaveCount(3);
    await drive(page, 'connection', 'RECONNECTING');
    await page.waitForTimeout(200);
    await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
    await expect(page.locator('rec-tile')).toHaveCount(3);
    await drive(page, 'connection', 'CONNECTED');
    await drive(page, 'end', 1009);
    await expect(page.locator('html')).toHaveAttribute('data-state', 'ended');
    await expect(page.locator('rec-tile')).toHaveCount(0);
    await expect(page.locator('rec-stage')).toContainText('This meeting has ended');
    expect(page.url()).toContain('meetingId=abcd-efgh-ijkl');
  });

  test('a token error shows its code and explanation on the recorded frame', async ({ page }) => {
    await openRecorder(page, { ...ROOM, join: { code: 4023, message: 'participantId mismatch' } });
    await expect(page.locator('html')).toHaveAttribute('data-state', 'error');
    await expect(page.locator('rec-stage')).toContainText('4023');
  });

  test('a missing meetingId or a token that is not a JWT fails before any network call', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${RECORDER}/?token=not-a-jwt&meetingId=m`);
    await expect(page.locator('html')).toHaveAttribute('data-state', 'error');
    await expect(page.locator('rec-stage')).toContainText('token');
    await page.goto(`${RECORDER}/?token=${aJoinToken()}`);
    await expect(page.locator('html')).toHaveAttribute('data-state', 'error');
    await expect(page.locator('rec-stage')).toContainText('meetingId');
    expect(requests.filter((u) => /videosdk/i.test(u))).toEqual([]);
  });
});

test('the production bundle does not contain the fake, and preview mode never downloads the SDK', async ({ page }) => {
  const assets = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  for (const file of assets) {
    expect(readFileSync(`dist/assets/${file}`, 'utf8'), file).not.toContain('fakeVideoSdk');
  }
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/?still=1&demo=2');
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  expect(requests.filter((u) => /videosdk/i.test(u))).toEqual([]);
});
