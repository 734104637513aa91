/**
 * `npm run bench [-- --json FILE] [--quick] [--window S] [--rounds N] [--sim-rounds N] [--soak S] [--only NAME]…`: the
 * production page in headless Chromium pinned to one core, in two tables. Recorder: the real SDK joined
 * to an emulated meeting whose media comes over WebRTC from a sender browser on the other core, against
 * the SDK floor. Simulated: the demo source, against bench/floor.html. Plus the bundle's gzip weights.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright';
import { bundleWeights } from './lib/bundle.js';
import { BrowserCost, benchCore, launchChromium, otherCore, pinThisProcess } from './lib/chromium.js';
import { ensureClip, senderClip } from './lib/clip.js';
import { ensureFloorBuild } from './lib/floor-build.js';
import { type CameraClips, type Quality, RECORDER_SCENARIOS, type SenderClips, VIEWPORTS, runRecorderScenario, simulcastSizes } from './lib/recorder.js';
import { type FailedRow, TARGETS, printReport } from './lib/report.js';
import type { ScenarioResult } from './lib/rounds.js';
import { SCENARIOS, runScenario } from './lib/scenarios.js';
import { serveBench } from './lib/server.js';

export { TARGETS } from './lib/report.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BENCH = join(ROOT, 'bench');

const { values: flags } = parseArgs({
  options: {
    json: { type: 'string' },
    quick: { type: 'boolean', default: false },
    window: { type: 'string' },
    rounds: { type: 'string' },
    'sim-rounds': { type: 'string' },
    soak: { type: 'string' },
    'soak-floor': { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const NAMES = [...RECORDER_SCENARIOS, ...SCENARIOS].map((s) => s.name);
if (flags.help) {
  console.log(`npm run bench -- [--json FILE] [--quick] [--window SECONDS] [--rounds N] [--sim-rounds N] [--soak SECONDS] [--soak-floor] [--only NAME]...

Measures the built template (dist/, built first if missing) in headless Chromium pinned to core ${benchCore()}
(BENCH_CORE), each scenario against its floor in the same run, template and floor windows alternating.
--window: seconds per measuring window (default 4); --rounds: template/floor pairs per recorder row,
figures are their medians (default 2); --sim-rounds: the same for simulated rows (default 1); --soak:
seconds of the recorder soak (default 600); --soak-floor: soak the SDK floor too (as long again), to
tell the SDK's heap growth from the template's. --quick: one round of
short windows and a 20 s soak (a smoke run, figures too noisy to compare). --only picks rows:
  ${NAMES.join(', ')}`);
  process.exit(0);
}

/** A positive number flag, or exit with a message naming the flag and what it accepts. */
function positive(name: string, value: string | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    console.error(`--${name} ${JSON.stringify(value)} is not valid: give a positive ${integer ? 'integer' : 'number'}.`);
    process.exit(2);
  }
  return n;
}
const windowSeconds = positive('window', flags.window, flags.quick ? 2 : 4);
const rounds = positive('rounds', flags.rounds, flags.quick ? 1 : 2, true);
const simRounds = positive('sim-rounds', flags['sim-rounds'], 1, true);
const soakSeconds = positive('soak', flags.soak, flags.quick ? 20 : 600);
const unknown = (flags.only ?? []).filter((name) => !NAMES.includes(name));
if (unknown.length > 0) {
  console.error(`--only ${unknown.map((n) => JSON.stringify(n)).join(', ')}: no such scenario; accepted: ${NAMES.join(', ')}.`);
  process.exit(2);
}
const picked = <T extends { name: string }>(list: readonly T[]) => list.filter((s) => !flags.only || flags.only.includes(s.name));
const recorderRows = picked(RECORDER_SCENARIOS);
const simulatedRows = picked(SCENARIOS);

