/**
 * Credentials and tuning read from the environment or a `.env` file: never from flags, so the
 * secret does not land in shell history or process listings.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { DEFAULT_API_URL, MIN_SECRET_LENGTH } from '../server/client.js';
import { DEFAULT_NETWORK, type NetworkSettings } from '../server/http.js';
import type { Credentials } from '../server/token.js';
import { LauncherError, usageError } from './errors.js';

/** The environment as the launcher reads it (process.env, or a test's own object). */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The process environment merged over a `.env` file (the environment wins, as with `node --env-file`).
 * A missing default `.env` is fine; a missing file named with --env-file is a usage error.
 */
export async function loadEnv(env: Env, cwd: string, envFile: string | undefined): Promise<Env> {
  const path = resolve(cwd, envFile ?? '.env');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (envFile === undefined && code === 'ENOENT') return env;
    throw usageError(`--env-file: cannot read ${path} (${code ?? 'error'})`);
  }
  // A byte-order mark (Windows editors) would become part of the first variable's name.
  const clean = text.replace(/^\uFEFF/, '');
  const cut = cutByHash(clean);
  if (cut !== undefined) {
    throw usageError(`${path}: the value of ${cut} has an unquoted # and would be cut there (the rest reads as a comment); put the value in quotes: ${cut}="…"`);
  }
  const fromFile = parseEnv(clean) as Record<string, string>;
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) merged[name] = value;
  return merged;
}

/** The first variable whose unquoted value has a # inside it (not after a space, where it starts a comment). */
function cutByHash(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([^'"`\s].*)$/.exec(line);
    if (match && /[^\s]#/.test(match[2]!)) return match[1];
  }
  return undefined;
}

/** The API key and secret, or an auth error saying where to put them or why the secret cannot be one. */
export function readCredentials(env: Env): Credentials {
  const apiKey = env.VIDEOSDK_API_KEY?.trim();
  const secret = env.VIDEOSDK_SECRET?.trim();
  const missing = [apiKey ? undefined : 'VIDEOSDK_API_KEY', secret ? undefined : 'VIDEOSDK_SECRET'].filter(
    (name): name is string => name !== undefined,
  );
  if (missing.length > 0 || apiKey === undefined || secret === undefined) {
    throw new LauncherError(
      'auth',
      `missing ${missing.join(' and ')}: set them in the environment or in a .env file (see .env.example); they are never read from flags`,
    );
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new LauncherError(
      'auth',
      `VIDEOSDK_SECRET is too short to be a VideoSDK API secret (${secret.length} character${secret.length === 1 ? '' : 's'}; VideoSDK's are 64 hex characters, at least ${MIN_SECRET_LENGTH} are required): copy the whole secret from the VideoSDK dashboard`,
    );
  }
  return { apiKey, secret };
}

/** The REST API's base URL from VIDEOSDK_API_URL, validated. */
export function readApiUrl(env: Env): URL {
  const raw = env.VIDEOSDK_API_URL?.trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usageError(`VIDEOSDK_API_URL=${JSON.stringify(raw.replace(/\/\/[^/@]*@/, "//…@"))} is not a URL; accepted: an http(s) URL such as ${DEFAULT_API_URL}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw usageError(`VIDEOSDK_API_URL must be an http(s) URL, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw usageError('VIDEOSDK_API_URL must not contain a user name or password (the value is not shown); accepted: an http(s) URL such as https://api.videosdk.live');
  }
  return url;
}

function nonNegativeInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    throw usageError(`${name}=${JSON.stringify(raw)} is not valid; accepted: a non-negative integer`);
  }
  return Number(raw);
}

/** Timeouts and retry policy from VIDEOSDK_TIMEOUT_MS, VIDEOSDK_RETRIES, VIDEOSDK_RETRY_BASE_MS, VIDEOSDK_MAX_RETRY_WAIT_MS. */
export function readNetworkSettings(env: Env): NetworkSettings {
  const timeoutMs = nonNegativeInteger(env, 'VIDEOSDK_TIMEOUT_MS', DEFAULT_NETWORK.timeoutMs);
  if (timeoutMs === 0) throw usageError('VIDEOSDK_TIMEOUT_MS must be at least 1 (milliseconds)');
  return {
    timeoutMs,
    retries: Math.min(nonNegativeInteger(env, 'VIDEOSDK_RETRIES', DEFAULT_NETWORK.retries), 10),
    retryBaseMs: nonNegativeInteger(env, 'VIDEOSDK_RETRY_BASE_MS', DEFAULT_NETWORK.retryBaseMs),
    maxRetryWaitMs: nonNegativeInteger(env, 'VIDEOSDK_MAX_RETRY_WAIT_MS', DEFAULT_NETWORK.maxRetryWaitMs),
  };
}
