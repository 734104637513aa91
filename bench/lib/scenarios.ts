/** The benchmark's scenarios (issue 6) and the run that measures each against the floor. */
import type { Browser } from 'playwright';
import type { BrowserCost } from './chromium.js';
import { MeasuredPage, type WindowFigures, median, round } from './measure.js';

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
  /** Median over every window of the median presented fps per shown video. */
  readonly fpsMedian: number | null;
  /** Median CPU over the full-rate windows (every window when none was). */
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
  /** Seconds of each window (the soak's one window is longer). */
  readonly windowSeconds: number;
  /** Template/floor window pairs measured. */
  readonly rounds: number;
  /** Windows in which every shown video presented ≥ FULL_RATE_FPS (template, floor): the CPU figures' windows. */
  readonly fullRateRounds: number;
  readonly floorFullRateRounds: number;
  /** The most load on the pinned core from other processes, during the template's and the floor's windows. */
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
  /** Template and floor windows alternate this many times; figures are medians (the soak runs once). */
  readonly rounds: number;
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

/** What one template round saw; the first round also exercises the scenario (soak, switches, DOM). */
interface TemplateRound {
  readonly window: WindowFigures;
  readonly firstFrameMs: number | null;
  readonly errors: number;
  readonly exercised?: {
    readonly heapGrowthMB: number;
    readonly domNodesGrowth: number;
    readonly switchesMs: number[];
    readonly rects: string;
    readonly audio: number;
    readonly visible: number;
  };
}

/** One window on the template; with `exercise`, also the soak, heap/DOM growth, switches and what the floor needs. */
async function templateRound(scenario: Scenario, settings: RunSettings, exercise: boolean): Promise<TemplateRound> {
  const { browser, cost, baseUrl, clip, viewport } = settings;
  const url = `${baseUrl}?panel=0&speaker=p1&clip=${encodeURIComponent(`bench/${clip}`)}&${scenario.query}`;
  const template = await MeasuredPage.open(browser, cost, url, viewport);
  try {
    await template.page.locator('html[data-state="live"]').waitFor({ timeout: 20_000 });
    // Speaker changes are timed on their own below; in the window the layout holds still.
    await template.page.evaluate('window.recDemo.setAutoSpeak(false)');
    const audioOnly = scenario.query.includes('mode=audio');
    const firstFrameMs = audioOnly ? null : await template.firstFrameMs();
    await sleep(settings.settleSeconds * 1000);
    if (!exercise) return { window: await template.window(settings.windowSeconds), firstFrameMs, errors: template.errors.length };
    const before = await template.size();
    if (scenario.soak) await template.page.evaluate(SOAK_DRIVER(scenario.participants));
    const window = await template.window(scenario.soak ? settings.soakSeconds : settings.windowSeconds);
    if (scenario.soak) {
      await template.page.evaluate('window.benchSoakStop()');
      // Past the speaker dwell, so the last change has settled before the DOM is counted.
      await sleep(settings.dwellMs + 1500);
    }
    const after = await template.size();
    const switchesMs: number[] = [];
    for (const id of scenario.switchTo ?? []) {
      const ms = await template.switchSpeaker(id, scenario.switchRole);
      // What the template adds after the dwell: its reaction and the frame that shows the change.
      if (ms !== null) switchesMs.push(ms - settings.dwellMs);
    }
    const exercised = {
      heapGrowthMB: after.heapMB - before.heapMB,
      domNodesGrowth: after.nodes - before.nodes,
      switchesMs,
      rects: await template.rects(),
      audio: await template.audioCount(),
      visible: await template.page.locator('rec-tile').count(),
    };
    return { window, firstFrameMs, errors: template.errors.length, exercised };
  } finally {
    await template.close();
  }
}

/** One window on the floor page: plain <video> elements at `rects`, `audio` plain <audio> elements. */
async function floorRound(settings: RunSettings, rects: string, audio: number) {
  const { browser, cost, baseUrl, clip, viewport } = settings;
  const url = `${baseUrl}bench/floor.html?clip=${encodeURIComponent(clip)}&rects=${rects}&audio=${audio}`;
  const floor = await MeasuredPage.open(browser, cost, url, viewport);
  try {
    const firstFrameMs = rects ? await floor.firstFrameMs() : null;
    await sleep(settings.settleSeconds * 1000);
    return { window: await floor.window(settings.windowSeconds), firstFrameMs, errors: floor.errors.length };
  } finally {
    await floor.close();
  }
}

