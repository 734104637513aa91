/**
 * The benchmark's measuring code on short scenarios (simulated, and recorder: real SDK, WebRTC, SDK
 * floor), so it cannot rot. Figures depend on the machine and are not asserted: only that each is
 * produced, with a sane type and range.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { bundleWeights } from '../../bench/lib/bundle.js';
import { BrowserCost, PROCESS_KINDS, launchChromium, otherCore } from '../../bench/lib/chromium.js';
import { ensureClip, senderClip } from '../../bench/lib/clip.js';
import { ensureFloorBuild } from '../../bench/lib/floor-build.js';
import { VIEWPORTS, runRecorderScenario, simulcastSizes } from '../../bench/lib/recorder.js';
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
    for (const field of ['cpuPercent', 'floorCpuPercent', 'cpuRatioVsFloor', 'fpsMedian', 'floorFpsMedian', 'firstFrameMs', 'firstFrameWarmMs', 'floorFirstFrameWarmMs', 'peakMemoryMB'] as const) {
      expect(typeof result[field], field).toBe('number');
      expect(result[field] as number, field).toBeGreaterThan(0);
    }
    // Two pairs, template and floor alternating; CPU compares full-rate windows when both sides have some.
    expect(result.rounds).toBe(2);
    expect(result.windows.map((w) => w.side)).toEqual(['template', 'floor', 'template', 'floor']);
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

test('a short recorder scenario yields every figure, template and SDK floor, with the CPU split', async () => {
  test.setTimeout(150_000);
  const server = await serveBench(join(ROOT, 'dist'), join(ROOT, 'bench'));
  const browser = await launchChromium();
  const sender = await launchChromium({ core: otherCore() });
  try {
    const floorPage = await ensureFloorBuild();
    const clipOf = async (size: { width: number; height: number }) =>
      readFileSync(join(ROOT, 'bench', await ensureClip(sender, `${server.url}bench/page/blank.html`, size, senderClip('camera')))).toString('base64');
    const [quarter = '', half = '', clip = ''] = await Promise.all(simulcastSizes(VIEWPORTS.low).map(clipOf));
    const result = await runRecorderScenario(
      { name: 'spotlight 2/2 low', query: 'layoutType=SPOTLIGHT', quality: 'low', plan: { participants: 2, mics: 2 }, switchTo: ['p2'], switchRole: 'main' },
      {
        browser,
        cost: await BrowserCost.attach(browser),
        sender,
        senderCost: await BrowserCost.attach(sender),
        baseUrl: server.url,
        floorPage,
        clips: { camera: { low: { clip, layers: [quarter, half] } }, share: '' },
        windowSeconds: 1.5,
        rounds: 1,
        settleSeconds: 0.5,
        soakSeconds: 1.5,
        dwellMs: 1500,
      },
    );

    // The page joined through the real SDK, showed the speaker's camera, and nothing was logged as an error.
    // The main tile fills most of the 640×360 frame: only the camera's full layer covers it.
    expect(result).toMatchObject({ scenario: 'spotlight 2/2 low', table: 'recorder', participants: 2, visible: 1, pageErrors: 0, camera: '640x360@30', receivedCameras: '640x360 ×1' });
    for (const field of ['cpuPercent', 'floorCpuPercent', 'cpuRatioVsFloor', 'fpsMedian', 'floorFpsMedian', 'firstFrameMs', 'floorFirstFrameMs', 'peakMemoryMB', 'senderCpuPercent'] as const) {
      expect(typeof result[field], field).toBe('number');
      expect(result[field] as number, field).toBeGreaterThan(0);
    }
    // The split adds up to the total and the page's own process did work on both sides.
    for (const [split, total] of [[result.cpuSplit, result.cpuPercent], [result.floorCpuSplit, result.floorCpuPercent]] as const) {
      const parts = PROCESS_KINDS.map((kind) => split?.[kind] ?? Number.NaN);
      for (const part of parts) expect(part).toBeGreaterThanOrEqual(0);
      expect(split?.renderer ?? 0).toBeGreaterThan(0);
      expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(total ?? 0, 0);
    }
    expect(result.windows.map((w) => w.side)).toEqual(result.rounds === 1 ? ['template', 'floor'] : ['template', 'floor', 'template', 'floor']);
    // p2's camera was consumed, reached the main tile and presented a frame there.
    expect(typeof result.speakerSwitchMs).toBe('number');
    // The opening was sampled (its reveal is null when the page had not revealed within 5 s: a loaded machine); each side's phases traced.
    expect(result.revealMs === null || (result.revealMs as number) > 0).toBe(true);
    expect(Number.isInteger(result.placeholderFramesAfterReveal)).toBe(true);
    for (const trace of [result.phaseTrace.template, result.phaseTrace.floor]) {
      for (const phase of ['join', 'meeting-joined', 'peer', 'consume', 'stream', 'frame']) expect(trace?.phases[phase]?.first, phase).toBeGreaterThan(0);
    }
    expect(result.phaseTrace.template?.phases['reveal']?.first).toBeGreaterThan(0);
  } finally {
    await browser.close();
    await sender.close();
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
