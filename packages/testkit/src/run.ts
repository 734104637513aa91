/**
 * Films a template as VideoSDK's recorder would and judges it: the page's own SDK joins the emulated
 * meeting as the recorder (the emulator answers VideoSDK's hosts inside the browser), emulated peers
 * send real WebRTC media from a second browser, and the recorder's browser is pinned to one core.
 */
import { cpus } from 'node:os';
import type { Browser, Page } from 'playwright';
import { browserCpu, canPin, coreJiffies, cpuPercent, launchChromium } from './chromium.js';
import { VideoSdkEmulator, aJoinToken } from './emulator/emulator.js';
import { realMedia } from './emulator/media-real.js';
import { signallingOnlyMedia } from './emulator/media-signalling-only.js';
import { CHECKS, type CheckId, type CheckResult, FIXES, type Report, type RunOptions } from './report.js';
import { type HeardAudio, type TileVideo, WATCHER_SCRIPT, listenTo, nonBackgroundShare, readFrame, readWatcher, watchTiles } from './probes.js';

/** The viewport the recorder films at, from the template's `quality` and `orientation` parameters. */
export function viewportOf(query: string): { width: number; height: number } {
  const params = new URLSearchParams(query);
  const sizes: Record<string, [number, number]> = { low: [640, 360], med: [1280, 720], high: [1920, 1080] };
  const [width, height] = sizes[(params.get('quality') ?? 'med').toLowerCase()] ?? [1280, 720];
  return (params.get('orientation') ?? '').toLowerCase() === 'portrait' ? { width: height, height: width } : { width, height };
}

const NAMES = ['Ada Lovelace', 'Bo Lindqvist', 'Chloé Martin', 'Dev Patel', 'Eva Novak', 'Femi Adeyemi', 'Gustavo Lima', 'Hana Sato'];
const VIEWER = 'viewer-1';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `probe` until `ok` holds or `timeoutMs` passes; returns the last value either way. */
async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await sleep(250);
    value = await probe();
  }
  return value;
}

/** The template URL VideoSDK's composer would open: the author's URL plus token, meetingId, participantId and `query`. */
function templateUrl(base: string, emulator: VideoSdkEmulator, query: string, token = aJoinToken()): string {
  const url = new URL(base);
  url.searchParams.set('token', token);
  url.searchParams.set('meetingId', emulator.meetingId);
  url.searchParams.set('participantId', emulator.recorderId);
  for (const [name, value] of new URLSearchParams(query)) url.searchParams.set(name, value);
  return url.href;
}

/**
 * The ids whose camera presents no frames in the window (or nothing decoded): a frozen or empty tile
 * presents none. The rate is reported, not judged: it depends on the machine (see coreBusyPercent).
 */
function silentCameras(tiles: Record<string, TileVideo>, expected: readonly string[]): string[] {
  return expected.filter((id) => {
    const tile = tiles[id];
    return !tile || tile.frames < 1 || tile.width === 0;
  });
}

function describeCamera(id: string, tile: TileVideo | undefined): string {
  if (!tile) return `${id}: tile gone`;
  if (!tile.hasVideo) return `${id}: no <video> in its tile`;
  return `${id}: ${tile.frames} frames in 1 s${tile.width === 0 ? ', nothing decoded' : ''}`;
}

function audible(heard: HeardAudio | undefined): boolean {
  return heard !== undefined && !heard.paused && heard.advanced > 0.4 && heard.track === 'live' && heard.peak > 0.01;
}

function describeAudio(id: string, heard: HeardAudio | undefined): string {
  if (!heard?.found) return `${id}: no <audio data-key="mic:${id}">`;
  if (heard.track === 'none') return `${id}: its <audio> has no track`;
  if (heard.paused) return `${id}: its <audio> is paused`;
  return `${id}: ${heard.advanced < 0.4 ? 'its clock stands still' : heard.track !== 'live' ? `track ${heard.track}` : 'silent'}`;
}

/** One filming of the template on real media: every check but the refused token. */
class MeetingRun {
  readonly results: CheckResult[] = [];
  firstFrameMs: number | null = null;
  cpu: number | null = null;
  coreBusy: number | null = null;
  private readonly senders: string[];
  private readonly cameras: string[];
  // Whether cameras and mics worked at first: only then do the later checks judge them again (no double blame).
  private camerasOk = false;
  private audioOk = false;

