/**
 * Helpers for driving `run` in-process: captured output, a throwaway working directory (so no real
 * .env is read), and a check that no secret or token ever reached stdout or stderr.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach } from 'node:test';
import { run } from '../../src/launcher/cli.js';
import { FakeRestApi } from './fake-rest-api.js';

export const API_KEY = 'test-api-key-7d1c';
export const SECRET = 'test-secret-4f9a1b2c3d4e5f60718293a4b5c6d7e8f9';
/** Stream keys the tests use: like the secret, none may ever be printed. */
export const STREAM_KEYS = ['live_4471_aK9xQ2mZ7pW3', 'twitch_live_0d1e2f3a4b5c', 'yt-abcd-efgh-ijkl-mnop'] as const;
const JWT = /eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/;

/** What one CLI run produced. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh empty directory to run in. */
export function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'videosdk-record-test-'));
}

/** Environment pointing at a fake API, with fast timeouts and retries. */
export function testEnv(apiUrl: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    VIDEOSDK_API_KEY: API_KEY,
    VIDEOSDK_SECRET: SECRET,
    VIDEOSDK_API_URL: apiUrl,
    VIDEOSDK_TIMEOUT_MS: '3000',
    VIDEOSDK_RETRIES: '2',
    VIDEOSDK_RETRY_BASE_MS: '1',
    ...extra,
  };
}

/** The fake API a test file shares and the environment pointing at it, filled in by its `before` hook. */
export interface FakeApi {
  fake: FakeRestApi;
  env: Record<string, string | undefined>;
}

/** Starts a fake VideoSDK for the calling test file, clears its requests and faults before each test, and stops it after. */
export function useFakeApi(): FakeApi {
  // Filled in before the first test runs; no test reads it earlier.
  const api = {} as FakeApi;
  before(async () => {
    api.fake = await FakeRestApi.start(SECRET, API_KEY);
    api.env = testEnv(api.fake.url);
  });
  after(async () => {
    await api.fake.close();
  });
  beforeEach(() => {
    api.fake.reset();
  });
  return api;
}

/** Asserts that the secret never appears, and no token either unless --show-token was passed. */
export function assertNoSecrets(result: CliResult, args: readonly string[]): void {
  const all = result.stdout + result.stderr;
  assert.ok(!all.includes(SECRET), 'the API secret was printed');
  for (const key of STREAM_KEYS) assert.ok(!all.includes(key), 'a stream key was printed');
  if (!args.includes('--show-token')) assert.doesNotMatch(all, JWT, 'a token was printed without --show-token');
}

/** Runs the CLI with captured output; `onOutput` sees each write as it happens. */
export async function runCli(
  args: readonly string[],
  env: Record<string, string | undefined>,
  options: { cwd?: string; signal?: AbortSignal; onOutput?: (stream: 'stdout' | 'stderr', text: string) => void } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (text) => {
      stdout += text;
      options.onOutput?.('stdout', text);
    },
    stderr: (text) => {
      stderr += text;
      options.onOutput?.('stderr', text);
    },
    env,
    cwd: options.cwd ?? emptyDir(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const result = { code, stdout, stderr };
  assertNoSecrets(result, args);
  return result;
}

/** The single JSON document a --json command printed on stdout. */
export function jsonOut(result: CliResult): Record<string, unknown> {
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What to run a child process with; `onStderr` sees the stderr so far on every write. */
export interface ProcessOptions {
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
  readonly timeoutMs?: number;
  readonly onStderr?: (stderr: string, child: ChildProcess) => void;
}

/** Runs a child process to its end, collecting its output; a timeout kills it (exit 124). */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, ...(options.timeoutMs ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 124 : -1), stdout, stderr }));
  });
}
