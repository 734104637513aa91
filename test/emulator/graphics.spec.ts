/**
 * Live graphics, captions and who appears, through the real SDK and the emulated server: the
 * graphics topics over fastws PubSub (persisted history on join, then live), `transcriptionText`
 * pushes as captions with captions=1, `metaData.hideFromRecording` peers heard but not shown, and
 * none of the extras' code downloaded while nothing uses it.
 */
import { type Page } from '@playwright/test';
import { type VideoSdkEmulator, expect, expectShown, test } from './fixture.js';

const LOGO = 'data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="orange"/></svg>';

/** A server push, through the emulator's signalling session: what VideoSDK's server sends. */
function push(emulator: VideoSdkEmulator, method: string, payload: Record<string, unknown>): void {
  emulator.notify(method, payload);
}

/** Script paths of the extras' own chunks the page requested. */
function extrasRequested(scripts: readonly string[]): string[] {
  return scripts.filter((s) => /overlay-elements|overlay-processor|overlay-reducer|graphics-message|rec-agent-visual/.test(s));
}

function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  return scripts;
}

test('graphics: the persisted ones on join (no stale toast), then live ones, and VideoSDK example topics', async ({ page, emulator }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.persist('RECORDING_GRAPHICS', JSON.stringify({ banner: { text: 'Old banner' }, toast: { text: 'stale toast' } }));
  emulator.persist('RECORDING_GRAPHICS', JSON.stringify({ banner: { text: 'Live from Berlin' }, logo: { url: LOGO } }));
  emulator.persist('CHANGE_BACKGROUND', 'rgb(11, 61, 46)');
  await emulator.open();
  await expectShown(page, ['ana']);
  await expect(page.locator('rec-graphics [part=banner]')).toHaveText('Live from Berlin');
  await expect(page.locator('rec-graphics [part=logo]')).toHaveAttribute('src', LOGO);
  await expect(page.locator('rec-backdrop [part=backdrop]')).toHaveCSS('background-color', 'rgb(11, 61, 46)');
  await expect(page.locator('rec-graphics [part=toast]')).toHaveCount(0);

  emulator.publish('VIEWER_MESSAGE', 'Welcome, viewers');
  await expect(page.locator('rec-graphics [part=toast]')).toHaveText('Welcome, viewers');
  emulator.publish('RECORDING_GRAPHICS', JSON.stringify({ banner: null, lowerThird: { title: 'Ana Lima', participantId: 'ana' } }));
  await expect(page.locator('rec-graphics [part=banner]')).toHaveCount(0);
  await expect(page.locator('rec-graphics [part=lower-third-title]')).toHaveText('Ana Lima');

  emulator.publish('RECORDING_GRAPHICS', JSON.stringify({ logo: { url: 'javascript:alert(1)' } }));
  await expect.poll(() => warnings.filter((w) => w.includes('ignored a RECORDING_GRAPHICS message')).length).toBe(1);
  await expect(page.locator('rec-graphics [part=logo]')).toHaveAttribute('src', LOGO);
});

test('captions: transcriptionText pushes shown under the speaker name with captions=1, new speaker new caption', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'bo', name: 'Bo 🎧' });
  await emulator.open('captions=1');
  await expectShown(page, ['ana', 'bo']);
  push(emulator, 'transcriptionText', { participantId: 'ana', participantName: 'Ana', text: 'Good morning, everyone.', timestamp: Date.now(), type: 'final' });
  await expect(page.locator('rec-captions [part=caption-text]')).toHaveText('Good morning, everyone.');
  await expect(page.locator('rec-captions [part=caption-name]')).toHaveText('Ana');
  push(emulator, 'transcriptionText', { participantId: 'bo', participantName: 'Bo 🎧', text: '<b>Thanks</b> Ana', timestamp: Date.now(), type: 'final' });
  await expect(page.locator('rec-captions')).toHaveAttribute('data-speaker-id', 'bo');
  await expect(page.locator('rec-captions [part=caption-text]')).toHaveText('<b>Thanks</b> Ana');
});

test('who appears: a metaData.hideFromRecording peer and a hide= id get no tile, and are still consumed for audio', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'producer', name: 'Producer', metaData: { hideFromRecording: true } });
  emulator.addPeer({ id: 'cy', name: 'Cy' });
  await emulator.open('hide=cy');
  await expectShown(page, ['ana']);
  await expect.poll(() => emulator.consumedAudio()).toEqual(['ana', 'cy', 'producer']);
  expect(emulator.consumedVideo()).toEqual(['ana']);
});

test('cost: with no extras in use the recorder downloads none of their code; the first message loads it', async ({ page, emulator }) => {
  const scripts = recordScripts(page);
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  await emulator.open();
  await expectShown(page, ['ana']);
  await expect.poll(() => emulator.pubsub.subscriberCount('RECORDING_GRAPHICS')).toBe(1);
  await page.waitForTimeout(500);
  expect(extrasRequested(scripts)).toEqual([]);
  emulator.publish('RECORDING_GRAPHICS', JSON.stringify({ banner: { text: 'Now it loads' } }));
  await expect(page.locator('rec-graphics [part=banner]')).toHaveText('Now it loads');
  expect(extrasRequested(scripts).length).toBeGreaterThan(0);
});

test('an AI agent: its tile says so, follows agentState, and its speech counts as speaking', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'bot', name: 'Support bot', isAgent: true, webcam: false });
  await emulator.open('layoutType=GRID&speakerDwellMs=0');
  await expectShown(page, ['ana', 'bot']);
  const agent = page.locator('rec-tile[data-participant-id="bot"]');
  await expect(agent).toContainText('Support bot');
  await expect(agent.locator('[part="agent-badge"]')).toHaveText('AI');
  emulator.setAgentState('bot', 'listening');
  await expect(agent).toHaveAttribute('data-agent', 'listening');
  await expect(agent.locator('rec-agent-visual')).toHaveAttribute('state', 'listening');
  await expect(agent).toHaveAttribute('data-speaking', 'false');
  emulator.setAgentState('bot', 'speaking');
  await expect(agent).toHaveAttribute('data-agent', 'speaking');
  await expect(agent).toHaveAttribute('data-speaking', 'true');
});