  constructor(
    private readonly page: Page,
    private readonly emulator: VideoSdkEmulator,
    private readonly recorder: Browser,
    private readonly options: RunOptions,
  ) {
    this.senders = Array.from({ length: options.peers }, (_, i) => `p${i + 1}`);
    // The last sender has no camera (unless alone): a tile without video, and a voice to hear.
    this.cameras = options.peers > 1 ? this.senders.slice(0, -1) : this.senders;
  }

  private pass(id: CheckId, detail: string): void {
    this.results.push({ id, ok: true, detail });
  }

  private fail(id: CheckId, detail: string): void {
    this.results.push({ id, ok: false, detail, fix: FIXES[id] });
  }

  private audioOnly(): boolean {
    return (new URLSearchParams(this.options.query).get('mode') ?? '').toLowerCase() === 'audio';
  }

  async run(): Promise<void> {
    const { page, emulator, options } = this;
    this.senders.forEach((id, i) => emulator.addPeer({ id, name: NAMES[i % NAMES.length] ?? id, webcam: this.cameras.includes(id) }));
    emulator.addPeer({ id: VIEWER, name: 'Viewer', mode: 'RECV_ONLY' });
    emulator.speak(this.senders[0] ?? null);
    await page.addInitScript(WATCHER_SCRIPT);
    await page.goto(templateUrl(options.url, emulator, options.query), { waitUntil: 'commit' });

    const frame = await until(() => page.evaluate(readFrame), (f) => f.state === 'live' && f.shown.length > 0, options.timeoutMs);
    if (frame.state !== 'live' || frame.shown.length === 0) {
      this.fail('live', `after ${options.timeoutMs / 1000} s: data-state="${frame.state}", ${frame.shown.length} tiles`);
      return;
    }
    this.pass('live', `data-state="live" with ${frame.shown.length} tiles`);
    // VideoSDK may announce the recorder to itself; it must stay off screen like the viewer.
    emulator.addPeer({ id: emulator.recorderId, name: 'recorder', webcam: false, mic: false });

    this.camerasOk = await this.checkCameras('cameras');
    this.audioOk = await this.checkAudio('audio');
    await this.measure();
    await this.layoutMessage();
    await this.socketDrop();

    const shown = (await page.evaluate(readWatcher, false)).everShown;
    const intruders = shown.filter((id) => id === emulator.recorderId || id === VIEWER);
    if (intruders.length > 0) this.fail('hidden', `shown: ${intruders.map((id) => (id === VIEWER ? `the RECV_ONLY viewer ${id}` : `the recorder ${id}`)).join(', ')}`);
    else this.pass('hidden', `never showed the recorder (${emulator.recorderId}) or the viewer (${VIEWER})`);
  }

  /** Every on-screen participant with a camera presents frames; returns whether all did. */
  private async checkCameras(id: CheckId): Promise<boolean> {
    if (this.audioOnly()) {
      if (id === 'cameras') this.pass(id, 'mode=audio: no camera is expected');
      return true;
    }
    const expected = async () => (await this.page.evaluate(readFrame)).shown.filter((p) => this.cameras.includes(p));
    let onScreen: string[] = [];
    const tiles = await until(
      async () => {
        onScreen = await expected();
        return this.page.evaluate(watchTiles, 1000);
      },
      (seen) => onScreen.length > 0 && silentCameras(seen, onScreen).length === 0,
      this.options.timeoutMs,
    );
    const silent = silentCameras(tiles, onScreen);
    if (id !== 'cameras') return onScreen.length > 0 && silent.length === 0;
    if (onScreen.length === 0) this.fail(id, `none of the ${this.cameras.length} participants with a camera is on screen`);
    else if (silent.length > 0) this.fail(id, `no frames from ${silent.map((p) => describeCamera(p, tiles[p])).join('; ')}`);
    else this.pass(id, `${onScreen.length} cameras on screen present frames (${onScreen.map((p) => tiles[p]?.frames).join(', ')} fps; the peers send 15)`);
    return silent.length === 0 && onScreen.length > 0;
  }

