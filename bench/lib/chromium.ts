/**
 * Chromium as VideoSDK's recorder runs it: headless, pinned to one core, with the project's
 * deterministic flags; plus what the whole browser process tree costs (CPU time and memory).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { type Browser, type CDPSession, chromium } from 'playwright';
import { CHROMIUM_ARGS } from '../../packages/testkit/chromium-path.mjs';
import { chromiumBinary, cpuPercent, pinnedExecutable } from '../../packages/testkit/src/chromium.js';

// Where Chromium is and how it is pinned live in the kit (one place); the bench adds what it measures.
export { chromiumBinary, cpuPercent, pinnedExecutable };

/** The core the measured browser runs on: BENCH_CORE, default 0. */
export function benchCore(): number {
  return Number(process.env.BENCH_CORE ?? 0);
}

/** Another core, for what is not measured: the browser that sends the media, the driver and the emulator. */
export function otherCore(): number {
  return (benchCore() + 1) % Math.max(1, cpus().length);
}

/** Pins this process and all its threads to `core` (taskset), so the driver never runs on the measured core. */
export function pinThisProcess(core = otherCore()): void {
  const result = spawnSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { encoding: 'utf8' });
  if (result.status !== 0) console.warn(`Could not pin the benchmark's own process to core ${core} (${result.stderr.trim() || 'no taskset'}); it may load the measured core.`);
}

/** Launches headless Chromium; pinned to `core` (the measured one by default) unless `pinned` is false. */
export async function launchChromium({ pinned = true, core = benchCore() } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: pinned ? pinnedExecutable(core) : chromiumBinary(),
    args: [...CHROMIUM_ARGS],
  });
}

/** CPU seconds used so far by each process of the browser, by pid. */
export type CpuSample = ReadonlyMap<number, number>;

/** What a Chromium process does, for the CPU split: the page, compositing, audio output, sockets, the rest. */
export type ProcessKind = 'renderer' | 'gpu' | 'audio' | 'network' | 'browser' | 'other';

/** Every kind, in the order tables show them. */
export const PROCESS_KINDS: readonly ProcessKind[] = ['renderer', 'gpu', 'audio', 'network', 'browser', 'other'];

/** CPU seconds so far per process, with what each process is. */
export type ProcessSample = ReadonlyMap<number, { readonly kind: ProcessKind; readonly cpu: number }>;

/** Share of one core per process kind, in percent. */
export type CpuSplit = Readonly<Record<ProcessKind, number>>;

/** The kind of a process from CDP's type (utility processes are named by their service). */
function kindOf(type: string): ProcessKind {
  if (type === 'renderer' || type === 'browser') return type;
  if (type === 'GPU') return 'gpu';
  if (type.startsWith('audio.')) return 'audio';
  if (type.startsWith('network.')) return 'network';
  return 'other';
}

interface ProcessInfo {
  readonly id: number;
  readonly type: string;
  readonly cpuTime: number;
}

/** Reads CPU time and memory of every process of one browser (through its CDP SystemInfo domain). */
export class BrowserCost {
  private constructor(private readonly session: CDPSession) {}

  static async attach(browser: Browser): Promise<BrowserCost> {
    return new BrowserCost(await browser.newBrowserCDPSession());
  }

  private async processes(): Promise<ProcessInfo[]> {
    const { processInfo } = (await this.session.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo[] };
    return processInfo;
  }

  /** Cumulative CPU seconds per process. */
  async cpu(): Promise<CpuSample> {
    return new Map((await this.processes()).map((p) => [p.id, p.cpuTime]));
  }

  /** Cumulative CPU seconds per process, with each process's kind. */
  async cpuByProcess(): Promise<ProcessSample> {
    return new Map((await this.processes()).map((p) => [p.id, { kind: kindOf(p.type), cpu: p.cpuTime }]));
  }

  /** Proportional memory (PSS, so shared pages count once) of the whole tree, in MB. */
  async memoryMB(): Promise<number> {
    let kb = 0;
    for (const { id } of await this.processes()) kb += pssKB(id);
    return kb / 1024;
  }
}

/** Share of one core per process kind between two samples `seconds` apart, in percent. */
export function cpuSplit(before: ProcessSample, after: ProcessSample, seconds: number): CpuSplit {
  const split: Record<ProcessKind, number> = { renderer: 0, gpu: 0, audio: 0, network: 0, browser: 0, other: 0 };
  for (const [pid, { kind, cpu }] of after) split[kind] += ((cpu - (before.get(pid)?.cpu ?? 0)) / seconds) * 100;
  return split;
}

function pssKB(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** Samples the tree's memory every `everyMs` until stopped; `peakMB` is the largest sample. */
export class MemorySampler {
  peakMB = 0;
  private timer?: ReturnType<typeof setInterval>;
  private pending = Promise.resolve();

  constructor(
    private readonly cost: BrowserCost,
    private readonly everyMs = 1000,
  ) {}

  start(): this {
    const sample = () => {
      this.pending = this.cost.memoryMB().then(
        (mb) => void (this.peakMB = Math.max(this.peakMB, mb)),
        () => undefined,
      );
    };
    sample();
    this.timer = setInterval(sample, this.everyMs);
    return this;
  }

  async stop(): Promise<number> {
    clearInterval(this.timer);
    await this.pending;
    return this.peakMB;
  }
}

/** Busy and total jiffies of one CPU core, from /proc/stat. */
export interface CoreSample {
  readonly busy: number;
  readonly total: number;
}

/** Reads core `core`'s counters (zeros where /proc/stat is unavailable). */
export function coreSample(core = benchCore()): CoreSample {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith(`cpu${core} `));
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = (line ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return { busy: user + nice + system + irq + softirq + steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** How busy the core was between two samples, in percent (null without /proc/stat). */
export function coreBusyPercent(before: CoreSample, after: CoreSample): number | null {
  const total = after.total - before.total;
  return total > 0 ? ((after.busy - before.busy) / total) * 100 : null;
}
