/**
 * The transport under every REST call: a fresh short-lived crawler token per attempt sent as the raw
 * `Authorization` header, a timeout on every attempt, bounded retries with backoff where a re-send
 * cannot do anything twice (docs/launcher.md, "Retries"), typed errors for everything else, and
 * every error message redacted before it leaves.
 */
import { VideoSdkError, type VideoSdkErrorKind } from './errors.js';
import { Redactor } from './redact.js';
import { readServerReply } from './server-message.js';
import { type Credentials, mintToken } from './token.js';

/** Lifetime of the token sent with each REST call. */
export const REST_TOKEN_TTL_SECONDS = 600;
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

/** One REST call: `secrets` are values of this request (stream keys, upload URLs) never to be shown. */
export interface RequestSpec {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: object;
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

/** True when fetch failed before the request was sent (every address refused, unknown host…). */
function nothingSent(error: unknown): boolean {
  const cause = rootCause(error);
  const codeOf = (value: unknown): string | undefined => (value as NodeJS.ErrnoException | undefined)?.code;
  // Node tries each address of a host in turn and reports them together.
  const codes = codeOf(cause) === undefined && cause instanceof AggregateError ? cause.errors.map(codeOf) : [codeOf(cause)];
  return codes.length > 0 && codes.every((code) => code !== undefined && NOT_SENT_CODES.has(code));
}

const UNKNOWN_OUTCOME = 'not re-sent, as it changes state and may have taken effect: the outcome is unknown';

type Attempt =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number; readonly final: VideoSdkError };

/** Sends REST calls with the retry policy; one per client. */
export class Transport {
  private readonly options: TransportOptions;

  constructor(options: TransportOptions) {
    this.options = options;
  }

  /** Sends one call, re-sending it only where that is safe, and resolves to the body of the 2xx answer. */
  async request(spec: RequestSpec): Promise<string> {
    const { network, onRetry, random = Math.random } = this.options;
    const wait = this.options.sleep ?? sleep;
    const signal = [this.options.signal, spec.signal].filter((s): s is AbortSignal => s !== undefined);
    const combined = signal.length > 1 ? AbortSignal.any(signal) : signal[0];
    const redactor = new Redactor(false);
    redactor.addSecret(this.options.credentials.secret);
    for (const secret of spec.secrets ?? []) redactor.addSecret(secret);
    const attempts = network.retries + 1;
    try {
      for (let attempt = 1; ; attempt += 1) {
        const result = await this.attempt(spec, combined, (text) => redactor.redact(text));
        if (result.kind === 'done') return result.text;
        if (attempt >= attempts) throw result.final;
        // maxRetryWaitMs bounds only what the server asks for; our own backoff has its own cap.
        if (result.retryAfterMs !== undefined && result.retryAfterMs > network.maxRetryWaitMs) throw result.final;
        const backoff = Math.min(MAX_BACKOFF_MS, network.retryBaseMs * 2 ** (attempt - 1));
        const delayMs = result.retryAfterMs ?? Math.round(backoff * (0.5 + random() * 0.5));
        onRetry?.({ attempt: attempt + 1, attempts, delayMs, reason: redactor.redact(result.reason) });
        await wait(delayMs, combined);
      }
    } catch (error) {
      // Whatever VideoSDK echoed (a token, the secret, a stream key) is gone before the caller sees it.
      throw error instanceof VideoSdkError ? error.redacted((text) => redactor.redact(text)) : error;
    }
  }

  private url(spec: RequestSpec): URL {
    const { baseUrl } = this.options;
    const url = new URL(spec.path.replace(/^\//, ''), baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`);
    for (const [name, value] of Object.entries(spec.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  }

  private async attempt(spec: RequestSpec, signal: AbortSignal | undefined, redact: (text: string) => string): Promise<Attempt> {
    const { baseUrl, credentials, network, names } = this.options;
    const endpoint = `${spec.method} ${spec.path}`;
    // Only a GET may be sent twice whatever happened; every POST and DELETE here changes state.
    const idempotent = spec.method === 'GET';
    const { token } = await mintToken(credentials, { ttlSeconds: REST_TOKEN_TTL_SECONDS, roles: ['crawler'] });
    const timeout = AbortSignal.timeout(network.timeoutMs);
    let status: number;
    let text: string;
    let headers: Headers;
    try {
      const response = await fetch(this.url(spec), {
        method: spec.method,
        headers: {
          authorization: token,
          accept: 'application/json',
          ...(spec.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(spec.body !== undefined ? { body: JSON.stringify(spec.body) } : {}),
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
        // A redirect is reported, never followed: it would carry the token elsewhere and could re-send a POST.
        redirect: 'manual',
      });
      status = response.status;
      headers = response.headers;
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      // A timeout may fire after the request was sent, so it counts as sent.
      const reason = timeout.aborted ? `no answer within ${network.timeoutMs} ms` : describeNetworkError(error);
      if (!idempotent && (timeout.aborted || !nothingSent(error))) {
        throw new VideoSdkError('outcomeUnknown', `${endpoint} to ${baseUrl.host} failed after the request was sent: ${reason}; ${UNKNOWN_OUTCOME}`, { endpoint });
      }
      const final = new VideoSdkError('network', `${endpoint} to ${baseUrl.host} failed: ${reason}; check the network or ${names.apiUrl}`, { endpoint });
      return { kind: 'retry', reason, final };
    }
    if (status >= 200 && status < 300) return { kind: 'done', text };
    // Redacted before it is cut to length: a secret cut in half would no longer be recognised.
    const { message, code } = readServerReply(redact(text));
    const fail = (kind: VideoSdkErrorKind, text: string): VideoSdkError => new VideoSdkError(kind, text, { status, code, endpoint });
    if (status >= 300 && status < 400) {
      const location = headers.get('location');
      const target = location === null ? 'no Location' : `Location ${readServerReply(redact(location)).message}`;
      throw fail('api', `VideoSDK answered ${endpoint} with a redirect (${status}, ${target}); redirects are not followed: check ${names.apiUrl}`);
    }
    if (status === 401 || status === 403) {
      throw fail('auth', `VideoSDK refused the credentials (${status}) on ${endpoint}: ${message}; check ${names.credentials}`);
    }
    // 429 and 503 say the request was turned away, not processed: safe to retry even for a POST.
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
      const after = retryAfterMs !== undefined ? `; VideoSDK asks to retry after ${Math.ceil(retryAfterMs / 1000)} s` : '';
      const final = status === 429 ? fail('api', `VideoSDK rate-limited ${endpoint} (429): ${message}${after}`) : fail('api', `VideoSDK failed on ${endpoint} (${status}): ${message}${after}`);
      const reason = status === 429 ? 'rate limited (429)' : `VideoSDK answered ${status}`;
      return { kind: 'retry', reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), final };
    }
    if (status >= 500) {
      if (!idempotent) throw fail('outcomeUnknown', `VideoSDK failed on ${endpoint} (${status}): ${message}; ${UNKNOWN_OUTCOME}`);
      return { kind: 'retry', reason: `VideoSDK answered ${status}`, final: fail('api', `VideoSDK failed on ${endpoint} (${status}): ${message}`) };
    }
    throw fail('api', `VideoSDK rejected ${endpoint} (${status}): ${message}`);
  }
}