  /** Every sender's microphone plays, on screen or not; returns whether all did. */
  private async checkAudio(id: CheckId): Promise<boolean> {
    const heard = await until(
      () => this.page.evaluate(listenTo, [this.senders, 800] as const),
      (h) => this.senders.every((p) => audible(h[p])),
      this.options.timeoutMs,
    );
    const mute = this.senders.filter((p) => !audible(heard[p]));
    if (id !== 'audio') return mute.length === 0;
    const shown = (await this.page.evaluate(readFrame)).shown;
    const offScreen = this.senders.filter((p) => !shown.includes(p)).length;
    if (mute.length > 0) this.fail(id, `not heard: ${mute.map((p) => `${describeAudio(p, heard[p])}${shown.includes(p) ? '' : ' (off screen)'}`).join('; ')}`);
    else this.pass(id, `${this.senders.length} microphones play (${offScreen} of them off screen)`);
    return mute.length === 0;
  }

  /** First frame (from the watcher) and CPU over the window, in the steady meeting. */
  private async measure(): Promise<void> {
    this.firstFrameMs = (await this.page.evaluate(readWatcher, false)).firstFrameMs;
    const before = await browserCpu(this.recorder);
    const core = this.options.core === null ? null : coreJiffies(this.options.core);
    const started = Date.now();
    await sleep(this.options.cpuWindowMs);
    this.cpu = cpuPercent(before, await browserCpu(this.recorder), (Date.now() - started) / 1000);
    const coreAfter = this.options.core === null ? null : coreJiffies(this.options.core);
    if (core && coreAfter && coreAfter.total > core.total) this.coreBusy = ((coreAfter.busy - core.busy) / (coreAfter.total - core.total)) * 100;
  }

  private async layoutMessage(): Promise<void> {
    await this.page.evaluate(readWatcher, true);
    const message = { layout: { type: 'SIDEBAR', priority: 'SPEAKER', gridSize: 3 } };
    this.emulator.publish('RECORDING_LAYOUT', JSON.stringify(message));
    await sleep(1500);
    const cameras = !this.camerasOk || (await this.checkCameras('layout-message'));
    const watched = await this.page.evaluate(readWatcher, false);
    const problems = this.stability(watched.states, watched.fewestTiles);
    if (!cameras) problems.push('cameras on screen stopped presenting frames');
    if (problems.length > 0) this.fail('layout-message', `after ${JSON.stringify(message)}: ${problems.join('; ')}`);
    else this.pass('layout-message', `stayed live through ${JSON.stringify(message)}${this.camerasOk ? ', cameras presenting' : ''}`);
  }

  private async socketDrop(): Promise<void> {
    await this.page.evaluate(readWatcher, true);
    await this.emulator.dropSocket();
    const joins = await until(async () => this.emulator.joins, (n) => n >= 2, 20_000);
    if (joins < 2) {
      this.fail('socket-drop', 'the SDK did not re-join within 20 s of the drop');
      return;
    }
    const cameras = !this.camerasOk || (await this.checkCameras('socket-drop'));
    const audio = !this.audioOk || (await this.checkAudio('socket-drop'));
    const watched = await this.page.evaluate(readWatcher, false);
    const problems = this.stability(watched.states, watched.fewestTiles);
    if (!cameras) problems.push('cameras did not present frames again after the re-join');
    if (!audio) problems.push('microphones did not play again after the re-join');
    if (problems.length > 0) this.fail('socket-drop', problems.join('; '));
    else this.pass('socket-drop', `stayed live through the drop and re-join${this.camerasOk && this.audioOk ? '; cameras and microphones came back' : ''}`);
  }

  /** What went wrong with the frame in a window: a state other than live, or an empty stage. */
  private stability(states: readonly string[], fewestTiles: number): string[] {
    const problems: string[] = [];
    const others = states.filter((s) => s !== 'live');
    if (others.length > 0) problems.push(`data-state went to ${others.map((s) => `"${s}"`).join(', ')}`);
    if (fewestTiles === 0) problems.push('the stage was empty at some point');
    return problems;
  }
}

