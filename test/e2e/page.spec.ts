import { expect, test } from '@playwright/test';
import { openTemplate, tiles } from './helpers.js';

test.describe('the template page on the simulated meeting', () => {
  test('renders every participant tile with its testing attributes', async ({ page }) => {
    await openTemplate(page, 'still=1&demo=4&speaker=p2&cameraOff=p4');
    await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'GRID');
    await expect(page.locator('rec-stage')).toHaveAttribute('data-priority', 'SPEAKER');
    const byId = Object.fromEntries((await tiles(page)).map((t) => [t.participantId, t]));
    expect(Object.keys(byId).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(byId.p2).toMatchObject({ role: 'grid', camera: 'on', speaking: 'true' });
    expect(byId.p4).toMatchObject({ camera: 'off', speaking: 'false' });
  });

  test('a new speaker takes the spotlight only after the dwell, and quick alternation never flickers', async ({ page }) => {
    await openTemplate(page, 'demo=4&speaker=p1&layoutType=SPOTLIGHT&speakerDwellMs=800');
    const shown = () => page.locator('rec-tile').getAttribute('data-participant-id');
    expect(await shown()).toBe('p1');
    for (let i = 0; i < 6; i++) {
      await page.evaluate((id) => window.recDemo!.speak(id), i % 2 ? 'p3' : 'p2');
      await page.waitForTimeout(150);
      expect(await shown()).toBe('p1');
    }
    await expect.poll(shown, { timeout: 3000 }).toBe('p3');
  });

  test('joins, leaves, pins and shares from the window API', async ({ page }) => {
    await openTemplate(page, 'still=1&demo=2&layoutPriority=PIN');
    const newId = await page.evaluate(() => window.recDemo!.join('Zoë Ω'));
    await expect(page.locator(`rec-tile[data-participant-id="${newId}"]`)).toHaveCount(1);
    await page.evaluate(() => window.recDemo!.leave('p1'));
    await expect(page.locator('rec-tile[data-participant-id="p1"]')).toHaveCount(0);
    await page.evaluate(() => window.recDemo!.startShare('p2'));
    await expect(page.locator('rec-tile[data-role="share"]')).toHaveCount(1);
    await page.evaluate(() => window.recDemo!.stopShare());
    await expect(page.locator('rec-tile[data-role="share"]')).toHaveCount(0);
    await page.evaluate(() => window.recDemo!.leave('p2'));
    await page.evaluate((id) => window.recDemo!.leave(id), newId);
    await expect(page.locator('html')).toHaveAttribute('data-state', 'waiting');
  });

  test('shows a name containing HTML as text', async ({ page }) => {
    await openTemplate(page, `still=1&demo=1&names=${encodeURIComponent('<img src=x onerror=alert(1)>Eve')}`);
    await expect(page.locator('rec-tile .name')).toHaveText('<img src=x onerror=alert(1)>Eve');
    await expect(page.locator('rec-tile img')).toHaveCount(0);
  });

  test('renders emoji and non-Latin names with the shipped fonts, not boxes', async ({ page }) => {
    await openTemplate(page, `still=1&demo=3&names=${encodeURIComponent('Søren 🎧,张伟,محمد')}`);
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
    });
    expect(loaded).toEqual(expect.arrayContaining(['Noto Sans', 'Twemoji', 'Noto Sans SC', 'Noto Sans Arabic']));
  });

  test('warns in the console and in a preview banner about a bad parameter, and still renders', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await openTemplate(page, 'still=1&demo=2&layoutType=diagonal&layoutGridSize=12');
    expect(warnings.join('\n')).toContain('layoutType="diagonal" is not valid; accepted: GRID, SPOTLIGHT, SIDEBAR');
    expect(warnings.join('\n')).toContain('layoutGridSize="12"');
    await expect(page.locator('.banner')).toContainText('layoutType="diagonal"');
    await expect(page.locator('rec-tile')).toHaveCount(2);
  });
});

test('fuzz: hostile URL parameters never break the page', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openTemplate(page, 'still=1&demo=1');
  const keys = ['layoutType', 'layoutPriority', 'layoutGridSize', 'theme', 'mode', 'quality', 'orientation',
    'speakerDwellMs', 'token', 'demo', 'seed', 'speaker', 'pins', 'presenter', 'cameraOff', 'muted', 'names', 'still', 'meetingId'];
  const values = ['', 'GRID', 'sidebar', 'SPOTLIGHT', 'PIN', '0', '1', '4', '5', '-1', '1e9', 'NaN', '2.5', '100', '101',
    'p1', 'p2,p2,p9', ',,,', '%', '<script>alert(1)</script>', '"><img src=x>', '🎧', '张伟', 'a'.repeat(5000),
    'null', 'undefined', '{}', '[]', 'DARK', 'light', 'audio', 'portrait', 'high', 'constructor', '__proto__'];
  let seed = 7;
  const pick = <T,>(list: readonly T[]): T => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length]!;
  const queries = Array.from({ length: 300 }, () => {
    const q = new URLSearchParams();
    for (let i = 0, n = 1 + (seed % 6); i < n; i++) q.append(pick(keys), pick(values));
    return q.toString();
  });
  const states = await page.evaluate(async (all) => {
    const seen: string[] = [];
    for (const query of all) {
      document.querySelector('rec-app')?.remove();
      history.replaceState(null, '', `?${query}`);
      document.body.append(document.createElement('rec-app'));
      await new Promise((r) => setTimeout(r, 5));
      seen.push(document.documentElement.dataset.state ?? 'undefined');
    }
    return seen;
  }, queries);
  expect(states.every((s) => ['loading', 'waiting', 'live', 'ended', 'error'].includes(s))).toBe(true);
  for (const query of queries.slice(0, 15)) {
    await page.goto(`/?${query}`);
    await expect(page.locator('html')).toHaveAttribute('data-state', /^(loading|waiting|live|ended|error)$/);
  }
  expect(errors).toEqual([]);
});
