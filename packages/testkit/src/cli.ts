#!/usr/bin/env node
/**
 * `videosdk-template-test <url or built folder>`: films a recording template as VideoSDK's recorder
 * would, on an emulated meeting, and prints one line per check. Exit 0: all hold; 1: one failed; 2: bad arguments.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Report, RunOptions } from './report.js';
import { runTemplateTest } from './run.js';
import { type StaticServer, serveStatic } from './serve.js';

const DEFAULTS = { peers: 5, timeout: 20, core: 0, cpuSeconds: 5 } as const;

const HELP = `Usage: videosdk-template-test <url or built folder> [options]

Films a VideoSDK recording template as VideoSDK's recorder would: the page's own
@videosdk.live/js-sdk joins an emulated meeting as the recorder, emulated participants
send real camera and microphone media, and Chromium runs pinned to one core. Checks that
the page reaches a live frame, never shows the recorder or a viewer, presents every
on-screen camera, plays every microphone (on screen or not), survives a RECORDING_LAYOUT
message and a socket drop, shows an error frame when the token is refused, and throws no
page error. Reports the first-frame time and CPU on one core.

  <url>              http(s) address of the template page (served by you)
  <folder>           a built template (with index.html), served by the kit on 127.0.0.1

Options:
  --query <params>   extra template URL parameters, e.g. "layoutType=SIDEBAR&theme=DARK" (default: none)
  --peers <n>        participants who send, 1-16; all but the last have a camera (default: ${DEFAULTS.peers})
  --timeout <s>      seconds the page may take to reach each expected state, 1-120 (default: ${DEFAULTS.timeout})
  --core <n>         CPU core the recorder's browser is pinned to with taskset (default: ${DEFAULTS.core}; not pinned without taskset)
  --cpu-seconds <s>  length of the CPU measurement, 1-60 (default: ${DEFAULTS.cpuSeconds})
  --json             print the report as JSON (for CI)
  -h, --help         this text

Chromium: CHROMIUM_PATH, else /usr/lib/chromium/chromium or /usr/bin/chromium (nothing is downloaded).
Exit status: 0 every check passed, 1 a check failed, 2 bad arguments.`;

/** A bad argument: exit 2 with its message. */
class UsageError extends Error {}

function integer(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${flag}: expected an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

interface Parsed {
  readonly help: boolean;
  readonly json: boolean;
  readonly target: string;
  readonly options: Omit<RunOptions, 'url'>;
}

function parse(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        query: { type: 'string' },
        peers: { type: 'string' },
        timeout: { type: 'string' },
        core: { type: 'string' },
        'cpu-seconds': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true, json: false, target: '', options: { query: '', peers: 0, timeoutMs: 0, core: null, cpuWindowMs: 0 } };
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <url or built folder>' : `expected one <url or built folder>, got ${positionals.length}: ${positionals.join(' ')}`);
  const query = (values.query ?? '').replace(/^\?/, '');
  for (const reserved of ['token', 'meetingId', 'participantId']) {
    if (new URLSearchParams(query).has(reserved)) throw new UsageError(`--query: ${reserved} is set by the kit (the emulated meeting's), leave it out`);
  }
  return {
    help: false,
    json: values.json ?? false,
    target: positionals[0] ?? '',
    options: {
      query,
      peers: integer('peers', values.peers, DEFAULTS.peers, 1, 16),
      timeoutMs: integer('timeout', values.timeout, DEFAULTS.timeout, 1, 120) * 1000,
      core: integer('core', values.core, DEFAULTS.core, 0, 1023),
      cpuWindowMs: integer('cpu-seconds', values['cpu-seconds'], DEFAULTS.cpuSeconds, 1, 60) * 1000,
    },
  };
}

/** The page to film: an http(s) URL as given, or a folder served on loopback. */
async function resolveTarget(target: string): Promise<{ url: string; server?: StaticServer }> {
  if (/^https?:\/\//i.test(target)) {
    try {
      return { url: new URL(target).href };
    } catch {
      throw new UsageError(`<url>: "${target}" is not a valid URL`);
    }
  }
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(target)) throw new UsageError(`<url>: only http and https URLs are accepted, got "${target}"`);
  const folder = resolve(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`<folder>: "${target}" is neither an http(s) URL nor a folder`);
  if (!existsSync(join(folder, 'index.html'))) throw new UsageError(`<folder>: "${target}" has no index.html (build the template first, e.g. npm run build, and pass dist/)`);
  const server = await serveStatic({ '/': folder });
  return { url: server.url, server };
}

function text(report: Report, target: string): string {
  const lines = [`videosdk-template-test ${target}`];
  for (const check of report.checks) {
    lines.push(check.ok ? `  ok    ${check.id}: ${check.detail}` : `  FAIL  ${check.id}: ${check.detail}. Fix: ${check.fix ?? ''}`);
  }
  const core = report.pinnedCore === null ? 'not pinned' : `pinned to core ${report.pinnedCore}`;
  const cpu = report.cpuPercent === null ? 'not measured' : `${report.cpuPercent.toFixed(0)} % of one core (${core})`;
  lines.push(`first frame: ${report.firstFrameMs === null ? 'none' : `${Math.round(report.firstFrameMs)} ms`}; CPU: ${cpu}; run: ${(report.durationMs / 1000).toFixed(1)} s`);
  // Another process on the recorder's core slows the page down: say so, the figures are then low.
  if (report.coreBusyPercent !== null && report.cpuPercent !== null && report.coreBusyPercent - report.cpuPercent > 25) {
    lines.push(`note: core ${report.pinnedCore} was ${report.coreBusyPercent.toFixed(0)} % busy, ${(report.coreBusyPercent - report.cpuPercent).toFixed(0)} % of it other processes: frame rates and times are lower than on the recorder's own core`);
  } else if (report.coreBusyPercent !== null && report.cpuPercent === null && report.coreBusyPercent > 90) {
    lines.push(`note: core ${report.pinnedCore} was ${report.coreBusyPercent.toFixed(0)} % busy over the run (this browser included): if other processes were running, free the core or raise --timeout`);
  }
  const failed = report.checks.filter((c) => !c.ok).length;
  lines.push(failed === 0 ? `passed: all ${report.checks.length} checks` : `failed: ${failed} of ${report.checks.length} checks`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`videosdk-template-test: ${error.message}\nRun videosdk-template-test --help for usage.`);
    return 2;
  }
  if (parsed.help) {
    console.log(HELP);
    return 0;
  }
  let target;
  try {
    target = await resolveTarget(parsed.target);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`videosdk-template-test: ${error.message}`);
    return 2;
  }
  try {
    const report = await runTemplateTest({ url: target.url, ...parsed.options });
    console.log(parsed.json ? JSON.stringify(report, null, 2) : text(report, parsed.target));
    return report.passed ? 0 : 1;
  } finally {
    await target.server?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`videosdk-template-test: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
