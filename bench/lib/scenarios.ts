/** The benchmark's scenarios (issue 6) and the run that measures each against the floor. */
import type { Browser } from 'playwright';
import type { BrowserCost } from './chromium.js';
import { MeasuredPage, median, round } from './measure.js';

/** One scenario: a template URL query on the simulated meeting, and how to exercise it. */
export interface Scenario {
  readonly name: string;
  /** Template query (without panel, clip and speaker, which every scenario gets). */
  readonly query: string;
  readonly participants: number;
  /** Participants to make the speaker, one after another, to time speaker switches. */
  readonly switchTo?: readonly string[];
  /** The role the new speaker's tile must reach (SPOTLIGHT and SIDEBAR move them to `main`). */
  readonly switchRole?: string;
  /** Joins/leaves every 2 s and a speaker change every second during the window. */
  readonly soak?: boolean;
}

/** The figures of one scenario; the JSON fields of issue 6 first. */
export interface ScenarioResult {
  readonly scenario: string;
  readonly participants: number;
  readonly visible: number;
  readonly fpsMedian: number | null;
  readonly cpuPercent: number | null;
  readonly floorCpuPercent: number | null;
  readonly cpuRatioVsFloor: number | null;
  readonly heapGrowthMB: number | null;
  readonly domNodesGrowth: number | null;
  readonly firstFrameMs: number | null;
  readonly speakerSwitchMs: number | null;
  readonly floorFpsMedian: number | null;
  readonly floorFirstFrameMs: number | null;
  readonly peakMemoryMB: number | null;
  readonly floorPeakMemoryMB: number | null;
  readonly windowSeconds: number;
  /** Load on the pinned core from other processes, during the template's and the floor's windows. */
  readonly otherLoadPercent: number | null;
  readonly floorOtherLoadPercent: number | null;
  /** Errors the template and the floor logged (console errors, uncaught exceptions). */
  readonly pageErrors: number;
}

/** The default scenarios: each layout with 4 of 4, 4 of 25 and of 100, audio mode with 25, a soak. */
export const SCENARIOS: readonly Scenario[] = [
  { name: 'grid 4/4', query: 'layoutType=GRID&demo=4', participants: 4 },
  { name: 'spotlight 4/4', query: 'layoutType=SPOTLIGHT&demo=4', participants: 4, switchTo: ['p2', 'p3'], switchRole: 'main' },
  { name: 'sidebar 4/4', query: 'layoutType=SIDEBAR&demo=4', participants: 4, switchTo: ['p2', 'p3'], switchRole: 'main' },
  { name: 'grid 4/25', query: 'layoutType=GRID&demo=25', participants: 25, switchTo: ['p20', 'p21'] },
  { name: 'grid 4/100', query: 'layoutType=GRID&demo=100', participants: 100, switchTo: ['p90', 'p91'] },
  { name: 'audio 25', query: 'mode=audio&demo=25', participants: 25 },
  { name: 'soak grid 8', query: 'layoutType=GRID&demo=8', participants: 8, soak: true },
];

