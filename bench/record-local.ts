/**
 * `npm run record:local -- <template URL> [--seconds N] [--out FILE.webm]`: films a template URL the
 * way VideoSDK's recorder does (headless Chromium pinned to one core, the viewport of the URL's
 * quality and orientation) and prints what it saw: presented fps, CPU of the whole browser tree,
 * peak memory. The page is captured with CDP screencast frames, which a second (unmeasured) browser
 * re-times to 30 fps and encodes to VP8 WebM with its MediaRecorder.
 * With `--emulated [--peers N] [--share] ["layoutType=…&…"]` it films the production build (dist/)
 * joined through the real SDK to an emulated meeting (packages/testkit/src/emulator/) whose synthetic participants
 * send camera and mic over WebRTC from a third, unmeasured browser, and take turns speaking.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BrowserCost, MemorySampler, cpuPercent, launchChromium } from './lib/chromium.js';
import { MeasuredPage, median } from './lib/measure.js';
import { serveBench } from './lib/server.js';
import { parseTemplateParams } from '../src/config/url-params.js';
import { outputSize } from '../src/preview/preview-url.js';
import { EmulatedMeeting } from '../packages/testkit/src/emulator/media-meeting.js';

const FPS = 30;

/** A captured page frame: JPEG bytes (base64) and when it was presented, in seconds. */
interface Frame {
  readonly data: string;
  readonly at: number;
}

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '10' },
    out: { type: 'string', default: 'recording.webm' },
    emulated: { type: 'boolean', default: false },
    peers: { type: 'string', default: '3' },
    share: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const seconds = Number(flags.seconds);
