/**
 * The simulated-meeting scenarios (issue 6: the demo source with VP8 clips decoded in the page) and the
 * run that measures each against bench/floor.html; the second table of `npm run bench`.
 */
import type { Browser } from 'playwright';
import type { BrowserCost } from './chromium.js';
import { MeasuredPage } from './measure.js';
import { type Exercised, type ScenarioResult, type SideRound, alternate, summarize } from './rounds.js';

export { FULL_RATE_FPS, type ScenarioResult } from './rounds.js';

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

/** The simulated scenarios: each layout with 4 of 4, 4 of 25 and of 100, audio mode with 25, a short soak. */
export const SCENARIOS: readonly Scenario[] = [
  { name: 'sim grid 4/4', query: 'layoutType=GRID&demo=4', participants: 4 },
  { name: 'sim spotlight 4/4', query: 'layoutType=SPOTLIGHT&demo=4', participants: 4, switchTo: ['p2', 'p3'], switchRole: 'main' },
  { name: 'sim sidebar 4/4', query: 'layoutType=SIDEBAR&demo=4', participants: 4, switchTo: ['p2', 'p3'], switchRole: 'main' },
  { name: 'sim grid 4/25', query: 'layoutType=GRID&demo=25', participants: 25, switchTo: ['p20', 'p21'] },
  { name: 'sim grid 4/100', query: 'layoutType=GRID&demo=100', participants: 100, switchTo: ['p90', 'p91'] },
  { name: 'sim audio 25', query: 'mode=audio&demo=25', participants: 25 },
  { name: 'sim soak grid 8', query: 'layoutType=GRID&demo=8', participants: 8, soak: true },
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

/** What the floor needs from the template's first round: where its videos were, how many <audio> played. */
interface FloorInput {
  rects: string;
  audio: number;
}

/** What one template round saw; the first round also exercises the scenario (soak, switches, DOM). */
type TemplateRound = SideRound & { readonly exercised?: Exercised & FloorInput };

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
      ...(scenario.soak ? { soakSeconds: settings.soakSeconds } : {}),
    };
    return { window, firstFrameMs, errors: template.errors.length, exercised };
  } finally {
    await template.close();
  }
}

/** One window on the floor page: plain <video> elements at `rects`, `audio` plain <audio> elements. */
async function floorRound(settings: RunSettings, { rects, audio }: FloorInput): Promise<SideRound> {
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

/** Measures one simulated scenario against the floor, alternating in the same browser (see `alternate`). */
export async function runScenario(scenario: Scenario, settings: RunSettings): Promise<ScenarioResult> {
  let exercised: (Exercised & FloorInput) | undefined;
  const { templates, floors } = await alternate(
    settings.rounds,
    scenario.soak === true,
    async (first) => {
      const round = await templateRound(scenario, settings, first);
      exercised ??= round.exercised;
      return round;
    },
    // A soak is judged by its own figures (heap, DOM, fps under churn): a steady floor would not compare.
    scenario.soak ? null : () => floorRound(settings, exercised as FloorInput),
  );
  const { width, height } = settings.viewport;
  const facts = {
    name: scenario.name,
    participants: scenario.participants,
    table: 'simulated' as const,
    viewport: settings.viewport,
    camera: `${width}x${height}@30 clip, in-page decoder`,
    share: null,
  };
  return summarize(facts, exercised as Exercised, templates, floors);
}
