/**
 * The Content-Security-Policy of every built page: only our own scripts run (the inline theme script
 * by its hash, computed at build time from the page as built), images only over https: or data:.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const PAGES = [
  { file: 'dist/index.html', path: '/' },
  { file: 'dist/templates/branded/index.html', path: '/templates/branded/' },
  { file: 'dist/templates/podcast/index.html', path: '/templates/podcast/' },
];

for (const { file, path } of PAGES) {
  test(`${path}: the policy names the hash of the inline theme script as built, and that script runs`, async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    await page.goto(`${path}?panel=0&still=1&theme=light`);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    // Recomputed here from the file as built: an edit of the script that the build did not re-hash fails.
    const inline = [...readFileSync(file, 'utf8').matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) expect(policy).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    // The theme script set the theme before first paint: it was allowed to run.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'LIGHT');
    await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
    expect(violations).toEqual([]);
  });
}

test('an injected inline script, event handler or http image is refused', async ({ page }) => {
  await page.goto('/?panel=0&still=1');
  await expect(page.locator('html')).toHaveAttribute('data-state', 'live');
  const result = await page.evaluate(async () => {
    const refused: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => refused.push(e.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="window.handler = true" onload="window.handler = true">';
    document.body.append(holder);
    const leak = new Image();
    leak.src = 'http://brand.example/leak.png';
    await new Promise((r) => setTimeout(r, 300));
    const w = window as unknown as { injected?: boolean; handler?: boolean };
    return { injected: w.injected ?? false, handler: w.handler ?? false, refused };
  });
  expect(result.injected).toBe(false);
  expect(result.handler).toBe(false);
  expect(result.refused).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'img-src']));
});