const peers = Number(flags.peers);
// Emulated: the positional argument is optional and only adds template parameters to the page URL.
const query = flags.emulated ? (positionals[0] ?? '').replace(/^[^?]*\?/, '') : '';
const url = flags.emulated ? `emulated meeting, ${peers} participants${flags.share ? ' and a screen share' : ''}` : positionals[0];
if (flags.help || !url || !(seconds > 0) || !(Number.isInteger(peers) && peers >= 0)) {
  console.log('Usage: npm run record:local -- <template URL> [--seconds N] [--out FILE.webm]');
  console.log('       npm run record:local -- --emulated [--peers N] [--share] ["layoutType=SIDEBAR&…"] [--seconds N] [--out FILE.webm]');
  process.exit(flags.help ? 0 : 2);
}
const ROOT = resolve(import.meta.dirname, '..');
if (flags.emulated && !existsSync(join(ROOT, 'dist', 'index.html'))) {
  console.log('dist/ is missing: building it (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { options } = parseTemplateParams(flags.emulated ? new URLSearchParams(query) : new URL(url).searchParams);
const viewport = outputSize(options.quality, options.orientation);
console.log(`Recording ${url}\n  ${viewport.width}×${viewport.height} (quality ${options.quality}, ${options.orientation}), ${seconds} s, Chromium pinned to one core`);

const browser = await launchChromium();
const cost = await BrowserCost.attach(browser);
// Emulated: the production build on a loopback port, and the participants' media from another browser.
const server = flags.emulated ? await serveBench(join(ROOT, 'dist'), join(ROOT, 'bench')) : undefined;
const mediaBrowser = flags.emulated ? await launchChromium({ pinned: false }) : undefined;
let meeting: EmulatedMeeting | undefined;
const frames: Frame[] = [];
let figures: { fps: number | null; cpu: number; peakMB: number; state: string | null; firstFrameMs: number | null };
try {
  const memory = new MemorySampler(cost).start();
  const target = await MeasuredPage.open(browser, cost, server ? 'about:blank' : url, viewport);
  if (server && mediaBrowser) meeting = await EmulatedMeeting.open(target.page, mediaBrowser, server.url, { peers, share: flags.share, query });
  await target.page
    .locator('html:not([data-state="loading"])')
    .waitFor({ timeout: 30_000 })
    .catch(() => console.warn('  the page stayed in data-state="loading" for 30 s; recording it anyway'));
  const firstFrameMs = await target.firstFrameMs(5000);
  const session = await target.page.context().newCDPSession(target.page);
  session.on('Page.screencastFrame', (event: { data: string; sessionId: number; metadata: { timestamp?: number } }) => {
    frames.push({ data: event.data, at: event.metadata.timestamp ?? Date.now() / 1000 });
    session.send('Page.screencastFrameAck', { sessionId: event.sessionId }).catch(() => undefined);
  });
  await session.send('Page.startScreencast', { format: 'jpeg', quality: 85, maxWidth: viewport.width, maxHeight: viewport.height, everyNthFrame: 1 });
  await target.page.evaluate('window.benchProbe.startWindow()');
  const before = await cost.cpu();
  const startedAt = performance.now();
  await (meeting ? meeting.play(seconds) : new Promise((done) => setTimeout(done, seconds * 1000)));
  const after = await cost.cpu();
  const elapsed = (performance.now() - startedAt) / 1000;
  await session.send('Page.stopScreencast');
  const window = (await target.page.evaluate('window.benchProbe.endWindow()')) as { fps: number[] };
  figures = {
    fps: median(window.fps),
    cpu: cpuPercent(before, after, elapsed),
    peakMB: await memory.stop(),
    state: await target.page.locator('html').getAttribute('data-state'),
    firstFrameMs,
  };
  for (const problem of meeting?.problems() ?? []) console.warn(`  emulator: ${problem}`);
} finally {
  await meeting?.close();
  await browser.close();
  await mediaBrowser?.close();
  await server?.close();
}

const captured = frames.length > 1 ? (frames.length - 1) / ((frames.at(-1) as Frame).at - (frames[0] as Frame).at) : 0;
const out = resolve(flags.out);
writeFileSync(out, await encodeWebm(frames, viewport, seconds));
const one = (v: number | null) => (v === null ? '–' : v.toFixed(1));
console.log(`  data-state: ${figures.state}; first video frame: ${figures.firstFrameMs === null ? '–' : `${Math.round(figures.firstFrameMs)} ms`}`);
console.log(`  presented fps (median per video tile): ${one(figures.fps)}`);
console.log(`  page frames captured: ${frames.length} (${captured.toFixed(1)} fps, re-timed to ${FPS} fps)`);
console.log(`  CPU, whole browser tree: ${figures.cpu.toFixed(1)} % of one core (capture included)`);
console.log(`  peak memory, whole browser tree (PSS): ${figures.peakMB.toFixed(0)} MB`);
console.log(`  wrote ${out}`);

/** Re-times the captured frames to 30 fps and encodes them to VP8 WebM in an unpinned browser (takes `seconds`). */
async function encodeWebm(captured: readonly Frame[], size: { width: number; height: number }, duration: number): Promise<Buffer> {
  if (captured.length === 0) throw new Error('No frame was captured from the page.');
  const encoder = await launchChromium({ pinned: false });
  try {
    const page = await encoder.newPage();
    const start = (captured[0] as Frame).at;
    // For each output frame, the last captured frame presented by then (a still page sends few frames).
    const picks: number[] = [];
    for (let k = 0, i = 0; k < Math.round(duration * FPS); k++) {
      while (i + 1 < captured.length && (captured[i + 1] as Frame).at - start <= k / FPS) i++;
      picks.push(i);
    }
    await page.evaluate(`window.frames = []; window.picks = ${JSON.stringify(picks)};`);
    for (let i = 0; i < captured.length; i += 30) {
      const batch = captured.slice(i, i + 30).map((f) => f.data);
      await page.evaluate(`window.frames.push(...${JSON.stringify(batch)})`);
    }
    const base64 = await page.evaluate(`(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = ${size.width};
      canvas.height = ${size.height};
      const ctx = canvas.getContext('2d', { alpha: false });
      const track = canvas.captureStream(0).getVideoTracks()[0];
      const recorder = new MediaRecorder(new MediaStream([track]), { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 4000000 });
      const chunks = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      const bitmap = async (i) => createImageBitmap(await (await fetch('data:image/jpeg;base64,' + window.frames[i])).blob());
      let shown = -1;
      recorder.start();
      const t0 = performance.now();
      for (let k = 0; k < window.picks.length; k++) {
        if (window.picks[k] !== shown) {
          shown = window.picks[k];
          const image = await bitmap(shown);
          ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
          image.close();
        }
        track.requestFrame();
        const wait = t0 + ((k + 1) * 1000) / ${FPS} - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const stopped = new Promise((r) => (recorder.onstop = r));
      recorder.stop();
      await stopped;
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    })()`);
    return Buffer.from(String(base64), 'base64');
  } finally {
    await encoder.close();
  }
}