/** Where and how long to measure. */
export interface RunSettings {
  readonly browser: Browser;
  readonly cost: BrowserCost;
  /** The bench server's URL (ends with a slash). */
  readonly baseUrl: string;
  /** The clip's path relative to bench/. */
  readonly clip: string;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly windowSeconds: number;
  readonly settleSeconds: number;
  readonly soakSeconds: number;
  /** The dwell the template waits before a new speaker moves (its default). */
  readonly dwellMs: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// The churn of the soak, run inside the page: a speaker change every second, a join or a leave every 2 s.
const SOAK_DRIVER = (participants: number) => `(() => {
  const ids = Array.from({ length: ${participants} }, (_, i) => 'p' + (i + 1));
  let tick = 0;
  let seed = 7;
  const pick = () => ids[(seed = (seed * 1103515245 + 12345) >>> 0) % ids.length];
  let joined = 0;
  const timer = setInterval(() => {
    tick += 1;
    window.recDemo.speak(pick());
    if (tick % 2 === 0) {
      if ((tick / 2) % 2 === 1) {
        ids.push(window.recDemo.join());
        joined += 1;
      } else {
        window.recDemo.leave(ids.shift());
        joined -= 1;
      }
    }
  }, 1000);
  // Stops the churn with as many participants as it started with, so DOM counts compare like for like.
  window.benchSoakStop = () => {
    clearInterval(timer);
    if (joined > 0) window.recDemo.leave(ids.shift());
  };
})()`;

/** Measures one scenario on the template, then the floor with the same videos, in the same browser. */
export async function runScenario(scenario: Scenario, settings: RunSettings): Promise<ScenarioResult> {
  const { browser, cost, baseUrl, clip, viewport } = settings;
  const url = `${baseUrl}?panel=0&speaker=p1&clip=${encodeURIComponent(`bench/${clip}`)}&${scenario.query}`;
  const template = await MeasuredPage.open(browser, cost, url, viewport);
  let result: Omit<
    ScenarioResult,
    'floorCpuPercent' | 'cpuRatioVsFloor' | 'floorFpsMedian' | 'floorFirstFrameMs' | 'floorPeakMemoryMB' | 'floorOtherLoadPercent' | 'pageErrors'
  >;
  let templateErrors = 0;
  let rects: string;
  let audio: number;
  try {
    await template.page.locator('html[data-state="live"]').waitFor({ timeout: 20_000 });
    // Speaker changes are timed on their own below; in the window the layout holds still.
    await template.page.evaluate('window.recDemo.setAutoSpeak(false)');
    const audioOnly = scenario.query.includes('mode=audio');
    const firstFrameMs = audioOnly ? null : await template.firstFrameMs();
    await sleep(settings.settleSeconds * 1000);
    const before = await template.size();
    if (scenario.soak) await template.page.evaluate(SOAK_DRIVER(scenario.participants));
    const figures = await template.window(scenario.soak ? settings.soakSeconds : settings.windowSeconds);
    if (scenario.soak) {
      await template.page.evaluate('window.benchSoakStop()');
      // Past the speaker dwell, so the last change has settled before the DOM is counted.
      await sleep(settings.dwellMs + 1500);
    }
    const after = await template.size();
    const switches: number[] = [];
    for (const id of scenario.switchTo ?? []) {
      const ms = await template.switchSpeaker(id, scenario.switchRole);
      // What the template adds after the dwell: its reaction and the frame that shows the change.
      if (ms !== null) switches.push(ms - settings.dwellMs);
    }
    rects = await template.rects();
    audio = await template.audioCount();
    const visible = await template.page.locator('rec-tile').count();
    result = {
      scenario: scenario.name,
      participants: scenario.participants,
      visible,
      fpsMedian: round(figures.fpsMedian),
      cpuPercent: round(figures.cpuPercent),
      heapGrowthMB: round(after.heapMB - before.heapMB, 2),
      domNodesGrowth: after.nodes - before.nodes,
      firstFrameMs: round(firstFrameMs, 0),
      speakerSwitchMs: round(median(switches), 0),
      peakMemoryMB: round(figures.peakMemoryMB, 0),
      windowSeconds: round(figures.seconds, 1) ?? 0,
      otherLoadPercent: round(figures.otherLoadPercent),
    };
  } finally {
    templateErrors = template.errors.length;
    await template.close();
  }

  const floorUrl = `${baseUrl}bench/floor.html?clip=${encodeURIComponent(clip)}&rects=${rects}&audio=${audio}`;
  const floor = await MeasuredPage.open(browser, cost, floorUrl, viewport);
  try {
    const floorFirstFrameMs = rects ? await floor.firstFrameMs() : null;
    await sleep(settings.settleSeconds * 1000);
    const figures = await floor.window(settings.windowSeconds);
    return {
      ...result,
      floorCpuPercent: round(figures.cpuPercent),
      cpuRatioVsFloor: result.cpuPercent === null ? null : round(result.cpuPercent / figures.cpuPercent, 2),
      floorFpsMedian: round(figures.fpsMedian),
      floorFirstFrameMs: round(floorFirstFrameMs, 0),
      floorPeakMemoryMB: round(figures.peakMemoryMB, 0),
      floorOtherLoadPercent: round(figures.otherLoadPercent),
      pageErrors: templateErrors + floor.errors.length,
    };
  } finally {
    await floor.close();
  }
}
