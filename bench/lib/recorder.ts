/**
 * The recorder scenarios (issue 14): the production page joined through the real SDK to an emulated
 * meeting whose media arrives over WebRTC from a sender browser on the other core, each measured
 * against the SDK floor (bench/page/floor-sdk.ts: the same streams in plain elements), alternating.
 */
import type { Browser } from 'playwright';
import type { MediaSetup } from '../../packages/testkit/src/emulator/media-page.js';
import type { BrowserCost } from './chromium.js';
import { cpuPercent } from './chromium.js';
import { MeasuredPage, type PhaseTrace, type WindowFigures } from './measure.js';
import { BenchMeeting, type MeetingPlan, SoakChurn } from './meeting.js';
import { type Exercised, type ScenarioResult, type SideRound, alternate, summarize } from './rounds.js';

/** The recording qualities the rows use, with VideoSDK's viewport for each (landscape). */
export const VIEWPORTS = { low: { width: 640, height: 360 }, med: { width: 1280, height: 720 }, high: { width: 1920, height: 1080 } } as const;
/** A recording quality. */
export type Quality = keyof typeof VIEWPORTS;

/** One recorder scenario: template parameters, who is in the meeting, and how to exercise it. */
export interface RecorderScenario {
  readonly name: string;
  /** Template query beyond VideoSDK's own parameters (layoutType, mode, orientation, captions…). */
  readonly query: string;
  readonly quality: Quality;
  readonly portrait?: boolean;
  readonly plan: MeetingPlan;
  /** Participants to make the speaker, one after another, to time speaker switches. */
  readonly switchTo?: readonly string[];
  /** The role the new speaker's tile must reach (SPOTLIGHT and SIDEBAR move them to `main`). */
  readonly switchRole?: string;
  /** The soak: joins, leaves, speaker changes and a socket drop for the whole long window. */
  readonly soak?: boolean;
}

const four = (mics = 4): MeetingPlan => ({ participants: 4, mics });

/** The rows of the recorder table. */
export const RECORDER_SCENARIOS: readonly RecorderScenario[] = [
  ...(['med', 'high'] as const).flatMap((quality): RecorderScenario[] => [
    { name: `grid 4/4 ${quality}`, query: 'layoutType=GRID', quality, plan: four() },
    { name: `spotlight 4/4 ${quality}`, query: 'layoutType=SPOTLIGHT', quality, plan: four(), switchTo: ['p2', 'p3'], switchRole: 'main' },
    { name: `sidebar 4/4 ${quality}`, query: 'layoutType=SIDEBAR', quality, plan: four(), switchTo: ['p2', 'p3'], switchRole: 'main' },
  ]),
  { name: 'sidebar share+3 high', query: 'layoutType=SIDEBAR', quality: 'high', plan: { participants: 3, mics: 3, share: true } },
  { name: 'grid 4/4 portrait med', query: 'layoutType=GRID&orientation=portrait', quality: 'med', portrait: true, plan: four() },
  { name: 'grid 4/25 med', query: 'layoutType=GRID', quality: 'med', plan: { participants: 25, mics: 4 }, switchTo: ['p20', 'p21'] },
  { name: 'grid 4/100 med', query: 'layoutType=GRID', quality: 'med', plan: { participants: 100, mics: 4 }, switchTo: ['p90', 'p91'] },
  { name: 'audio 25', query: 'mode=audio', quality: 'med', plan: { participants: 25, mics: 25 } },
  { name: 'graphics grid 4/4 med', query: 'layoutType=GRID&captions=1&chat=1', quality: 'med', plan: { ...four(), graphics: true } },
  { name: 'soak grid 8 med', query: 'layoutType=GRID', quality: 'med', plan: { participants: 8, mics: 8 }, soak: true },
];

/** A camera's clips: its full size and its lower simulcast layers (¼ and ½ size, smallest first). */
export interface CameraClips {
  readonly clip: string;
  readonly layers: readonly string[];
}

/** The VP8 clips the sender plays (IVF, base64), made once per size by bench/lib/clip.ts. */
export interface SenderClips {
  /** Camera clips at each quality's size the rows use. */
  readonly camera: Readonly<Partial<Record<Quality, CameraClips>>>;
  readonly share: string;
}