if (!existsSync(join(DIST, 'index.html'))) {
  console.log('dist/ is missing: building it (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The driver and the emulated server run here: keep them, like the sender browser, off the measured core.
pinThisProcess(otherCore());
const startedAt = Date.now();
// A copy of dist/ taken now: someone rebuilding dist/ during the run cannot pull files from under it.
const snapshot = mkdtempSync(join(tmpdir(), 'bench-dist-'));
cpSync(DIST, snapshot, { recursive: true });
const floorPage = recorderRows.length > 0 ? await ensureFloorBuild() : '';
const server = await serveBench(snapshot, BENCH);
const simulatedViewport = VIEWPORTS.med; // quality=med, landscape: the default recording

/** The clips the selected rows need, made outside the measured browser (on the other core), once per size. */
async function makeClips(maker: Browser): Promise<{ simulated: string; sender: SenderClips }> {
  const page = `${server.url}bench/page/blank.html`;
  const read = async (size: { width: number; height: number }, kind: 'camera' | 'slide') =>
    readFileSync(join(BENCH, await ensureClip(maker, page, size, senderClip(kind)))).toString('base64');
  const camera: Partial<Record<Quality, CameraClips>> = {};
  for (const quality of new Set(recorderRows.map((s) => s.quality))) {
    const [quarter, half, full] = await Promise.all(simulcastSizes(VIEWPORTS[quality]).map((size) => read(size, 'camera')));
    camera[quality] = { clip: full ?? '', layers: [quarter ?? '', half ?? ''] };
  }
  return {
    simulated: simulatedRows.length > 0 ? await ensureClip(maker, page, simulatedViewport) : '',
    sender: { camera, share: recorderRows.some((s) => s.plan.share) ? await read(VIEWPORTS.high, 'slide') : '' },
  };
}

const maker = await launchChromium({ pinned: false });
const clips = await makeClips(maker).finally(() => maker.close());
const browser = await launchChromium();
const sender = await launchChromium({ core: otherCore() });
const [cost, senderCost] = await Promise.all([BrowserCost.attach(browser), BrowserCost.attach(sender)]);
const results: ScenarioResult[] = [];
const failed: FailedRow[] = [];

/** Runs one row; a row that throws is reported and the run goes on. */
async function row(name: string, run: () => Promise<ScenarioResult>): Promise<void> {
  process.stdout.write(`  ${name}…\n`);
  try {
    results.push(await run());
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    console.error(`  ${name} failed: ${message}`);
    failed.push({ scenario: name, error: message });
  }
}

try {
  const settle = 0.5;
  for (const scenario of recorderRows) {
    const settings = { browser, cost, sender, senderCost, baseUrl: server.url, floorPage, clips: clips.sender, windowSeconds, rounds, settleSeconds: settle, soakSeconds, soakFloor: flags['soak-floor'], dwellMs: 1500 };
    await row(scenario.name, () => runRecorderScenario(scenario, settings));
  }
  for (const scenario of simulatedRows) {
    const settings = { browser, cost, baseUrl: server.url, clip: clips.simulated, viewport: simulatedViewport, windowSeconds, rounds: simRounds, settleSeconds: settle, soakSeconds: flags.quick ? 6 : 15, dwellMs: 1500 };
    await row(scenario.name, () => runScenario(scenario, settings));
  }
} finally {
  await browser.close();
  await sender.close();
  await server.close();
}

const bundle = bundleWeights(snapshot);
rmSync(snapshot, { recursive: true, force: true });
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  chromium: browser.version(),
  node: process.version,
  pinnedToCores: 1,
};
const durationSeconds = Math.round((Date.now() - startedAt) / 1000);
printReport(results, failed, bundle, `${machine.cpu}, ${machine.cores} cores (browser pinned to core ${benchCore()}, sender and driver on core ${otherCore()}), ${machine.memoryGB} GB, Chromium ${machine.chromium}, Node ${machine.node}; ${Math.round(durationSeconds / 60)} min`);

if (flags.json) {
  const file = resolve(flags.json);
  mkdirSync(dirname(file), { recursive: true });
  const report = { date: new Date().toISOString(), machine, windowSeconds, rounds, simulatedRounds: simRounds, soakSeconds, durationSeconds, targets: TARGETS, scenarios: results, failed, bundle };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}
// The emulator's socket.io ping timers can outlive their closed pages, which would keep Node running.
process.exit(failed.length > 0 ? 1 : 0);
