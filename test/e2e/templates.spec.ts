/** Snapshots of each template in both orientations and two themes, as the recorder films them. */
import { type Page, expect, test } from '@playwright/test';

// A small inline logo (a data: image), so the snapshot needs no network.
const LOGO =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#ff7a00"/><path d="M12 20h16M20 12v16" stroke="#fff" stroke-width="5"/></svg>',
  ).toString('base64');

const TEMPLATES = {
  branded: `title=${encodeURIComponent('Quarterly all-hands')}&brandColor=%23ff7a00&logoUrl=${encodeURIComponent(LOGO)}&speaker=p2`,
  podcast: 'mode=audio&demo=3&speaker=p2',
} as const;

const VARIANTS = [
  { orientation: 'landscape', theme: 'DARK', viewport: { width: 1280, height: 720 } },
  { orientation: 'landscape', theme: 'LIGHT', viewport: { width: 1280, height: 720 } },
  { orientation: 'portrait', theme: 'DARK', viewport: { width: 405, height: 720 } },
  { orientation: 'portrait', theme: 'LIGHT', viewport: { width: 405, height: 720 } },
] as const;

/** A template's query with some parameters set (replacing any it has). */
function withParams(query: string, params: Record<string, string>): string {
  const search = new URLSearchParams(query);
  for (const [name, value] of Object.entries(params)) search.set(name, value);
  return search.toString();
}

/** Opens a template as the recorder sees it and waits until its frame is final. */
async function openTemplateCase(page: Page, name: string, query: string): Promise<void> {
  await page.goto(`/templates/${name}/?panel=0&still=1&${query}`);
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  await expect(page.locator('html')).toHaveAttribute('data-fonts', 'ready');
  await page.waitForFunction(() => {
    const videos: HTMLVideoElement[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLVideoElement) videos.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const images = [...document.querySelectorAll('rec-brand-bar')].flatMap((bar) => [...(bar.shadowRoot?.querySelectorAll('img') ?? [])]);
    return (
      videos.every((v) => v.hidden || v.srcObject === null || (v.readyState >= 2 && v.videoWidth > 0)) &&
      images.every((img) => img.complete)
    );
  });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
  });
}

for (const [name, query] of Object.entries(TEMPLATES)) {
  for (const variant of VARIANTS) {
    test(`${name} ${variant.orientation} ${variant.theme}`, async ({ page }) => {
      await page.setViewportSize(variant.viewport);
      await openTemplateCase(page, name, `${query}&orientation=${variant.orientation}&theme=${variant.theme}`);
      await expect(page).toHaveScreenshot(`${name}-${variant.orientation}-${variant.theme.toLowerCase()}.png`);
    });
  }
}

// Audio-only recordings centre each label under its avatar; a template's restyled label must stay whole.
for (const name of Object.keys(TEMPLATES)) {
  test(`${name} audio`, async ({ page }) => {
    await openTemplateCase(page, name, withParams(TEMPLATES[name as keyof typeof TEMPLATES], { mode: 'audio' }));
    await expect(page).toHaveScreenshot(`${name}-audio.png`);
  });
}

test('audio mode: every name label lies whole inside its tile', async ({ page }) => {
  for (const [name, query] of Object.entries(TEMPLATES)) {
    await openTemplateCase(page, name, withParams(query, { mode: 'audio' }));
    const labels = await page.locator('rec-tile').evaluateAll((tiles) =>
      tiles.map((tile) => {
        const box = tile.getBoundingClientRect();
        const label = tile.shadowRoot!.querySelector('[part=label]')!.getBoundingClientRect();
        const whole = label.left >= box.left - 0.5 && label.right <= box.right + 0.5;
        return whole ? 'whole' : `${(tile as HTMLElement).dataset.participantId}: label ${label.left}–${label.right}, tile ${box.left}–${box.right}`;
      }),
    );
    expect(labels.length, name).toBeGreaterThanOrEqual(3);
    expect(labels.filter((l) => l !== 'whole'), name).toEqual([]);
  }
});

