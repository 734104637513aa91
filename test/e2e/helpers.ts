/** Shared steps for page tests: open the built template and wait until its frame is final. */
import { type Page, expect } from '@playwright/test';

/** Opens the template with a query and waits for a settled state, loaded fonts and painted videos. */
export async function openTemplate(page: Page, query: string, states = ['live', 'waiting']): Promise<void> {
  // panel=0: the page exactly as the recorder films it, without the designer panel.
  await page.goto(`/?panel=0&${query}`);
  await expect(page.locator('html')).toHaveAttribute('data-state', new RegExp(`^(${states.join('|')})$`));
  await page.waitForFunction(() => {
    const videos: HTMLVideoElement[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLVideoElement) videos.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return videos.every((v) => v.hidden || v.srcObject === null || (v.readyState >= 2 && v.videoWidth > 0));
  });
  // The opening (src/layout/opening.ts) holds the tiles until their cameras have presented a frame.
  await page.waitForFunction(() => document.documentElement.dataset.state !== 'live' || document.documentElement.dataset.opening === undefined);
  await expect(page.locator('html')).toHaveAttribute('data-fonts', 'ready');
  // Faces requested by the last layout load asynchronously: settle once nothing is loading after two frames.
  await page.waitForFunction(async () => {
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    await document.fonts.ready;
    return document.fonts.status === 'loaded';
  });
}

/** Every tile on the stage, as data attributes (Playwright's CSS locators pierce shadow roots). */
export async function tiles(page: Page): Promise<Record<string, string>[]> {
  return page.locator('rec-tile').evaluateAll((els) =>
    els.map((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>),
  );
}
