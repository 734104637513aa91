/**
 * Live layout changes over PubSub (topic RECORDING_LAYOUT), through the SDK's worker and the
 * emulated fastws server: the newest persisted message on join, then each live one, keeping the
 * `<video>` elements of everyone still on screen; a malformed one changes nothing.
 */
import { expect, expectShown, test, tileOf } from './fixture.js';

const TOPIC = 'RECORDING_LAYOUT';
const layout = (type: string, priority: string, gridSize: number, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ layout: { type, priority, gridSize }, ...extra });

test('applies the newest persisted layout message on join (history in several batches)', async ({ page, emulator }) => {
  for (const id of ['ana', 'bo', 'chen']) emulator.addPeer({ id, name: id });
  emulator.persist(TOPIC, layout('SIDEBAR', 'SPEAKER', 3));
  emulator.persist(TOPIC, layout('GRID', 'SPEAKER', 2));
  emulator.persist(TOPIC, layout('SPOTLIGHT', 'SPEAKER', 1));
  await emulator.open();
  await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'SPOTLIGHT');
  await expect(page.locator('rec-tile')).toHaveCount(1);
});

test('a live layout change applies at once and keeps the same video elements; a malformed one is ignored with one warning', async ({ page, emulator }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  for (const id of ['ana', 'bo', 'chen']) emulator.addPeer({ id, name: id });
  await emulator.open('layoutType=SIDEBAR&speakerDwellMs=0');
  emulator.speak('bo');
  await expect(tileOf(page, 'bo')).toHaveAttribute('data-role', 'main');
  await expect.poll(() => emulator.pubsub.subscriberCount(TOPIC)).toBe(1);
  await tileOf(page, 'bo').evaluate((el) => {
    (el.shadowRoot!.querySelector('video') as HTMLVideoElement & { mark?: string }).mark = 'kept';
  });

  emulator.publish(TOPIC, layout('GRID', 'PIN', 2, { theme: 'LIGHT' }));
  await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'GRID');
  await expect(page.locator('rec-stage')).toHaveAttribute('data-priority', 'PIN');
  await expect(page.locator('rec-app')).toHaveAttribute('theme', 'LIGHT');
  await expect(page.locator('rec-tile')).toHaveCount(2);
  const mark = await tileOf(page, 'bo').evaluate((el) => (el.shadowRoot!.querySelector('video') as HTMLVideoElement & { mark?: string }).mark);
  expect(mark).toBe('kept');

  await emulator.pin('chen', { cam: true });
  await expect(tileOf(page, 'chen')).toHaveCount(1);
  emulator.publish(TOPIC, layout('SPOTLIGHT', 'SPEAKER', 1));
  await expectShown(page, ['bo']);

  emulator.publish(TOPIC, '{"layout":{"type":"HEXAGON"}}');
  await expect.poll(() => warnings.filter((w) => w.includes('HEXAGON')).length).toBe(1);
  await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'SPOTLIGHT');
  await expectShown(page, ['bo']);
});
