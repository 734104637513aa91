/**
 * `npm run bench [-- --json FILE] [--quick] [--window S] [--rounds N] [--only NAME]`: the template on the simulated
 * meeting in headless Chromium pinned to one core, each scenario against the floor page in the same run,
 * plus the bundle's gzip weights. Prints a table; `--json` writes the figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BundleWeights, bundleWeights } from './lib/bundle.js';
import { BrowserCost, launchChromium } from './lib/chromium.js';
import { ensureClip } from './lib/clip.js';
import { FULL_RATE_FPS, SCENARIOS, type ScenarioResult, runScenario } from './lib/scenarios.js';
import { serveBench } from './lib/server.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/** The targets of issue 6. */
export const TARGETS = {
  cpuRatioVsFloor: 1.1,
  cpuRatioVs4of4: 1.1,
  soakHeapGrowthMB: 5,
  soakDomNodesGrowth: 20,
  recorderKB: 330,
  ownKB: 16,
  previewKB: 40,
} as const;

const { values: flags } = parseArgs({
  options: {
    json: { type: 'string' },
    quick: { type: 'boolean', default: false },
    window: { type: 'string' },
    rounds: { type: 'string' },
    only: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (flags.help) {
  console.log(`npm run bench -- [--json FILE] [--quick] [--window SECONDS] [--rounds N] [--only "grid 4/4"]...

Measures the built template (dist/, built first if missing) on the simulated meeting, each scenario
followed by the floor page with the same videos, in headless Chromium pinned to core 0 (BENCH_CORE).
--window: seconds per measuring window (default 6); --rounds: template/floor window pairs per
scenario, figures are their medians (default 3). --quick: one round of short windows (a smoke run,
figures too noisy to compare).`);
  process.exit(0);
}

if (!existsSync(join(DIST, 'index.html'))) {
  console.log('dist/ is missing: building it (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
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
const windowSeconds = positive('window', flags.window, flags.quick ? 3 : 6);
const rounds = positive('rounds', flags.rounds, flags.quick ? 1 : 3, true);
const viewport = { width: 1280, height: 720 }; // quality=med, landscape: the default recording
const unknown = (flags.only ?? []).filter((name) => !SCENARIOS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`--only ${unknown.map((n) => JSON.stringify(n)).join(', ')}: no such scenario; accepted: ${SCENARIOS.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}
const scenarios = SCENARIOS.filter((s) => !flags.only || flags.only.includes(s.name));

const server = await serveBench(DIST, join(ROOT, 'bench'));
// The clip is made outside the measured browser, on both cores, once per size.
const maker = await launchChromium({ pinned: false });
const clip = await ensureClip(maker, `${server.url}bench/page/blank.html`, viewport).finally(() => maker.close());
const browser = await launchChromium();
const cost = await BrowserCost.attach(browser);
const results: ScenarioResult[] = [];
try {
  for (const scenario of scenarios) {
    process.stdout.write(`  ${scenario.name}…\n`);
    results.push(
      await runScenario(scenario, {
        browser,
        cost,
        baseUrl: server.url,
        clip,
        viewport,
        windowSeconds,
        rounds,
        settleSeconds: flags.quick ? 1 : 2,
        soakSeconds: flags.quick ? 6 : 30,
        dwellMs: 1500,
      }),
    );
  }
} finally {
  await browser.close();
  await server.close();
}

const bundle = bundleWeights(DIST);
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  chromium: browser.version(),
  node: process.version,
  pinnedToCores: 1,
};
printTable(results, bundle);

if (flags.json) {
  const file = resolve(flags.json);
  mkdirSync(dirname(file), { recursive: true });
  const report = { date: new Date().toISOString(), machine, windowSeconds, rounds, targets: TARGETS, scenarios: results, bundle };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}

function printTable(rows: readonly ScenarioResult[], weights: BundleWeights): void {
  const show = (v: number | null) => (v === null ? '–' : String(v));
  const header = ['scenario', 'people', 'tiles', 'fps', 'floor fps', 'cpu %', 'floor %', 'ratio', 'full-rate', 'heap Δ MB', 'nodes Δ', '1st frame ms', 'switch ms', 'peak MB', 'other load %'];
  const lines = rows.map((r) => [
    r.scenario,
    r.participants,
    r.visible,
    r.fpsMedian,
    r.floorFpsMedian,
    r.cpuPercent,
    r.floorCpuPercent,
    r.cpuRatioVsFloor,
    `${r.fullRateRounds}/${r.floorFullRateRounds} of ${r.rounds}`,
    r.heapGrowthMB,
    r.domNodesGrowth,
    r.firstFrameMs,
    r.speakerSwitchMs,
    r.peakMemoryMB,
    `${show(r.otherLoadPercent)}/${show(r.floorOtherLoadPercent)}`,
  ].map((v) => (typeof v === 'string' ? v : show(v))));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));

  const kb = (v: number) => `${v.toFixed(1)} KB`;
  console.log(`\nBundle (gzip): recorder ${kb(weights.recorderKB)} (target ≤ ${TARGETS.recorderKB}), SDK ${kb(weights.sdkKB)}, own code ${kb(weights.ownKB)} (target ≤ ${TARGETS.ownKB}), preview ${kb(weights.previewKB)} (target ≤ ${TARGETS.previewKB})`);
  const base = rows.find((r) => r.scenario === 'grid 4/4')?.cpuPercent;
  for (const r of rows) {
    const checks: string[] = [];
    if (r.cpuRatioVsFloor !== null) checks.push(`vs floor ${r.cpuRatioVsFloor} ${r.cpuRatioVsFloor <= TARGETS.cpuRatioVsFloor ? 'ok' : 'MISS'}`);
    if (base && r.cpuPercent !== null && /4\/(25|100)/.test(r.scenario)) {
      const ratio = r.cpuPercent / base;
      checks.push(`vs grid 4/4 ${ratio.toFixed(2)} ${ratio <= TARGETS.cpuRatioVs4of4 ? 'ok' : 'MISS'}`);
    }
    if (r.scenario.startsWith('soak') && r.heapGrowthMB !== null && r.domNodesGrowth !== null) {
      checks.push(`heap ${r.heapGrowthMB} MB ${r.heapGrowthMB <= TARGETS.soakHeapGrowthMB ? 'ok' : 'MISS'}`);
      checks.push(`nodes ${r.domNodesGrowth} ${Math.abs(r.domNodesGrowth) <= TARGETS.soakDomNodesGrowth ? 'ok' : 'MISS'}`);
    }
    console.log(`  ${r.scenario}: ${checks.join(', ')}`);
  }
  console.log(`Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores (browser pinned to one), Chromium ${browser.version()}`);
  console.log('other load %: the pinned core\'s use by other processes (template/floor windows); above ~10 % the figures are unreliable.');
  console.log(`full-rate: windows (template/floor) in which every video presented ≥ ${FULL_RATE_FPS} fps; CPU figures are their medians.`);
}
