/**
 * The transport under every REST call: VideoSDK's server SDK builds the request (path, query, body,
 * its REST token) and our `fetch` hook decides what each answer means. The hook adds what the SDK
 * lacks: redirects reported and never followed, a cap on the reply's size, echoed secrets redacted
 * before anything reads the reply, and "outcome unknown" for a state-changing request that may have
 * arrived. Retries are ours (the SDK's are off): bounded, with backoff, only where a re-send cannot do
 * anything twice (docs/launcher.md, "Retries").
 */
import { TimeoutError, VideoSDK } from '@videosdk.live/server-sdk';
import { VideoSdkError, type VideoSdkErrorKind } from './errors.js';
import { Redactor } from './redact.js';
import { readServerReply } from './server-message.js';
import type { Credentials } from './token.js';

/** Lifetime of the token the SDK signs for REST calls. */
export const REST_TOKEN_TTL_SECONDS = 600;
/** The largest reply read from VideoSDK (8 MB); a longer one is cut off and reported. */
export const MAX_REPLY_BYTES = 8 * 1024 * 1024;
const MAX_BACKOFF_MS = 30_000;

/** How requests behave on slow or failing networks. */
export interface NetworkSettings {
  /** Per-attempt timeout. */
  readonly timeoutMs: number;
  /** Retries after the first attempt, for the failures that are safe to retry. */
  readonly retries: number;
  /** First backoff delay; doubled on each retry, with jitter, capped at 30 s. */
  readonly retryBaseMs: number;
  /** The longest Retry-After honoured; a longer one fails at once. It does not cap the backoff. */
  readonly maxRetryWaitMs: number;
}

/** The defaults: 15 s per attempt, 3 retries from 500 ms, Retry-After up to 60 s. */
export const DEFAULT_NETWORK: NetworkSettings = Object.freeze({ timeoutMs: 15_000, retries: 3, retryBaseMs: 500, maxRetryWaitMs: 60_000 });

/** Reported before each retry so a caller can say why it is waiting. */
export interface RetryNotice {
  readonly attempt: number;
  readonly attempts: number;
  readonly delayMs: number;
  readonly reason: string;
}

/** How messages name the settings a user can fix (the CLI names its environment variables). */
export interface SettingNames {
  readonly credentials: string;
  readonly apiUrl: string;
}

/** Everything the transport needs; `sleep` and `random` are replaceable so tests need not wait. */
export interface TransportOptions {
  readonly baseUrl: URL;
  readonly credentials: Credentials;
  readonly network: NetworkSettings;
  readonly names: SettingNames;
  readonly onRetry?: ((notice: RetryNotice) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
}

/** One REST call: `send` makes it through the SDK; `secrets` (stream keys, upload URLs) are never shown. */
export interface CallSpec<T> {
  readonly send: (sdk: VideoSDK) => Promise<T>;
  readonly secrets?: readonly (string | undefined)[];
  readonly signal?: AbortSignal | undefined;
}

/** Waits `ms`, or rejects early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function rootCause(error: unknown): unknown {
  return error instanceof Error && error.cause instanceof Error ? error.cause : error;
}

function describeNetworkError(error: unknown): string {
  const cause = rootCause(error);
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const text = cause instanceof Error ? cause.message : String(cause);
  return code ? `${code} (${text})` : text;
}

// Failures to connect at all: not one byte of the request left, so re-sending cannot do anything twice.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
// fetch refuses some ports (6000, 6665…) before it connects, with this message and no code.
const NOT_SENT_MESSAGES = new Set(['bad port']);

/** True when fetch failed before the request was sent (every address refused, unknown host, blocked port…). */
function nothingSent(error: unknown): boolean {
  const cause = rootCause(error);
  if (cause instanceof Error && NOT_SENT_MESSAGES.has(cause.message)) return true;
  const codeOf = (value: unknown): string | undefined => (value as NodeJS.ErrnoException | undefined)?.code;
  // Node tries each address of a host in turn and reports them together.
  const codes = codeOf(cause) === undefined && cause instanceof AggregateError ? cause.errors.map(codeOf) : [codeOf(cause)];
  return codes.length > 0 && codes.every((code) => code !== undefined && NOT_SENT_CODES.has(code));
}

const UNKNOWN_OUTCOME = 'not re-sent, as it changes state and may have taken effect: the outcome is unknown';

/** What our fetch hook made of one attempt, thrown through the SDK (which keeps it as its error's cause). */
class AttemptEnd extends Error {
  readonly retry: boolean;
  readonly error: VideoSdkError;
  readonly retryAfterMs: number | undefined;
  readonly reason: string;