/** A join the server refuses (init-config 401, as for an invalid token): the page must show an error frame. */
async function refusedToken(recorder: Browser, options: RunOptions): Promise<{ result: CheckResult; pageErrors: string[] }> {
  const context = await recorder.newContext({ viewport: viewportOf(options.query) });
  const page = await context.newPage();
  const emulator = await VideoSdkEmulator.start(page, { media: signallingOnlyMedia() });
  emulator.initConfig.reply = { kind: 'error', status: 401, code: 4001, error: 'Token is invalid or expired' };
  try {
    await page.goto(templateUrl(options.url, emulator, options.query), { waitUntil: 'commit' });
    const frame = await until(() => page.evaluate(readFrame), (f) => f.state === 'error', options.timeoutMs);
    if (frame.state !== 'error') {
      return { result: { id: 'refused-token', ok: false, detail: `data-state="${frame.state}" ${options.timeoutMs / 1000} s after VideoSDK refused the token (4001)`, fix: FIXES['refused-token'] }, pageErrors: emulator.pageErrors };
    }
    await sleep(500); // let the error frame paint
    const shot = `data:image/png;base64,${(await page.screenshot()).toString('base64')}`;
    // Measured on a blank page: the template's own Content-Security-Policy may refuse to fetch a data: URL.
    const scratch = await context.newPage();
    const drawn = await scratch.evaluate(nonBackgroundShare, shot).finally(() => scratch.close());
    const ok = drawn >= 0.001;
    const detail = ok ? `data-state="error", ${(drawn * 100).toFixed(1)} % of the frame drawn` : 'data-state="error" but the frame is blank (one colour)';
    return { result: { id: 'refused-token', ok, detail, ...(ok ? {} : { fix: FIXES['refused-token'] }) }, pageErrors: emulator.pageErrors };
  } finally {
    await page.close();
    await emulator.close();
    await context.close();
  }
}

/** Films the template and runs every check. */
export async function runTemplateTest(options: RunOptions): Promise<Report> {
  const started = Date.now();
  const pinnedCore = options.core !== null && canPin() ? options.core : null;
  const recorder = await launchChromium({ core: pinnedCore });
  // The peers' media is sent from another browser, off the measured core (the other one, if there is one).
  const senderCore = pinnedCore === null || cpus().length < 2 ? null : pinnedCore === 0 ? 1 : 0;
  const sender = await launchChromium({ core: senderCore, args: ['--disable-features=WebRtcHideLocalIpsWithMdns'] });
  const checks: CheckResult[] = [];
  let firstFrameMs: number | null = null;
  let cpu: number | null = null;
  let coreBusy: number | null = null;
  const pageErrors: string[] = [];
  try {
    const context = await recorder.newContext({ viewport: viewportOf(options.query) });
    const senderContext = await sender.newContext();
    const page = await context.newPage();
    const media = await realMedia(senderContext, page, { warn: () => undefined });
    const emulator = await VideoSdkEmulator.start(page, { media });
    const meeting = new MeetingRun(page, emulator, recorder, { ...options, core: pinnedCore });
    const coreBefore = pinnedCore === null ? null : coreJiffies(pinnedCore);
    try {
      await meeting.run();
    } finally {
      // Without a CPU window (the page never settled), how busy the core was over the whole run.
      const coreAfter = pinnedCore === null ? null : coreJiffies(pinnedCore);
      if (meeting.coreBusy === null && coreBefore && coreAfter && coreAfter.total > coreBefore.total) {
        meeting.coreBusy = ((coreAfter.busy - coreBefore.busy) / (coreAfter.total - coreBefore.total)) * 100;
      }
      checks.push(...meeting.results);
      firstFrameMs = meeting.firstFrameMs;
      cpu = meeting.cpu;
      coreBusy = pinnedCore === null ? null : meeting.coreBusy;
      pageErrors.push(...emulator.pageErrors, ...emulator.protocolErrors.map((e) => `emulated VideoSDK: ${e}`));
      await page.close();
      await emulator.close();
      await context.close();
      await senderContext.close();
    }
    const refused = await refusedToken(recorder, options);
    checks.push(refused.result);
    pageErrors.push(...refused.pageErrors);
  } finally {
    await Promise.allSettled([recorder.close(), sender.close()]);
  }
  const unique = [...new Set(pageErrors)];
  checks.push(
    unique.length === 0
      ? { id: 'page-errors', ok: true, detail: 'no uncaught error in the page' }
      : { id: 'page-errors', ok: false, detail: unique.slice(0, 5).join(' | '), fix: FIXES['page-errors'] },
  );
  // Checks that never ran (the page never went live) fail too, so the report always has all of them.
  for (const id of CHECKS) {
    if (!checks.some((c) => c.id === id)) checks.push({ id, ok: false, detail: 'not run: the page never showed a live frame', fix: FIXES.live });
  }
  checks.sort((a, b) => CHECKS.indexOf(a.id) - CHECKS.indexOf(b.id));
  return { url: options.url, passed: checks.every((c) => c.ok), checks, firstFrameMs, cpuPercent: cpu, pinnedCore, coreBusyPercent: coreBusy, durationMs: Date.now() - started };
}
