/**
 * The benchmark's measuring code on one short scenario, so it cannot rot. Figures depend on the
 * machine and are not asserted: only that each is produced, with a sane type and range.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { bundleWeights } from '../../bench/lib/bundle.js';
import { BrowserCost, launchChromium } from '../../bench/lib/chromium.js';
import { ensureClip } from '../../bench/lib/clip.js';
import { runScenario } from '../../bench/lib/scenarios.js';
import { serveBench } from '../../bench/lib/server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('a short benchmark scenario yields every figure, template and floor', async () => {
  test.setTimeout(120_000);
  const server = await serveBench(join(ROOT, 'dist'), join(ROOT, 'bench'));
  const browser = await launchChromium();
  try {
    const viewport = { width: 640, height: 360 };
    const clip = await ensureClip(browser, `${server.url}bench/page/blank.html`, viewport);
    const result = await runScenario(
      { name: 'spotlight 4/4', query: 'layoutType=SPOTLIGHT&demo=4&quality=low', participants: 4, switchTo: ['p2'], switchRole: 'main' },
      {
        browser,
        cost: await BrowserCost.attach(browser),
        baseUrl: server.url,
        clip,
        viewport,
        windowSeconds: 1.5,
        rounds: 2,
        settleSeconds: 0.5,
        soakSeconds: 1.5,
        dwellMs: 1500,
      },
    );

    // No error logged: the clip decoded in both pages (a failing clip logs and falls back to canvases).
    expect(result).toMatchObject({ scenario: 'spotlight 4/4', participants: 4, visible: 1, pageErrors: 0 });
    for (const field of ['cpuPercent', 'floorCpuPercent', 'cpuRatioVsFloor', 'fpsMedian', 'floorFpsMedian', 'firstFrameMs', 'peakMemoryMB'] as const) {
      expect(typeof result[field], field).toBe('number');
      expect(result[field] as number, field).toBeGreaterThan(0);
    }
    // Two pairs at least; up to four when windows dropped frames. CPU compares full-rate windows.
    expect(result.rounds).toBeGreaterThanOrEqual(2);
    expect(result.rounds).toBeLessThanOrEqual(4);
    expect(result.fullRateRounds).toBeLessThanOrEqual(result.rounds);
    expect(result.floorFullRateRounds).toBeLessThanOrEqual(result.rounds);
    expect(typeof result.heapGrowthMB).toBe('number');
    expect(Number.isInteger(result.domNodesGrowth)).toBe(true);
    // The new speaker reached the main tile and a frame showed it (minus the dwell: may be ≤ 0 only by timer slack).
    expect(typeof result.speakerSwitchMs).toBe('number');
    expect(result.speakerSwitchMs as number).toBeGreaterThan(-100);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('bundle weights split the recorder (with the SDK) from the preview (without it)', () => {
  const weights = bundleWeights(join(ROOT, 'dist'));
  expect(weights.sdkKB).toBeGreaterThan(0);
  expect(weights.recorderKB).toBeCloseTo(weights.sdkKB + weights.ownKB, 6);
  expect(Object.keys(weights.files.recorder).some((f) => /^videosdk-source-/.test(f))).toBe(true);
  expect(Object.keys(weights.files.preview).some((f) => /^videosdk-(?!source-)/.test(f))).toBe(false);
  expect(Object.keys(weights.files.preview).some((f) => /^demo-source-/.test(f))).toBe(true);
});
