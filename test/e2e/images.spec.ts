/**
 * Images from outside (a live RECORDING_GRAPHICS logo or background, the URL's logoUrl and
 * background, the branded template's bar) cost a bounded amount: a 16384×16384 PNG of under 1 MB,
 * which would decode to 1 GB, is refused with one warning, and the renderer's memory stays flat.
 */
import { type Page, expect, test } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { blackPng } from '../fixtures/png.js';
import { openTemplate } from './helpers.js';
import { chromiumPss } from './process-memory.js';

const HOST = 'https://images.test';
/** Growth of the renderers' PSS that counts as flat: a decoded 16384² image is 1 GB. */
const FLAT_MB = 120;

let huge: Buffer;
let small: Buffer;

test.beforeAll(async () => {
  huge = Buffer.from(await blackPng(16384, 16384, (raw) => deflateSync(raw)));
  small = Buffer.from(await blackPng(64, 64, (raw) => deflateSync(raw)));
  expect(huge.length).toBeLessThan(1024 * 1024);
});

/** Serves the images over https from this test, as a host would (any file name; "huge" in it gets the big one). */
async function serveImages(page: Page): Promise<void> {
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: route.request().url().includes('huge') ? huge : small }),
  );
}

function warningsOf(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  return warnings;
}

async function publish(page: Page, message: object): Promise<void> {
  await page.evaluate((m) => window.recDemo!.publish('RECORDING_GRAPHICS', m), JSON.stringify(message));
}

test('a RECORDING_GRAPHICS logo and background of 16384×16384 pixels are refused, and memory stays flat', async ({ page, browser }) => {
  const warnings = warningsOf(page);
  await serveImages(page);
  await openTemplate(page, 'still=1&demo=4');
  const before = await chromiumPss(browser);

  await publish(page, { logo: { url: `${HOST}/huge-logo.png` }, background: { imageUrl: `${HOST}/huge-background.png` } });
  // Settled: both refused, or (without the bound) the logo loaded and painted; then a decode has time to land.
  const logoPainted = () => page.locator('rec-graphics [part=logo]').evaluateAll((imgs) => imgs.some((img) => (img as HTMLImageElement).complete));
  await expect.poll(async () => warnings.filter((w) => w.includes('is not shown')).length === 2 || (await logoPainted()), { timeout: 20_000 }).toBe(true);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  const after = await chromiumPss(browser);
  test.info().annotations.push({ type: 'renderer PSS (MB)', description: `before ${before.renderersMb}, after ${after.renderersMb}; browser ${before.totalMb} → ${after.totalMb}` });
  console.log(`renderer PSS: ${before.renderersMb} MB before, ${after.renderersMb} MB after; whole browser ${before.totalMb} → ${after.totalMb} MB`);

  expect(warnings.find((w) => w.includes('logo is not shown'))).toContain('16384×16384 pixels');
  expect(warnings.find((w) => w.includes('background image is not shown'))).toContain('16384×16384 pixels');
  await expect(page.locator('rec-graphics [part=logo]')).toHaveCount(0);
  await expect(page.locator('rec-backdrop img')).toHaveCount(0);
  expect(after.renderersMb - before.renderersMb).toBeLessThan(FLAT_MB);

  // An image that fits still reaches the frame.
  await publish(page, { logo: { url: `${HOST}/logo.png` } });
  await expect(page.locator('rec-graphics [part=logo]')).toHaveAttribute('src', `${HOST}/logo.png`);
});

test("the URL's logoUrl and background, and the branded bar's logo, are refused the same way", async ({ page }) => {
  const warnings = warningsOf(page);
  await serveImages(page);
  await openTemplate(page, `still=1&demo=2&logoUrl=${HOST}/huge-logo.png&background=${HOST}/huge-background.png`);
  await expect.poll(() => warnings.filter((w) => w.includes('is not shown')).length).toBe(2);
  await expect(page.locator('rec-graphics [part=logo]')).toHaveCount(0);
  await expect(page.locator('rec-backdrop img')).toHaveCount(0);

  warnings.length = 0;
  await page.goto(`/templates/branded/?panel=0&still=1&title=All-hands&logoUrl=${HOST}/huge-logo.png`);
  await expect.poll(() => warnings.filter((w) => w.includes('logo (logoUrl) is not shown')).length).toBe(1);
  await expect(page.locator('rec-brand-bar [part=logo]')).toHaveCount(0);
  await expect(page.locator('rec-brand-bar [part=title]')).toHaveText('All-hands');
});