const medianOf = (values: readonly (number | null)[]) => median(values.filter((v): v is number => v !== null));
const maxOf = (values: readonly (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
};

/** A window in which every shown video presented at least this many frames per second (of 30). */
export const FULL_RATE_FPS = 27;

/** Whether no shown video dropped frames (pages without video always qualify). */
const fullRate = (figures: WindowFigures) => figures.fpsMin === null || figures.fpsMin >= FULL_RATE_FPS;

/**
 * Measures one scenario: template and floor windows alternate in the same browser (the machine's
 * drift hits both alike), `rounds` times. On one core a page sometimes presents fewer frames (frame
 * pacing jitter, in the floor as often as in the template) and then costs less, which would read as
 * a cheaper page; so CPU compares full-rate windows only, with up to `rounds` extra pairs to find them.
 */
export async function runScenario(scenario: Scenario, settings: RunSettings): Promise<ScenarioResult> {
  const rounds = scenario.soak ? 1 : Math.max(1, settings.rounds);
  const first = await templateRound(scenario, settings, true);
  const exercised = first.exercised as NonNullable<TemplateRound['exercised']>;
  const templates = [first];
  const floors = [await floorRound(settings, exercised.rects, exercised.audio)];
  const enoughFullRate = () => {
    const needed = Math.ceil(rounds / 2);
    return templates.filter((t) => fullRate(t.window)).length >= needed && floors.filter((f) => fullRate(f.window)).length >= needed;
  };
  while (templates.length < rounds || (!scenario.soak && templates.length < 2 * rounds && !enoughFullRate())) {
    templates.push(await templateRound(scenario, settings, false));
    floors.push(await floorRound(settings, exercised.rects, exercised.audio));
  }
  // CPU over full-rate windows where each side has some; over every window otherwise.
  const comparable = <T extends { window: WindowFigures }>(list: readonly T[]) => {
    const full = list.filter((r) => fullRate(r.window));
    return full.length > 0 ? full : list;
  };
  const cpu = medianOf(comparable(templates).map((t) => t.window.cpuPercent));
  const floorCpu = medianOf(comparable(floors).map((f) => f.window.cpuPercent));
  return {
    scenario: scenario.name,
    participants: scenario.participants,
    visible: exercised.visible,
    fpsMedian: round(medianOf(templates.map((t) => t.window.fpsMedian))),
    cpuPercent: round(cpu),
    floorCpuPercent: round(floorCpu),
    cpuRatioVsFloor: cpu === null || !floorCpu ? null : round(cpu / floorCpu, 2),
    heapGrowthMB: round(exercised.heapGrowthMB, 2),
    domNodesGrowth: exercised.domNodesGrowth,
    firstFrameMs: round(medianOf(templates.map((t) => t.firstFrameMs)), 0),
    speakerSwitchMs: round(median(exercised.switchesMs), 0),
    floorFpsMedian: round(medianOf(floors.map((f) => f.window.fpsMedian))),
    floorFirstFrameMs: round(medianOf(floors.map((f) => f.firstFrameMs)), 0),
    peakMemoryMB: round(maxOf(templates.map((t) => t.window.peakMemoryMB)), 0),
    floorPeakMemoryMB: round(maxOf(floors.map((f) => f.window.peakMemoryMB)), 0),
    windowSeconds: round(templates[0]?.window.seconds ?? 0, 1) ?? 0,
    rounds: templates.length,
    fullRateRounds: templates.filter((t) => fullRate(t.window)).length,
    floorFullRateRounds: floors.filter((f) => fullRate(f.window)).length,
    otherLoadPercent: round(maxOf(templates.map((t) => t.window.otherLoadPercent))),
    floorOtherLoadPercent: round(maxOf(floors.map((f) => f.window.otherLoadPercent))),
    pageErrors: [...templates, ...floors].reduce((n, r) => n + r.errors, 0),
  };
}
