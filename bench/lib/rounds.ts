/**
 * What every scenario shares, simulated or recorder: template and floor windows alternating in one
 * browser, CPU compared over full-rate windows, and the figures of one table row (ScenarioResult).
 */
import { type CpuSplit, PROCESS_KINDS, type ProcessKind } from './chromium.js';
import { type OpeningFigures, type PhaseTrace, type WindowFigures, median, round, traceLine } from './measure.js';

/** A window in which every shown video presented at least this many frames per second (of 30). */
export const FULL_RATE_FPS = 27;

/** What one window of one side saw. */
export interface SideRound {
  readonly window: WindowFigures;
  readonly firstFrameMs: number | null;
  readonly errors: number;
  /** CPU of the browser that sent the media during the window (recorder scenarios). */
  readonly senderCpuPercent?: number | null;
  /** Heap and DOM growth over the window, when it was a soak (the floor's soak; the template's is in Exercised). */
  readonly growth?: { readonly heapMB: number; readonly nodes: number };
  /** Where the time to the first frame went (recorder rows). */
  readonly trace?: PhaseTrace;
  /** The template's opening (recorder rows). */
  readonly opening?: OpeningFigures;
}

/** What the first template round measured beyond its window: growth, switches and what the floor needs. */
export interface Exercised {
  readonly heapGrowthMB: number;
  readonly domNodesGrowth: number;
  readonly switchesMs: readonly number[];
  readonly visible: number;
  /** The layer sizes the cameras were received at, e.g. `640x360 ×4` (recorder rows: simulcast). */
  readonly receivedCameras?: string | null;
  /** Seconds of the long window (soak), when it had one. */
  readonly soakSeconds?: number;
  /** Whether the SDK re-joined after the soak's socket drop (recorder soak only). */
  readonly reconnected?: boolean;
}

/** One window as the JSON lists it. */
export interface WindowRecord {
  readonly side: 'template' | 'floor';
  readonly seconds: number;
  readonly cpuPercent: number | null;
  readonly split: CpuSplit;
  readonly fpsMedian: number | null;
  readonly fpsMin: number | null;
  readonly otherLoadPercent: number | null;
  readonly senderCpuPercent: number | null;
}

/** The figures of one scenario; issue 6's JSON fields first, then issue 14's. */
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
  /**
   * Navigation → every shown video presented, in the row's first round: a new browser context, so
   * nothing cached or compiled, as in VideoSDK's recorder, which opens the page once in a fresh browser.
   */
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
  /** `recorder`: the real SDK on the emulated meeting over WebRTC; `simulated`: the demo source. */
  readonly table: 'recorder' | 'simulated';
  readonly viewport: { readonly width: number; readonly height: number };
  /** What each camera (and share) sends, e.g. `1280x720@30` (the simulated clip for that table). */
  readonly camera: string;
  readonly share: string | null;
  /** The simulcast layer sizes the shown cameras were received at, e.g. `640x360 ×4` (null: one layer only). */
  readonly receivedCameras: string | null;
  /** The same, median over the later rounds (the page's files cached and compiled). */
  readonly firstFrameWarmMs: number | null;
  readonly floorFirstFrameWarmMs: number | null;
  /** Median over every window of the slowest shown video's presented fps (the per-tile target's figure). */
  readonly fpsSlowestTile: number | null;
  readonly floorFpsSlowestTile: number | null;
  /**
   * CPU per presented frame, template over floor: what the CPU ratio means when both sides fill the
   * core (a saturated page presents fewer frames instead of using more CPU). Null without video.
   */
  readonly cpuPerFrameRatioVsFloor: number | null;
  /** The CPU figures split by process kind (medians per kind over the same windows). */
  readonly cpuSplit: CpuSplit | null;
  readonly floorCpuSplit: CpuSplit | null;
  /** CPU of the sender browser (the other core) during the template's windows; near 100 % it limits fps. */
  readonly senderCpuPercent: number | null;
  readonly soakSeconds: number | null;
  readonly reconnected: boolean | null;
  /** The SDK floor's heap and DOM growth under the same soak (`--soak-floor`), to tell the SDK's growth from the template's. */
  readonly floorHeapGrowthMB: number | null;
  readonly floorDomNodesGrowth: number | null;
  /** Every window in the order measured. */
  readonly windows: readonly WindowRecord[];
  /**
   * Navigation → the revealed frame with every on-screen camera presenting, first (cold) round; set
   * it against `floorFirstFrameMs` (the bare SDK has no opening: its first frame is its reveal).
   */
  readonly revealMs: number | null;
  /** The same, median over the later rounds. */
  readonly revealWarmMs: number | null;
  /** The most frames (of any round's first 5 s) that showed a camera-on placeholder after the reveal: must be 0. */
  readonly placeholderFramesAfterReveal: number | null;
  /** The phase trace of the first (cold) and the last (warm) round of each side (recorder rows). */
  readonly phaseTrace: {
    readonly template: PhaseTrace | null;
    readonly floor: PhaseTrace | null;
    readonly templateWarm: PhaseTrace | null;
    readonly floorWarm: PhaseTrace | null;
  };
}

