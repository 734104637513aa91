import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The recorder's scenarios run on the production page with the real SDK against an emulated
// VideoSDK (test/emulator/). What is left here is about the bundles, not about a meeting.

test('the production bundle contains no test fake, and preview mode never downloads the SDK', async ({ page }) => {
  const assets = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  for (const file of assets) {
    expect(readFileSync(`dist/assets/${file}`, 'utf8'), file).not.toMatch(/FakeVideoSdk|FakeMeeting/);
  }
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/?still=1&demo=2');
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  expect(requests.filter((u) => /videosdk/i.test(u))).toEqual([]);
});
