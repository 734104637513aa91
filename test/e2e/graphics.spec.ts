/**
 * Captions, live graphics, who appears and AI agents on the production build's simulated meeting:
 * snapshots of each, hostile messages, a flood, and what is downloaded when none of it is used.
 */
import { type Page, expect, test } from '@playwright/test';
import { openTemplate, tiles } from './helpers.js';

const BASE = 'still=1&demo=4&speaker=p2';
const LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="8" fill="#ff7a00"/><text x="60" y="27" font-family="sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">ACME</text></svg>',
).toString('base64')}`;
const SENTENCE = 'Thanks everyone for joining. Let us start with the quarterly numbers and the launch timeline for the new regions 🚀';

/** Publishes a RECORDING_GRAPHICS message through the simulated meeting, as a host app would. */
async function publish(page: Page, message: object | string, topic = 'RECORDING_GRAPHICS'): Promise<void> {
  await page.evaluate(([t, m]) => window.recDemo!.publish(t, m), [topic, typeof message === 'string' ? message : JSON.stringify(message)] as const);
}

async function transcribe(page: Page, id: string, text: string): Promise<void> {
  await page.evaluate(([who, words]) => window.recDemo!.transcribe(who, words), [id, text] as const);
}

/** Waits until fonts for new text are in and two frames have painted. */
async function painted(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-fonts', 'ready');
  await page.evaluate(async () => {
    await document.fonts.ready;
    const images = [...document.querySelectorAll('rec-app')].flatMap((app) =>
      [...(app.shadowRoot?.querySelectorAll('rec-graphics, rec-backdrop') ?? [])].flatMap((el) => [...(el.shadowRoot?.querySelectorAll('img') ?? [])]),
    );
    await Promise.all(images.map((img) => (img.complete ? undefined : new Promise((r) => img.addEventListener('load', r, { once: true })))));
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
  });
}

const captionText = (page: Page) => page.locator('rec-captions [part=caption-text]');

test.describe('snapshots', () => {
  const CAPTIONS: [name: string, query: string, viewport?: { width: number; height: number }][] = [
    ['captions', `${BASE}&captions=1`],
    ['captions-portrait', `${BASE}&captions=1&orientation=portrait`, { width: 405, height: 720 }],
    ['captions-light-sidebar', `${BASE}&captions=1&theme=LIGHT&layoutType=SIDEBAR`],
    ['captions-audio', `${BASE}&captions=1&mode=audio`],
    ['captions-low', `${BASE}&captions=1&quality=low`, { width: 640, height: 360 }],
  ];
  for (const [name, query, viewport] of CAPTIONS) {
    test(`snapshot: ${name}`, async ({ page }) => {
      if (viewport) await page.setViewportSize(viewport);
      await openTemplate(page, query);
      await transcribe(page, 'p2', SENTENCE);
      await expect(captionText(page)).toContainText('new regions');
      await painted(page);
      await expect(page).toHaveScreenshot(`${name}.png`);
    });
  }

  const GRAPHICS: [name: string, query: string, message: object][] = [
    ['banner', `${BASE}&banner=${encodeURIComponent('Quarterly all-hands · Live from Berlin')}`, {}],
    ['banner-top-toast', BASE, { banner: { text: 'Breaking: launch moved to March', position: 'top' }, toast: { text: 'Q&A starts in 5 minutes', durationMs: 60000 } }],
    ['lower-third', BASE, { lowerThird: { title: 'Ana Lima', subtitle: 'Head of Product, ACME', participantId: 'p1' } }],
    ['lower-third-frame', `${BASE}&theme=LIGHT`, { lowerThird: { title: 'Quarterly all-hands', subtitle: 'Berlin · 1 December' } }],
    ['logo-background', `${BASE}&layoutGridSize=3`, { logo: { url: LOGO, corner: 'top-right' }, background: { color: '#0b3d2e' } }],
    ['graphics-portrait', `${BASE}&orientation=portrait&captions=1`, { banner: { text: 'Live' }, logo: { url: LOGO, corner: 'top-left' } }],
  ];
  for (const [name, query, message] of GRAPHICS) {
    test(`snapshot: ${name}`, async ({ page }) => {
      if (query.includes('portrait')) await page.setViewportSize({ width: 405, height: 720 });
      await openTemplate(page, query);
      if (Object.keys(message).length > 0) await publish(page, message);
      if (name === 'graphics-portrait') await transcribe(page, 'p2', 'Welcome to the portrait stream 👋');
      await expect(page.locator('rec-graphics')).toHaveCount(1);
      await expect(page.locator('rec-graphics').locator('[part=banner], [part=lower-third], [part=logo], [part=toast]').first()).toBeVisible();
      await painted(page);
      await expect(page).toHaveScreenshot(`${name}.png`);
    });
  }

  test('snapshot: chat toast', async ({ page }) => {
    await openTemplate(page, `${BASE}&chat=1`);
    await page.evaluate(() => window.recDemo!.publish('CHAT', 'Great point about the regions! 🎉', { id: 'p3' }));
    await expect(page.locator('rec-graphics [part=toast-sender]')).toBeVisible();
    await painted(page);
    await expect(page).toHaveScreenshot('chat-toast.png');
  });

  test('snapshot: AI agents listening, thinking and speaking', async ({ page }) => {
    await openTemplate(page, 'still=1&demo=1&agents=3&speaker=a3');
    await page.evaluate(() => window.recDemo!.setAgentState('a2', 'thinking'));
    await expect(page.locator('rec-tile[data-agent]')).toHaveCount(3);
    await expect(page.locator('rec-tile[data-participant-id=a2]')).toHaveAttribute('data-agent', 'thinking');
    await painted(page);
    await expect(page).toHaveScreenshot('agents.png');
  });

  test('snapshot: AI agents in audio mode, dark', async ({ page }) => {
    await openTemplate(page, 'still=1&demo=2&agents=1&speaker=a1&mode=audio&theme=DARK&captions=1');
    await transcribe(page, 'a1', 'Here are the three action items from this meeting.');
    await expect(captionText(page)).toContainText('action items');
    await painted(page);
    await expect(page).toHaveScreenshot('agents-audio.png');
  });
});

test.describe('behaviour', () => {
  test('captions: kept below every name label, two lines at most, a new speaker starts a new caption', async ({ page }) => {
    await openTemplate(page, `${BASE}&captions=1&layoutType=SIDEBAR`);
    await transcribe(page, 'p2', `${SENTENCE} ${SENTENCE}`);
    await expect(captionText(page)).toBeVisible();
    const band = await page.locator('rec-captions [part=caption]').boundingBox();
    const labels = await page.locator('rec-tile [part=label]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom));
    expect(Math.max(...labels)).toBeLessThanOrEqual(band!.y);
    const lines = await captionText(page).evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    expect(lines).toBeLessThanOrEqual(2.05);
    await transcribe(page, 'p3', 'My turn now.');
    await expect(page.locator('rec-captions')).toHaveAttribute('data-speaker-id', 'p3');
    await expect(captionText(page)).toHaveText('My turn now.');
  });

  test('the simulated meeting captions whoever speaks by itself with captions=1', async ({ page }) => {
    await openTemplate(page, 'demo=3&speaker=p1&captions=1');
    await expect(page.locator('rec-captions')).toHaveAttribute('data-speaker-id', /^p\d$/, { timeout: 5000 });
    await expect(captionText(page)).not.toHaveText('');
  });

  test('who appears: hide= and shareLayout', async ({ page }) => {
    await openTemplate(page, `${BASE}&hide=p3&shareLayout=SPOTLIGHT`);
    expect((await tiles(page)).map((t) => t.participantId).sort()).toEqual(['p1', 'p2', 'p4']);
    await page.evaluate(() => window.recDemo!.startShare('p1'));
    await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'SPOTLIGHT');
    expect((await tiles(page)).map((t) => t.role)).toEqual(['share']);
    await page.evaluate(() => window.recDemo!.stopShare());
    await expect(page.locator('rec-stage')).toHaveAttribute('data-layout', 'GRID');
    // Heard all the same: an audio element for the hidden participant.
    expect(await page.locator('rec-audio-player audio').count()).toBe(4);
  });

  test("VideoSDK's example topics: CHANGE_BACKGROUND and VIEWER_MESSAGE", async ({ page }) => {
    await openTemplate(page, BASE);
    await publish(page, 'rebeccapurple', 'CHANGE_BACKGROUND');
    await publish(page, 'Hello viewers', 'VIEWER_MESSAGE');
    await expect(page.locator('rec-backdrop [part=backdrop]')).toHaveCSS('background-color', 'rgb(102, 51, 153)');
    await expect(page.locator('rec-graphics [part=toast]')).toHaveText('Hello viewers');
    await expect(page.locator('rec-graphics [part=toast]')).toHaveCount(0, { timeout: 5000 });
  });

  test('hostile messages: text stays text, only https:/data:image load, one warning each, nothing breaks', async ({ page }) => {
    const warnings: string[] = [];
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await openTemplate(page, `${BASE}&captions=1&chat=1`);
    await publish(page, { banner: { text: '<img src=x onerror="window.pwned=1">Live' }, toast: { text: '<script>window.pwned=2</script>', durationMs: 60000 } });
    await transcribe(page, 'p2', '<svg onload="window.pwned=3">\u202eevil\u0000');
    await page.evaluate(() => window.recDemo!.publish('CHAT', '<b onmouseover=alert(1)>hi</b>', { name: '<i>Mallory</i>' }));
    const refused = [
      { logo: { url: 'javascript:alert(1)' } },
      { logo: { url: 'http://127.0.0.1:9/logo.png' } },
      { background: { imageUrl: 'data:text/html,<script>alert(1)</script>' } },
      { background: { color: 'red; background-image: url(http://127.0.0.1:9/x)' } },
      { banner: { text: 'x'.repeat(10) }, logo: { url: '//127.0.0.1:9/x.png' } },
      '{"__proto__":{"polluted":true},"banner":{"text":7}}',
      'not json',
      '[1,2,3]',
    ];
    for (const message of refused) await publish(page, message);
    await expect(page.locator('rec-graphics [part=banner]')).toHaveText('<img src=x onerror="window.pwned=1">Live');
    await expect(captionText(page)).toHaveText('<svg onload="window.pwned=3">evil');
    await expect.poll(() => warnings.filter((w) => w.includes('ignored a RECORDING_GRAPHICS message')).length).toBe(refused.length);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.evaluate(() => ({} as { polluted?: boolean }).polluted)).toBeUndefined();
    expect(await page.locator('rec-graphics img, rec-backdrop img').count()).toBe(0);
    expect(await page.locator('rec-graphics b, rec-graphics script, rec-captions svg').count()).toBe(0);
    expect(requests.filter((u) => u.includes('127.0.0.1:9'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a flood of 1,000 graphics and 1,000 caption messages in a second: frames keep coming, memory and DOM stay flat', async ({ page }) => {
    await openTemplate(page, `${BASE}&captions=1`);
    await publish(page, { banner: { text: 'warm-up' } });
    await transcribe(page, 'p2', 'warm-up');
    await expect(captionText(page)).toHaveText('warm-up');
    const cdp = await page.context().newCDPSession(page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const nodes = await page.evaluate(() => {
        let n = 0;
        const walk = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            n += 1;
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return n;
      });
      return { heap: usedSize, nodes };
    };
    const before = await measure();
    const result = await page.evaluate(async () => {
      let frames = 0;
      let longest = 0;
      let last = performance.now();
      let running = true;
      const tick = (now: number) => {
        frames += 1;
        longest = Math.max(longest, now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const started = performance.now();
      for (let i = 0; i < 1000; i++) {
        window.recDemo!.publish('RECORDING_GRAPHICS', JSON.stringify({ banner: { text: `b${i}` }, toast: { text: `t${i}` }, lowerThird: { title: `L${i}` } }));
        window.recDemo!.transcribe('p2', `word ${i}`, { final: false });
        if (i % 50 === 49) await new Promise((r) => setTimeout(r, 48));
      }
      const floodMs = performance.now() - started;
      await new Promise((r) => setTimeout(r, 500));
      running = false;
      return { floodMs, fps: (frames * 1000) / (performance.now() - started), longest };
    });
    const after = await measure();
    expect(result.floodMs).toBeLessThan(1500);
    expect(result.fps).toBeGreaterThan(40);
    expect(result.longest).toBeLessThan(120);
    expect(after.nodes - before.nodes).toBeLessThanOrEqual(10);
    expect(after.heap - before.heap).toBeLessThan(2 * 1024 * 1024);
    await expect(page.locator('rec-graphics [part=banner]')).toHaveText('b999');
    await expect(captionText(page)).toHaveText('warm-up word 999');
  });

  test('cost: nothing of the extras is downloaded while none is used, and each loads on first use', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    const extras = () => scripts.filter((s) => /overlay-elements|overlay-processor|overlay-reducer|graphics-message|rec-agent-visual|rec-graphics|rec-captions/.test(s));
    await openTemplate(page, 'still=1&demo=3');
    await page.waitForLoadState('networkidle');
    expect(extras()).toEqual([]);
    await page.goto('/?token=x.y.z&meetingId=m');
    await expect(page.locator('html')).toHaveAttribute('data-state', 'error');
    await page.waitForLoadState('networkidle');
    expect(extras()).toEqual([]);

    await openTemplate(page, 'still=1&demo=3&captions=1');
    await page.waitForLoadState('networkidle');
    expect(extras().some((s) => s.includes('overlay-elements'))).toBe(true);
    expect(extras().some((s) => s.includes('overlay-processor'))).toBe(false);
    await transcribe(page, 'p1', 'first words');
    await expect(captionText(page)).toHaveText('first words');
    expect(extras().some((s) => s.includes('overlay-processor'))).toBe(true);
  });
});

test('the branded template shows the logo graphic in its bar, and a live logo message replaces it', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`/templates/branded/?panel=0&still=1&title=All-hands&logoUrl=${encodeURIComponent(LOGO)}`);
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  const barLogo = page.locator('rec-brand-bar [part=logo]');
  await expect(barLogo).toHaveAttribute('src', LOGO);
  await expect(page.locator('rec-graphics [part=logo]')).toBeHidden();
  const next = 'data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>';
  await publish(page, { logo: { url: next } });
  await expect(barLogo).toHaveAttribute('src', next);
  await page.goto('/templates/branded/?panel=0&still=1&logoUrl=http://insecure.example/logo.png');
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  expect(warnings.filter((w) => w.includes('logoUrl=')).length).toBe(1);
  await expect(barLogo).toHaveCount(0);
});