/** What a row says about itself beyond the measurements. */
export interface RowFacts {
  readonly name: string;
  readonly participants: number;
  readonly table: ScenarioResult['table'];
  readonly viewport: ScenarioResult['viewport'];
  readonly camera: string;
  readonly share: string | null;
}

/** Whether no shown video dropped frames (pages without video always qualify). */
export const fullRate = (figures: WindowFigures) => figures.fpsMin === null || figures.fpsMin >= FULL_RATE_FPS;

const medianOf = (values: readonly (number | null | undefined)[]) => median(values.filter((v): v is number => typeof v === 'number'));
const maxOf = (values: readonly (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
};

/** Prints one window: total CPU, its split, fps (median/slowest tile) and the other load on the core. */
function logWindow(side: string, round: SideRound): void {
  const w = round.window;
  const split = PROCESS_KINDS.map((kind) => `${kind} ${w.split[kind].toFixed(1)}`).join(', ');
  const fps = w.fpsMedian === null ? 'no video' : `fps ${w.fpsMedian.toFixed(1)}/${(w.fpsMin ?? 0).toFixed(1)}`;
  const sender = round.senderCpuPercent == null ? '' : `, sender ${round.senderCpuPercent.toFixed(0)} %`;
  console.log(`    ${side.padEnd(8)} ${w.cpuPercent.toFixed(1).padStart(5)} % (${split}), ${fps}, other load ${(w.otherLoadPercent ?? 0).toFixed(1)} %${sender}`);
  if (round.trace) console.log(`             ${traceLine(round.trace)}`);
  const opening = round.opening;
  if (opening) console.log(`             opening: revealed ${opening.revealedMs === null ? '–' : Math.round(opening.revealedMs)} ms, every camera presenting ${opening.revealMs === null ? '–' : Math.round(opening.revealMs)} ms, ${opening.placeholderFrames} placeholder frames after the reveal`);
}

/**
 * Alternates template and floor windows `rounds` times (the soak once; a null `floorRound`: no
 * floor), so the machine's drift hits both sides alike.
 */
export async function alternate(
  rounds: number,
  soak: boolean,
  templateRound: (first: boolean) => Promise<SideRound>,
  floorRound: (() => Promise<SideRound>) | null,
): Promise<{ templates: SideRound[]; floors: SideRound[] }> {
  const wanted = soak ? 1 : Math.max(1, rounds);
  const templates: SideRound[] = [];
  const floors: SideRound[] = [];
  while (templates.length < wanted) {
    const template = await templateRound(templates.length === 0);
    logWindow('template', template);
    templates.push(template);
    if (!floorRound) continue;
    const floor = await floorRound();
    logWindow('floor', floor);
    floors.push(floor);
  }
  return { templates, floors };
}

/**
 * The windows whose CPU counts: the full-rate ones when both sides have some, else every window on
 * both sides. One rule for both: comparing one side's cheapest full-rate window with the other
 * side's median was what made grid 4/100 read 1.15–1.19 (the floor "reading low").
 */
function comparable(list: readonly SideRound[], both: boolean): readonly SideRound[] {
  return both ? list.filter((r) => fullRate(r.window)) : list;
}

function splitOf(list: readonly SideRound[]): CpuSplit | null {
  if (list.length === 0) return null;
  const entries = PROCESS_KINDS.map((kind): [ProcessKind, number] => [kind, round(medianOf(list.map((r) => r.window.split[kind]))) ?? 0]);
  return Object.fromEntries(entries) as Record<ProcessKind, number>;
}

function record(side: WindowRecord['side'], r: SideRound): WindowRecord {
  const w = r.window;
  const split = Object.fromEntries(PROCESS_KINDS.map((kind) => [kind, round(w.split[kind]) ?? 0])) as Record<ProcessKind, number>;
  return {
    side,
    seconds: round(w.seconds, 1) ?? 0,
    cpuPercent: round(w.cpuPercent),
    split,
    fpsMedian: round(w.fpsMedian),
    fpsMin: round(w.fpsMin),
    otherLoadPercent: round(w.otherLoadPercent),
    senderCpuPercent: round(r.senderCpuPercent ?? null),
  };
}

/** (cpu / fps) over (floor cpu / floor fps), or null when a figure is missing. */
function perFrame(cpu: number | null, fps: number | null, floorCpu: number | null, floorFps: number | null): number | null {
  if (cpu === null || !fps || !floorCpu || !floorFps) return null;
  return round(cpu / fps / (floorCpu / floorFps), 2);
}

/** One table row from the windows of both sides and what the first template round exercised. */
export function summarize(facts: RowFacts, exercised: Exercised, templates: readonly SideRound[], allFloors: readonly SideRound[]): ScenarioResult {
  // A soaked floor is there for its growth only: the peers it shows leave, so its CPU and fps compare with nothing.
  const floors = exercised.soakSeconds === undefined ? allFloors : [];
  const fullRateBoth = templates.some((t) => fullRate(t.window)) && (floors.length === 0 || floors.some((f) => fullRate(f.window)));
  const cpu = medianOf(comparable(templates, fullRateBoth).map((t) => t.window.cpuPercent));
  const floorCpu = medianOf(comparable(floors, fullRateBoth).map((f) => f.window.cpuPercent));
  return {
    scenario: facts.name,
    participants: facts.participants,
    visible: exercised.visible,
    fpsMedian: round(medianOf(templates.map((t) => t.window.fpsMedian))),
    cpuPercent: round(cpu),
    floorCpuPercent: round(floorCpu),
    cpuRatioVsFloor: cpu === null || !floorCpu ? null : round(cpu / floorCpu, 2),
    heapGrowthMB: round(exercised.heapGrowthMB, 2),
    domNodesGrowth: exercised.domNodesGrowth,
    firstFrameMs: round(templates[0]?.firstFrameMs ?? null, 0),
    speakerSwitchMs: round(median(exercised.switchesMs), 0),
    floorFpsMedian: round(medianOf(floors.map((f) => f.window.fpsMedian))),
    floorFirstFrameMs: round(floors[0]?.firstFrameMs ?? null, 0),
    peakMemoryMB: round(maxOf(templates.map((t) => t.window.peakMemoryMB)), 0),
    floorPeakMemoryMB: round(maxOf(floors.map((f) => f.window.peakMemoryMB)), 0),
    windowSeconds: round(templates[0]?.window.seconds ?? 0, 1) ?? 0,
    rounds: templates.length,
    fullRateRounds: templates.filter((t) => fullRate(t.window)).length,
    floorFullRateRounds: floors.filter((f) => fullRate(f.window)).length,
    otherLoadPercent: round(maxOf(templates.map((t) => t.window.otherLoadPercent))),
    floorOtherLoadPercent: round(maxOf(floors.map((f) => f.window.otherLoadPercent))),
    pageErrors: [...templates, ...allFloors].reduce((n, r) => n + r.errors, 0),
    table: facts.table,
    viewport: facts.viewport,
    camera: facts.camera,
    share: facts.share,
    receivedCameras: exercised.receivedCameras ?? null,
    firstFrameWarmMs: round(medianOf(templates.slice(1).map((t) => t.firstFrameMs)), 0),
    floorFirstFrameWarmMs: round(medianOf(floors.slice(1).map((f) => f.firstFrameMs)), 0),
    fpsSlowestTile: round(medianOf(templates.map((t) => t.window.fpsMin))),
    cpuPerFrameRatioVsFloor: perFrame(cpu, medianOf(templates.map((t) => t.window.fpsMedian)), floorCpu, medianOf(floors.map((f) => f.window.fpsMedian))),
    floorFpsSlowestTile: round(medianOf(floors.map((f) => f.window.fpsMin))),
    cpuSplit: splitOf(comparable(templates, fullRateBoth)),
    floorCpuSplit: splitOf(comparable(floors, fullRateBoth)),
    senderCpuPercent: round(medianOf(templates.map((t) => t.senderCpuPercent))),
    soakSeconds: exercised.soakSeconds ?? null,
    reconnected: exercised.reconnected ?? null,
    floorHeapGrowthMB: round(allFloors[0]?.growth?.heapMB ?? null, 2),
    floorDomNodesGrowth: allFloors[0]?.growth?.nodes ?? null,
    revealMs: round(templates[0]?.opening?.revealMs ?? null, 0),
    revealWarmMs: round(medianOf(templates.slice(1).map((t) => t.opening?.revealMs)), 0),
    placeholderFramesAfterReveal: maxOf(templates.map((t) => t.opening?.placeholderFrames ?? null)),
    phaseTrace: {
      template: templates[0]?.trace ?? null,
      floor: allFloors[0]?.trace ?? null,
      templateWarm: templates.length > 1 ? (templates.at(-1)?.trace ?? null) : null,
      floorWarm: allFloors.length > 1 ? (allFloors.at(-1)?.trace ?? null) : null,
    },
    windows: templates.flatMap((t, i) => {
      const f = allFloors[i];
      return f ? [record('template', t), record('floor', f)] : [record('template', t)];
    }),
  };
}
