/**
 * A small client for VideoSDK's recording REST API: a fresh short-lived token per attempt sent as
 * the raw `Authorization` header, a timeout on every attempt, bounded retries with backoff where a
 * retry cannot do anything twice (docs/launcher.md says which), and typed errors for everything else.
 */
import { LauncherError } from './errors.js';
import { printable } from './printable.js';
import {
  ENDPOINTS,
  type EndRecordingBody,
  type ListQuery,
  type RecordingList,
  RecordingListSchema,
  type StartRecordingBody,
  type TrackStartBody,
  type TrackStopBody,
} from './rest-api.js';
import type { Credentials, NetworkSettings } from './settings.js';
import { mintToken } from './token.js';

/** Lifetime of the token sent with each REST call. */
export const REST_TOKEN_TTL_SECONDS = 600;
const MAX_BACKOFF_MS = 30_000;
const MAX_MESSAGE_LENGTH = 300;

/** Reported before each retry so the user sees why the command is waiting. */
export interface RetryNotice {
  readonly attempt: number;
  readonly attempts: number;
  readonly delayMs: number;
  readonly reason: string;
}

/** Everything the client needs; `sleep` and `random` are replaceable so tests need not wait. */
export interface RestClientOptions {
  readonly baseUrl: URL;
  readonly credentials: Credentials;
  readonly network: NetworkSettings;
  readonly onRetry?: (notice: RetryNotice) => void;
  readonly onToken?: (token: string) => void;
  readonly signal?: AbortSignal | undefined;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
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

const KNOWN_CODES: Record<number, string> = {
  4011: 'VideoSDK could not start the recording',
  4012: 'VideoSDK could not stop the recording',
  4018: 'the previous recording of this room is still being processed; try again in a minute',
  4028: "the organisation's recording limit is reached",
};

/** The message VideoSDK sent with a failure: `{error, statusCode}`, `{message}` or a plain string. */
export function serverMessage(text: string): string {
  let message = text;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'string') message = parsed;
    else if (parsed !== null && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      const main = [record.error, record.message, record.msg].find((v) => typeof v === 'string');
      const code = typeof record.statusCode === 'number' ? record.statusCode : undefined;
      const hint = code !== undefined ? KNOWN_CODES[code] : undefined;
      message = [main ?? JSON.stringify(parsed), code !== undefined ? `(code ${code}${hint ? `: ${hint}` : ''})` : '']
        .filter((part) => part !== '')
        .join(' ');
    }
  } catch {
    // Not JSON: VideoSDK also answers with plain strings.
  }
  // Control characters from a hostile or broken server must not reach the terminal.
  const clean = printable(message).trim();
  if (clean === '') return '(empty response)';
  return clean.length > MAX_MESSAGE_LENGTH ? `${clean.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : clean;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const text = cause instanceof Error ? cause.message : String(cause);
  return code ? `${code} (${text})` : text;
}

// Failures to connect at all: not one byte of the request left, so re-sending cannot do anything twice.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** True when fetch failed before the request was sent (every address refused, unknown host…). */
function nothingSent(error: unknown): boolean {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const codeOf = (value: unknown): string | undefined => (value as NodeJS.ErrnoException | undefined)?.code;
  // Node tries each address of a host in turn and reports them together.
  const codes = codeOf(cause) === undefined && cause instanceof AggregateError ? cause.errors.map(codeOf) : [codeOf(cause)];
  return codes.length > 0 && codes.every((code) => code !== undefined && NOT_SENT_CODES.has(code));
}

const UNKNOWN_OUTCOME = 'not re-sent, as it changes state and may have taken effect: the outcome is unknown: check with `list` before trying again';

type Attempt =
  | { readonly kind: 'done'; readonly status: number; readonly text: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number; readonly final: LauncherError };

/** The recording REST API, one method per documented endpoint. */
export class RestClient {
  private readonly options: RestClientOptions;

  constructor(options: RestClientOptions) {
    this.options = options;
  }

  /** `POST /v2/recordings/start`; resolves to VideoSDK's confirmation message. */
  async startRecording(body: StartRecordingBody): Promise<string> {
    return this.message(await this.request('POST', ENDPOINTS.start, body));
  }

  /** `POST /v2/recordings/end`; resolves to VideoSDK's confirmation message. */
  async endRecording(body: EndRecordingBody): Promise<string> {
    return this.message(await this.request('POST', ENDPOINTS.end, body));
  }

  /** `GET /v2/recordings` for one page, validated against the documented shape. */
  async listRecordings(query: ListQuery): Promise<RecordingList> {
    const params = new URLSearchParams({ roomId: query.roomId });
    if (query.sessionId !== undefined) params.set('sessionId', query.sessionId);
    params.set('page', String(query.page));
    params.set('perPage', String(query.perPage));
    const text = await this.request('GET', `${ENDPOINTS.list}?${params}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new LauncherError('api', `VideoSDK sent a list of recordings that is not JSON: ${serverMessage(text)}`);
    }
    const parsed = RecordingListSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected shape';
      throw new LauncherError('api', `VideoSDK sent a list of recordings in an unexpected shape (${where})`);
    }
    return parsed.data;
  }

  /** `POST /v2/recordings/participant/track/start`; resolves to VideoSDK's message. */
  async startTrack(body: TrackStartBody): Promise<string> {
    return this.message(await this.request('POST', ENDPOINTS.trackStart, body));
  }

  /** `POST /v2/recordings/participant/track/stop`; resolves to VideoSDK's message. */
  async stopTrack(body: TrackStopBody): Promise<string> {
    return this.message(await this.request('POST', ENDPOINTS.trackStop, body));
  }

  private message(text: string): string {
    return serverMessage(text);
  }

  private async request(method: 'GET' | 'POST', path: string, body?: object): Promise<string> {
    const { network, onRetry, random = Math.random } = this.options;
    const wait = this.options.sleep ?? sleep;
    const attempts = network.retries + 1;
    const label = `${method} ${path.split('?')[0]}`;
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.attempt(method, path, label, body);
      if (result.kind === 'done') return result.text;
      if (attempt >= attempts) throw result.final;
      // VIDEOSDK_MAX_RETRY_WAIT_MS bounds only what the server asks for; our own backoff has its own cap.
      if (result.retryAfterMs !== undefined && result.retryAfterMs > network.maxRetryWaitMs) throw result.final;
      const backoff = Math.min(MAX_BACKOFF_MS, network.retryBaseMs * 2 ** (attempt - 1));
      const delayMs = result.retryAfterMs ?? Math.round(backoff * (0.5 + random() * 0.5));
      onRetry?.({ attempt: attempt + 1, attempts, delayMs, reason: result.reason });
      await wait(delayMs, this.options.signal);
    }
  }

  private async attempt(method: 'GET' | 'POST', path: string, label: string, body?: object): Promise<Attempt> {
    const { baseUrl, credentials, network, signal } = this.options;
    // Every POST here starts or stops something; only GET may be sent twice whatever happened.
    const idempotent = method === 'GET';
    const { token } = await mintToken(credentials, { ttlSeconds: REST_TOKEN_TTL_SECONDS, roles: ['crawler'] });
    this.options.onToken?.(token);
    const timeout = AbortSignal.timeout(network.timeoutMs);
    const combined = signal ? AbortSignal.any([timeout, signal]) : timeout;
    const url = new URL(path.replace(/^\//, ''), baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`);
    let status: number;
    let text: string;
    let headers: Headers;
    try {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: token,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: combined,
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
        throw new LauncherError('outcomeUnknown', `${label} to ${baseUrl.host} failed after the request was sent: ${reason}; ${UNKNOWN_OUTCOME}`);
      }
      return {
        kind: 'retry',
        reason,
        final: new LauncherError('network', `${label} to ${baseUrl.host} failed: ${reason}; check the network or VIDEOSDK_API_URL`),
      };
    }
    if (status >= 200 && status < 300) return { kind: 'done', status, text };
    const message = serverMessage(text);
    if (status >= 300 && status < 400) {
      const location = headers.get('location');
      const target = location === null ? 'no Location' : `Location ${serverMessage(location)}`;
      return this.fail('api', `VideoSDK answered ${label} with a redirect (${status}, ${target}); redirects are not followed: check VIDEOSDK_API_URL`, status);
    }
    if (status === 401 || status === 403) {
      return this.fail('auth', `VideoSDK refused the credentials (${status}) on ${label}: ${message}; check VIDEOSDK_API_KEY and VIDEOSDK_SECRET`, status);
    }
    // 429 and 503 say the request was turned away, not processed: safe to retry even for a POST.
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
      const after = retryAfterMs !== undefined ? `; VideoSDK asks to retry after ${Math.ceil(retryAfterMs / 1000)} s` : '';
      const final =
        status === 429
          ? new LauncherError('api', `VideoSDK rate-limited ${label} (429): ${message}${after}`, status)
          : new LauncherError('api', `VideoSDK failed on ${label} (${status}): ${message}${after}`, status);
      return {
        kind: 'retry',
        reason: status === 429 ? 'rate limited (429)' : `VideoSDK answered ${status}`,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        final,
      };
    }
    if (status >= 500) {
      if (!idempotent) {
        throw new LauncherError('outcomeUnknown', `VideoSDK failed on ${label} (${status}): ${message}; ${UNKNOWN_OUTCOME}`, status);
      }
      return {
        kind: 'retry',
        reason: `VideoSDK answered ${status}`,
        final: new LauncherError('api', `VideoSDK failed on ${label} (${status}): ${message}`, status),
      };
    }
    return this.fail('api', `VideoSDK rejected ${label} (${status}): ${message}`, status);
  }

  private fail(kind: 'auth' | 'api', message: string, status: number): never {
    throw new LauncherError(kind, message, status);
  }
}