  constructor(error: VideoSdkError, retry?: { reason: string; retryAfterMs?: number | undefined }) {
    super(error.message);
    this.error = error;
    this.retry = retry !== undefined;
    this.reason = retry?.reason ?? error.message;
    this.retryAfterMs = retry?.retryAfterMs;
  }
}

function attemptEndOf(error: unknown): AttemptEnd | undefined {
  for (let item = error; item instanceof Error; item = item.cause) if (item instanceof AttemptEnd) return item;
  return undefined;
}

/** The body, read up to `limit` bytes; undefined when it is longer (the rest is never read). */
async function readCapped(response: Response, limit: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** True for a 2xx body VideoSDK could have sent: JSON, or a plain-text message. */
function looksLikeVideoSdk(text: string, contentType: string | null): boolean {
  if (text === '' || /^text\/plain\b/i.test(contentType ?? '')) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Sends REST calls with the retry policy; one per client. */
export class Transport {
  private readonly options: TransportOptions;

  constructor(options: TransportOptions) {
    this.options = options;
  }

  /** Makes one call, re-sending it only where that is safe, and resolves to what the SDK returned. */
  async request<T>(spec: CallSpec<T>): Promise<T> {
    const { network, onRetry, random = Math.random } = this.options;
    const wait = this.options.sleep ?? sleep;
    const signals = [this.options.signal, spec.signal].filter((s): s is AbortSignal => s !== undefined);
    const combined = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const redactor = new Redactor(false);
    redactor.addSecret(this.options.credentials.secret);
    for (const secret of spec.secrets ?? []) redactor.addSecret(secret);
    const redact = (text: string): string => redactor.redact(text);
    const sdk = new VideoSDK({
      apiKey: this.options.credentials.apiKey,
      secret: this.options.credentials.secret,
      apiEndpoint: this.options.baseUrl.href,
      tokenOptions: { expiresIn: REST_TOKEN_TTL_SECONDS },
      timeoutMs: network.timeoutMs,
      maxRetries: 0,
      fetch: (input, init) => this.fetchHook(input, init, combined, redactor),
    });
    const attempts = network.retries + 1;
    try {
      for (let attempt = 1; ; attempt += 1) {
        const end = await this.attempt(spec, sdk, combined);
        if (!('retry' in end)) return end.value;
        if (!end.retry || attempt >= attempts) throw end.error;
        // maxRetryWaitMs bounds only what the server asks for; our own backoff has its own cap.
        if (end.retryAfterMs !== undefined && end.retryAfterMs > network.maxRetryWaitMs) throw end.error;
        const backoff = Math.min(MAX_BACKOFF_MS, network.retryBaseMs * 2 ** (attempt - 1));
        const delayMs = end.retryAfterMs ?? Math.round(backoff * (0.5 + random() * 0.5));
        onRetry?.({ attempt: attempt + 1, attempts, delayMs, reason: redact(end.reason) });
        await wait(delayMs, combined);
      }
    } catch (error) {
      // Whatever VideoSDK echoed (a token, the secret, a stream key) is gone before the caller sees it.
      throw error instanceof VideoSdkError ? error.redacted(redact) : error;
    }
  }

  private async attempt<T>(spec: CallSpec<T>, sdk: VideoSDK, signal: AbortSignal | undefined): Promise<{ value: T } | AttemptEnd> {
    try {
      return { value: await spec.send(sdk) };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const end = attemptEndOf(error);
      if (end !== undefined) return end;
      if (error instanceof TimeoutError) {
        const endpoint = `${error.method ?? '?'} ${error.path ?? '?'}`;
        const reason = `no answer within ${this.options.network.timeoutMs} ms`;
        // A timeout may fire after the request was sent, so it counts as sent.
        if (error.method !== 'GET') throw this.unknownOutcome(endpoint, reason);
        return new AttemptEnd(this.networkError(endpoint, reason), { reason });
      }
      // The SDK refused the call before sending it (a bad option): nothing left this process.
      if (error instanceof VideoSdkError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new VideoSdkError('invalid', `VideoSDK's server SDK refused the request before sending it: ${message}`);
    }
  }

  private unknownOutcome(endpoint: string, reason: string): VideoSdkError {
    return new VideoSdkError('outcomeUnknown', `${endpoint} to ${this.options.baseUrl.host} failed after the request was sent: ${reason}; ${UNKNOWN_OUTCOME}`, { endpoint });
  }

  private networkError(endpoint: string, reason: string): VideoSdkError {
    return new VideoSdkError('network', `${endpoint} to ${this.options.baseUrl.host} failed: ${reason}; check the network or ${this.options.names.apiUrl}`, { endpoint });
  }

  /** The SDK's fetch: sends one attempt and throws an AttemptEnd for every answer but a usable 2xx. */
  private async fetchHook(input: string, init: RequestInit | undefined, caller: AbortSignal | undefined, redactor: Redactor): Promise<Response> {
    const method = (init?.method ?? 'GET').toUpperCase();
    const endpoint = `${method} ${new URL(input).pathname}`;
    // Only a GET may be sent twice whatever happened; every POST and DELETE here changes state.
    const idempotent = method === 'GET';
    const redact = (text: string): string => redactor.redact(text);
    const token = new Headers(init?.headers).get('authorization');
    if (token !== null) redactor.addSecret(token);
    const signals = [init?.signal, caller].filter((s): s is AbortSignal => s !== undefined && s !== null);
    let response: Response;
    try {
      // A redirect is reported, never followed: it would carry the token elsewhere and could re-send a POST.
      response = await fetch(input, { ...init, redirect: 'manual', ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}) });
    } catch (error) {
      if (signals.some((s) => s.aborted)) throw error;
      const reason = describeNetworkError(error);
      if (!idempotent && !nothingSent(error)) throw new AttemptEnd(this.unknownOutcome(endpoint, reason));
      throw new AttemptEnd(this.networkError(endpoint, reason), { reason });
    }
    const { status, headers } = response;
    const raw = await readCapped(response, MAX_REPLY_BYTES);
    const fail = (kind: VideoSdkErrorKind, message: string, code?: number): VideoSdkError => new VideoSdkError(kind, message, { status, code, endpoint });
    if (raw === undefined) {
      const message = `VideoSDK's answer to ${endpoint} (${status}) is over ${MAX_REPLY_BYTES} bytes and was not read`;
      throw new AttemptEnd(!idempotent && status < 300 ? this.unknownOutcome(endpoint, message) : fail('api', message));
    }
    // Redacted before anything reads it: the SDK, our messages and the caller see no echoed secret.
    const text = redact(raw);
    if (status >= 200 && status < 300) {
      if (looksLikeVideoSdk(text, headers.get('content-type'))) return new Response(text, { status, headers });
      const what = `answered ${endpoint} with ${status} and a body that is not JSON (${headers.get('content-type') ?? 'no content-type'}): ${readServerReply(text).message}`;
      throw new AttemptEnd(idempotent ? fail('api', `Something other than VideoSDK ${what}; check ${this.options.names.apiUrl}`) : this.unknownOutcome(endpoint, `something other than VideoSDK ${what}`));
    }
    // Redacted before it is cut to length: a secret cut in half would no longer be recognised.
    const { message, code } = readServerReply(text);
    const failed = (kind: VideoSdkErrorKind, message: string): AttemptEnd => new AttemptEnd(fail(kind, message, code));
    if (status >= 300 && status < 400) {
      const location = headers.get('location');
      const target = location === null ? 'no Location' : `Location ${readServerReply(redact(location)).message}`;
      throw failed('api', `VideoSDK answered ${endpoint} with a redirect (${status}, ${target}); redirects are not followed: check ${this.options.names.apiUrl}`);
    }
    if (status === 401 || status === 403) {
      throw failed('auth', `VideoSDK refused the credentials (${status}) on ${endpoint}: ${message}; check ${this.options.names.credentials}`);
    }
    // 429 and 503 say the request was turned away, not processed: safe to retry even for a POST.
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
      const after = retryAfterMs !== undefined ? `; VideoSDK asks to retry after ${Math.ceil(retryAfterMs / 1000)} s` : '';
      const error = status === 429 ? fail('api', `VideoSDK rate-limited ${endpoint} (429): ${message}${after}`, code) : fail('api', `VideoSDK failed on ${endpoint} (${status}): ${message}${after}`, code);
      throw new AttemptEnd(error, { reason: status === 429 ? 'rate limited (429)' : `VideoSDK answered ${status}`, retryAfterMs });
    }
    if (status >= 500) {
      if (!idempotent) throw failed('outcomeUnknown', `VideoSDK failed on ${endpoint} (${status}): ${message}; ${UNKNOWN_OUTCOME}`);
      throw new AttemptEnd(fail('api', `VideoSDK failed on ${endpoint} (${status}): ${message}`, code), { reason: `VideoSDK answered ${status}` });
    }
    throw failed('api', `VideoSDK rejected ${endpoint} (${status}): ${message}`);
  }
}