test('branded: its chrome and restyled labels are on the stage', async ({ page }) => {
  await openTemplateCase(page, 'branded', TEMPLATES.branded);
  await expect(page.locator('rec-brand-bar')).toBeVisible();
  await expect(page.locator('rec-brand-bar')).toContainText('Quarterly all-hands');
  const accent = await page.locator('rec-app').evaluate((app) => getComputedStyle(app).getPropertyValue('--rec-accent').trim());
  expect(accent).toBe('#ff7a00');
  const labelLeft = await page.locator('rec-tile').first().evaluate((tile) => {
    const label = tile.shadowRoot!.querySelector('[part=label]')!;
    return label.getBoundingClientRect().left - tile.getBoundingClientRect().left;
  });
  expect(labelLeft).toBe(0);
});

test('branded: bad params are ignored with a warning naming the param and accepted values', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await openTemplateCase(page, 'branded', 'title=Ok&logoUrl=http%3A%2F%2Fevil.example%2Fx.png&brandColor=notacolour');
  await expect(page.locator('rec-brand-bar')).toContainText('Ok');
  expect(await page.locator('rec-brand-bar img').count()).toBe(0);
  expect(warnings.find((w) => w.includes('logoUrl=') && w.includes('https://'))).toBeTruthy();
  expect(warnings.find((w) => w.includes('brandColor=') && w.includes('CSS colour'))).toBeTruthy();
  const accent = await page.locator('rec-app').evaluate((app) => getComputedStyle(app).getPropertyValue('--rec-accent').trim());
  expect(accent).not.toBe('notacolour');
});

test('podcast: one level meter per speaker, lit for the one speaking', async ({ page }) => {
  await openTemplateCase(page, 'podcast', TEMPLATES.podcast);
  const meters = page.locator('rec-level-meters [part=meter]');
  await expect(meters).toHaveCount(3);
  await expect(page.locator('rec-level-meters [part=meter][data-speaking=true]')).toHaveAttribute('data-meter-for', 'p2');
});

test('every page paints the URL theme before any module runs, read as the schema reads it', async ({ page }) => {
  // Only the HTML loads: what shows is what the inline script and style paint as the first frame.
  await page.route('**/*', (route) => (route.request().resourceType() === 'document' ? route.continue() : route.abort()));
  const DARK = 'rgb(5, 10, 14)';
  const LIGHT = 'rgb(255, 255, 255)';
  const DEFAULT = 'rgb(33, 32, 50)';
  // The schema trims (JavaScript's trim) and compares in lower case, so a Kelvin sign K counts as k.
  const cases = [
    ['dark', DARK],
    ['%20dark', DARK],
    ['Light%20', LIGHT],
    ['%09dArK%0A', DARK],
    ['DAR%E2%84%AA', DARK],
    ['%C2%A0LIGHT', LIGHT],
    ['default', DEFAULT],
    ['dim', DEFAULT],
  ] as const;
  for (const path of ['/', ...Object.keys(TEMPLATES).map((name) => `/templates/${name}/`)]) {
    for (const [theme, background] of cases) {
      await page.goto(`${path}?theme=${theme}`, { waitUntil: 'domcontentloaded' });
      const painted = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(painted, `${path}?theme=${theme}`).toBe(background);
    }
  }
});

test('templates run the recorder mode too (same app, no panel)', async ({ page }) => {
  for (const name of Object.keys(TEMPLATES)) {
    await page.goto(`/templates/${name}/?token=x.y.z&meetingId=m`);
    await expect(page.locator('html')).toHaveAttribute('data-state', 'error');
    await expect(page.locator('rec-app')).toContainText('could not show this meeting');
    expect(await page.locator('rec-preview-panel').count()).toBe(0);
  }
});
