/**
 * Chromium as VideoSDK's recorder runs it: headless, every process pinned to one core where taskset
 * exists, with deterministic flags; and the CPU the whole browser process tree uses.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium-path.mjs';

/** The Chromium binary, or an error saying how to get one (the kit never downloads a browser). */
export function chromiumBinary(): string {
  const path = chromiumPath();
  if (!path) throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to its binary.');
  return path;
}

/** Whether `taskset` can pin a process here (Linux with util-linux). */
export function canPin(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/** A shell wrapper that runs Chromium, and so every child process, on `core` (taskset). */
export function pinnedExecutable(core: number): string {
  // One file per process and core, rewritten on each launch: nothing piles up in the temp folder.
  const wrapper = join(tmpdir(), `videosdk-chromium-core${core}-${process.pid}.sh`);
  writeFileSync(wrapper, `#!/bin/sh\nexec taskset -c ${core} ${JSON.stringify(chromiumBinary())} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

/** Launches headless Chromium, pinned to `core` when given and taskset exists. */
export async function launchChromium({ core, args = [] }: { core?: number | null; args?: readonly string[] } = {}): Promise<Browser> {
  const pinned = core !== undefined && core !== null && canPin();
  return chromium.launch({
    executablePath: pinned ? pinnedExecutable(core) : chromiumBinary(),
    args: [...CHROMIUM_ARGS, ...args],
  });
}

/** CPU seconds each process of `browser` has used so far, by pid (CDP SystemInfo.getProcessInfo). */
export async function browserCpu(browser: Browser): Promise<ReadonlyMap<number, number>> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ id: number; cpuTime: number }> };
    return new Map(processInfo.map((p) => [p.id, p.cpuTime]));
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Share of one core the tree used between two samples `seconds` apart, in percent. */
export function cpuPercent(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>, seconds: number): number {
  let used = 0;
  // A process born during the window counts from zero; one that died is lost (rare in a steady window).
  for (const [pid, time] of after) used += time - (before.get(pid) ?? 0);
  return (used / seconds) * 100;
}

/** Busy and total jiffies of one core (/proc/stat), or null where that is not readable. */
export function coreJiffies(core: number): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith(`cpu${core} `));
    if (!line) return null;
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}