/** The sizes of a camera's simulcast layers, smallest first, as the SDK's hd webcam sends them (¼, ½, full). */
export function simulcastSizes({ width, height }: { width: number; height: number }): Array<{ width: number; height: number }> {
  return [4, 2, 1].map((scale) => ({ width: width / scale, height: height / scale }));
}

/** Where and how long to measure. */
export interface RecorderSettings {
  readonly browser: Browser;
  readonly cost: BrowserCost;
  /** The browser that sends the participants' media (pinned to the other core), and its cost. */
  readonly sender: Browser;
  readonly senderCost: BrowserCost;
  /** The bench server's URL (ends with a slash). */
  readonly baseUrl: string;
  /** The floor page's path under bench/ (bench/lib/floor-build.ts). */
  readonly floorPage: string;
  readonly clips: SenderClips;
  readonly windowSeconds: number;
  readonly rounds: number;
  readonly settleSeconds: number;
  readonly soakSeconds: number;
  /** Whether the soak row also soaks the SDK floor (as long again), for its heap and DOM growth. */
  readonly soakFloor?: boolean;
  /** The dwell the template waits before a new speaker moves (its default). */
  readonly dwellMs: number;
}

/** The forwarding rate the emulated server gives every sender: ample for four 1080p cameras and a share. */
const MIN_BITRATE_KBPS = 20_000;
const FPS = 30;

/** The viewport a scenario records at. */
export function viewportOf(scenario: RecorderScenario): { width: number; height: number } {
  const { width, height } = VIEWPORTS[scenario.quality];
  return scenario.portrait ? { width: height, height: width } : { width, height };
}

/**
 * What the sender sends: simulcast cameras whose top layer is the recording's size (med 720p, high
 * 1080p), the share at 1080p, all at 30 fps, from clips. The SDK picks each camera's layer from the
 * template's hints (packages/testkit/src/emulator/SDK-FACTS.md), so a small tile decodes a small layer.
 */
function setupOf(scenario: RecorderScenario, clips: SenderClips): MediaSetup {
  const camera = clips.camera[scenario.quality];
  if (!camera) throw new Error(`no ${scenario.quality} camera clip was made for ${scenario.name}`);
  return {
    camera: { ...VIEWPORTS[scenario.quality], fps: FPS, clip: camera.clip, layers: camera.layers },
    share: { ...VIEWPORTS.high, fps: FPS, clip: clips.share },
    minBitrateKbps: MIN_BITRATE_KBPS,
  };
}

/** The camera and share formats as the table names them, e.g. `1280x720@30` (the camera's top layer). */
function formatNames(scenario: RecorderScenario): { camera: string; share: string | null } {
  const name = ({ width, height }: { width: number; height: number }) => `${width}x${height}@${FPS}`;
  return { camera: name(VIEWPORTS[scenario.quality]), share: scenario.plan.share ? name(VIEWPORTS.high) : null };
}

