/** The designer preview against the production build: it loads in the preview and never in recorder mode. */
import { expect, test } from '@playwright/test';

test('recorder mode never requests the panel chunk nor shows the panel', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  // A fake token: the page shows its error frame, which is fine here.
  await page.goto('/?token=x.y.z&meetingId=m');
  await expect(page.locator('html')).toHaveAttribute('data-state', /^(error|waiting|live|loading)$/);
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((url) => /preview/.test(url))).toEqual([]);
  expect(await page.locator('rec-preview-panel').count()).toBe(0);
  expect(await page.evaluate(() => customElements.get('rec-preview-panel'))).toBeUndefined();
});

test('panel=0 leaves the preview panel out too', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('/?panel=0&still=1');
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((url) => /preview/.test(url))).toEqual([]);
  expect(await page.locator('rec-preview-panel').count()).toBe(0);
});

test('the preview loads the panel, and its options survive a reload', async ({ page }) => {
  await page.goto('/?still=1&demo=3');
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  const panel = page.locator('rec-preview-panel');
  await expect(panel).toBeVisible();
  await panel.getByRole('radio', { name: 'SIDEBAR' }).check();
  await panel.getByLabel('Quality').selectOption('high');
  await panel.getByRole('radio', { name: 'DARK' }).check();
  await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'SIDEBAR');
  expect(new URL(page.url()).searchParams.get('layoutType')).toBe('SIDEBAR');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'SIDEBAR');
  await expect(page.locator('rec-app')).toHaveAttribute('theme', 'DARK');
  await expect(panel.getByRole('radio', { name: 'SIDEBAR' })).toBeChecked();
  expect(await page.locator('rec-app').evaluate((app) => (app as HTMLElement & { frameSize?: unknown }).frameSize)).toEqual({
    width: 1920,
    height: 1080,
  });
  await expect(panel.getByLabel('Launcher command')).toHaveValue(/--layout SIDEBAR .*--quality high/);
});

test('the templates load the panel in the preview as well', async ({ page }) => {
  await page.goto('/templates/branded/?still=1&title=Hello');
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  await expect(page.locator('rec-preview-panel')).toBeVisible();
  await expect(page.locator('rec-preview-panel').getByLabel('Launcher command')).toHaveValue(
    /--template-url '\S*\/templates\/branded\/\?title=Hello' /,
  );
});

test('on every preview page [data-participant-id] matches the tiles and nothing else', async ({ page }) => {
  const pages = ['/?still=1&demo=3', '/templates/branded/?still=1&demo=3', '/templates/podcast/?still=1&demo=3'];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
    // Wait for everything that lists participants: the tiles, the panel's rows and the podcast's meters.
    await expect(page.locator('rec-tile')).toHaveCount(3);
    await expect(page.locator('rec-preview-panel li')).toHaveCount(3);
    if (path.includes('podcast')) await expect(page.locator('rec-level-meters [part=meter]')).toHaveCount(3);
    const tags = await page.locator('[data-participant-id]').evaluateAll((els) => els.map((el) => el.localName));
    expect(tags, path).toEqual(['rec-tile', 'rec-tile', 'rec-tile']);
  }
});