/** What the floor needs from the template's first round: its videos (whose, what, where), and how many streams it received. */
interface FloorInput {
  tiles: string;
  videos: number;
  consumers: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Waits until the emulated server has pushed at least `atLeast` consumers and no more arrive for a
 * second: each one is a renegotiation on both sides, and a window must not measure them arriving.
 */
async function consumersSettled(meeting: BenchMeeting, atLeast: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  let count = -1;
  let since = Date.now();
  for (;;) {
    const now = meeting.emulator.consumers().length;
    if (now !== count) [count, since] = [now, Date.now()];
    if (count >= atLeast && Date.now() - since >= 1000) return count;
    if (Date.now() > deadline) {
      console.error(`  ${count} streams received after 30 s, ${atLeast} expected; measuring anyway`);
      return count;
    }
    await sleep(100);
  }
}

/** Runs `measure` with the sender browser's CPU counted over it. */
async function withSenderCpu<T>(cost: BrowserCost, measure: () => Promise<T>): Promise<{ value: T; senderCpuPercent: number }> {
  const before = await cost.cpu();
  const startedAt = performance.now();
  const value = await measure();
  return { value, senderCpuPercent: cpuPercent(before, await cost.cpu(), (performance.now() - startedAt) / 1000) };
}

/** The page a row measures (template and floor take turns in it) and the emulated meeting behind it. */
interface Row {
  readonly page: MeasuredPage;
  readonly meeting: BenchMeeting;
}

/** Errors logged by the page or seen by the emulator so far. */
const errorsOf = ({ page, meeting }: Row) => page.errors.length + meeting.problems().length;

/** Leaves the page (the SDK closes its connections) before the next round navigates, so no round times a teardown. */
async function leave({ page }: Row): Promise<void> {
  await page.page.goto('about:blank');
}

/** One template window; the first round also runs the soak, the switches, heap/DOM growth and what the floor needs. */
async function templateRound(scenario: RecorderScenario, settings: RecorderSettings, row: Row, exercise: boolean) {
  const { page, meeting } = row;
  const errorsBefore = errorsOf(row);
  try {
    await page.page.goto(`${settings.baseUrl}?${meeting.query(scenario.query)}`);
    await page.page.locator('html[data-state="live"]').waitFor({ timeout: 30_000 });
    const audioOnly = scenario.query.includes('mode=audio');
    const firstFrameMs = audioOnly ? null : await page.firstFrameMs(30_000);
    const trace = await page.phaseTrace();
    await consumersSettled(meeting, scenario.plan.mics);
    if (scenario.plan.graphics) meeting.startGraphicsTraffic();
    await sleep(settings.settleSeconds * 1000);
    const measure = (seconds: number) => withSenderCpu(settings.senderCost, () => page.window(seconds));
    const side = async (window: WindowFigures, senderCpuPercent: number): Promise<SideRound> => ({
      window,
      firstFrameMs,
      errors: errorsOf(row) - errorsBefore,
      senderCpuPercent,
      trace,
      ...(audioOnly ? {} : { opening: await page.opening() }),
    });
    if (!exercise) {
      const { value: window, senderCpuPercent } = await measure(settings.windowSeconds);
      return { round: await side(window, senderCpuPercent) };
    }
    const before = await page.size();
    const churn = scenario.soak ? new SoakChurn(meeting.emulator, [...meeting.emulator.peers.keys()]) : undefined;
    churn?.start(settings.soakSeconds);
    const { value: window, senderCpuPercent } = await measure(scenario.soak ? settings.soakSeconds : settings.windowSeconds);
    if (churn) {
      churn.stop();
      // Past the speaker dwell and the stale-track grace, so the last change has settled before counting.
      await sleep(settings.dwellMs + 6000);
    }
    const after = await page.size();
    const tiles = await page.tiles();
    const receivedCameras = receivedSizes(meeting, VIEWPORTS[scenario.quality]);
    const floor: FloorInput = { tiles, videos: tiles.split(';').filter(Boolean).length, consumers: meeting.emulator.consumers().length };
    const switchesMs: number[] = [];
    const speaker = meeting.emulator.speakerId;
    for (const id of scenario.switchTo ?? []) {
      await page.page.evaluate(`window.benchProbe.armSpeaker(${JSON.stringify(id)}, ${JSON.stringify(scenario.switchRole ?? null)})`);
      meeting.emulator.speak(id);
      const ms = (await page.page.evaluate('window.benchProbe.armed')) as number | null;
      // What the template and the SDK add after the dwell: the consume, its first frame in place.
      if (ms !== null) switchesMs.push(ms - settings.dwellMs);
    }
    // The next rounds start as this one did.
    meeting.emulator.speak(speaker);
    const exercised: Exercised = {
      heapGrowthMB: after.heapMB - before.heapMB,
      domNodesGrowth: after.nodes - before.nodes,
      switchesMs,
      visible: await page.page.locator('rec-tile').count(),
      receivedCameras,
      ...(churn ? { soakSeconds: settings.soakSeconds, reconnected: meeting.emulator.joins >= 2 } : {}),
    };
    return { round: await side(window, senderCpuPercent), exercised, floor };
  } finally {
    meeting.stopGraphicsTraffic();
    await leave(row);
  }
}

/** The layer sizes the cameras are received at now, e.g. `640x360 ×4` (biggest first). */
function receivedSizes(meeting: BenchMeeting, camera: { width: number; height: number }): string | null {
  const sizes = simulcastSizes(camera);
  const counts = new Map<number, number>();
  for (const layer of meeting.emulator.cameraLayers().values()) counts.set(layer, (counts.get(layer) ?? 0) + 1);
  if (counts.size === 0) return null;
  return [...counts]
    .sort(([a], [b]) => b - a)
    .map(([layer, n]) => `${sizes[layer]?.width}x${sizes[layer]?.height} ×${n}`)
    .join(', ');
}

/** Opens the SDK floor on the row's meeting (the template's videos, at the same quality and sizes) and lets it settle; its first-frame time and phase trace. */
async function openFloor(settings: RecorderSettings, { page, meeting }: Row, input: FloorInput, quality: Quality): Promise<{ firstFrameMs: number | null; trace: PhaseTrace }> {
  await page.page.goto(`${settings.baseUrl}bench/${settings.floorPage}?${meeting.query(`quality=${quality}&tiles=${input.tiles}`)}`);
  const firstFrameMs = input.videos > 0 ? await page.firstFrameMs(30_000) : null;
  const trace = await page.phaseTrace();
  await consumersSettled(meeting, input.consumers);
  await sleep(settings.settleSeconds * 1000);
  return { firstFrameMs, trace };
}

/** One window on the SDK floor: the same meeting, the template's videos in plain elements. */
async function floorRound(settings: RecorderSettings, row: Row, input: FloorInput, quality: Quality): Promise<SideRound> {
  const { page } = row;
  const errorsBefore = errorsOf(row);
  try {
    const { firstFrameMs, trace } = await openFloor(settings, row, input, quality);
    const { value: window, senderCpuPercent } = await withSenderCpu(settings.senderCost, () => page.window(settings.windowSeconds));
    return { window, firstFrameMs, errors: errorsOf(row) - errorsBefore, senderCpuPercent, trace };
  } finally {
    await leave(row);
  }
}

/**
 * The SDK floor under the soak's churn (new ids from p1000 on): its heap and DOM growth, what the
 * SDK itself keeps, to set the template's against. Its fps are not comparable (the shown peers leave).
 */
async function floorSoakRound(settings: RecorderSettings, row: Row, input: FloorInput, quality: Quality): Promise<SideRound> {
  const { page, meeting } = row;
  const errorsBefore = errorsOf(row);
  try {
    const { firstFrameMs, trace } = await openFloor(settings, row, input, quality);
    const before = await page.size();
    const churn = new SoakChurn(meeting.emulator, [...meeting.emulator.peers.keys()], 1000);
    churn.start(settings.soakSeconds);
    const { value: window, senderCpuPercent } = await withSenderCpu(settings.senderCost, () => page.window(settings.soakSeconds));
    churn.stop();
    await sleep(settings.dwellMs + 6000);
    const after = await page.size();
    const growth = { heapMB: after.heapMB - before.heapMB, nodes: after.nodes - before.nodes };
    return { window, firstFrameMs, errors: errorsOf(row) - errorsBefore, senderCpuPercent, growth, trace };
  } finally {
    await leave(row);
  }
}

/** Measures one recorder scenario against the SDK floor, alternating in the same browser (see `alternate`). */
export async function runRecorderScenario(scenario: RecorderScenario, settings: RecorderSettings): Promise<ScenarioResult> {
  // One page and one emulated meeting for the row: template and floor take turns in them (a soak's
  // floor would sit in the room the churn left; the soak is judged by its own figures, so it has none).
  const page = await MeasuredPage.blank(settings.browser, settings.cost, viewportOf(scenario));
  const meeting = await BenchMeeting.open(page.page, settings.sender, scenario.plan, setupOf(scenario, settings.clips));
  const row = { page, meeting };
  let exercised: Exercised | undefined;
  let floor: FloorInput | undefined;
  try {
    const { templates, floors } = await alternate(
      settings.rounds,
      scenario.soak === true,
      async (first) => {
        const result = await templateRound(scenario, settings, row, first);
        exercised ??= result.exercised;
        floor ??= result.floor;
        return result.round;
      },
      scenario.soak
        ? settings.soakFloor
          ? () => floorSoakRound(settings, row, floor as FloorInput, scenario.quality)
          : null
        : () => floorRound(settings, row, floor as FloorInput, scenario.quality),
    );
    const { camera, share } = formatNames(scenario);
    const facts = { name: scenario.name, participants: scenario.plan.participants, table: 'recorder' as const, viewport: viewportOf(scenario), camera, share };
    return summarize(facts, exercised as Exercised, templates, floors);
  } finally {
    for (const problem of meeting.problems()) console.error(`  emulator: ${problem}`);
    await page.close();
    await meeting.close();
  }
}
