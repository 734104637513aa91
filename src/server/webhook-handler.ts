/**
 * `createWebhookHandler`: a plain `(req, res)` Node handler (so node:http, Express and Fastify take
 * it) that accepts only webhooks VideoSDK signed: the `videosdk-signature` header, RSA-SHA256 over the
 * raw body, checked by VideoSDK's server SDK against a pinned key or VideoSDK's own (fetched once).
 * Every request is bounded (size, a read deadline, a shared budget of bytes received, nesting depth)
 * and every refusal is a status, while the handler keeps serving.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HttpClient, WebhooksResource, WebhookVerificationError } from '@videosdk.live/server-sdk';
import { invalidOptions } from './errors.js';
import { parseWebhook, type WebhookEvent } from './webhooks.js';

/** The largest webhook body accepted (1 MB). */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
/** The most body bytes held across all requests being read at once; past it a burst gets 503. */
export const MAX_PENDING_WEBHOOK_BYTES = 16 * MAX_WEBHOOK_BYTES;
/** How long one request may take to send its body (10 s): a sender that stalls gets 408. */
export const WEBHOOK_READ_TIMEOUT_MS = 10_000;
/** How deep the payload handed to onEvent nests; anything deeper is replaced by TOO_DEEP. */
export const MAX_WEBHOOK_DEPTH = 32;
/** What stands in for a value nested deeper than MAX_WEBHOOK_DEPTH. */
export const TOO_DEEP = '[nested too deep]';
// Past this much discarded body the sender is hostile: drop the connection instead of reading on.
const DISCARD_LIMIT_BYTES = 8 * MAX_WEBHOOK_BYTES;
/** The header VideoSDK signs each webhook in. */
export const SIGNATURE_HEADER = 'videosdk-signature';

/** A request the handler refused, for the log. */
export interface Rejection {
  readonly status: number;
  readonly reason: string;
  readonly method: string;
  readonly path: string;
}

/** What to do with each webhook, whose signature to trust, and the limits. */
export interface WebhookHandlerOptions {
  /** Called with each signed webhook; the answer (200, or 500 if it throws) waits for it. */
  readonly onEvent: (event: WebhookEvent) => void | Promise<void>;
  /** VideoSDK's webhook public key (PEM), pinned: no request is made to fetch it. */
  readonly publicKey?: string | undefined;
  /** Fetches VideoSDK's webhook key (once, with the client's credentials) when no publicKey is given. */
  readonly client?: { webhookPublicKey(): Promise<string> } | undefined;
  /** Accept unsigned webhooks: local experiments only (anyone who can reach the URL can post). Logs one warning. */
  readonly allowUnsigned?: boolean | undefined;
  /** Hears about every refused request (401, 405, 408, 413, 415, 400, 422, 500, 503). */
  readonly onRejected?: (rejection: Rejection) => void;
  /** Hears about an `onEvent` that threw; without it the failure is logged with console.error. */
  readonly onError?: (error: unknown, event: WebhookEvent) => void;
  /** Hears the one warning allowUnsigned gives; default console.warn. */
  readonly onWarning?: (message: string) => void;
  /** The largest body accepted; default MAX_WEBHOOK_BYTES. */
  readonly maxBodyBytes?: number;
  /** The most bytes held across concurrent requests; default MAX_PENDING_WEBHOOK_BYTES. */
  readonly maxPendingBytes?: number;
  /** The read deadline of one request; default WEBHOOK_READ_TIMEOUT_MS. */
  readonly readTimeoutMs?: number;
}

/** A request as node:http, Express (`req`) or Fastify (`request.raw`) hand it over; a raw `body` (Buffer or string) a framework kept is used. */
export type WebhookRequest = IncomingMessage & { body?: unknown };

/** The handler: resolves once it has answered. */
export type WebhookHandler = (request: WebhookRequest, response: ServerResponse) => Promise<void>;

type Body = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly status: number; readonly reason: string; readonly headers?: Record<string, string> };

const PARSED_BODY =
  'the body was read or parsed before this handler, so its signature cannot be checked over the bytes VideoSDK signed: ' +
  "give the handler the raw body (Express: express.raw({ type: 'application/json' }); Fastify: a raw-body content-type parser; node:http: nothing to add)";

/** `value` with everything nested deeper than `depth` replaced by TOO_DEEP (recursion stops there, so any input is safe). */
function pruned(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth <= 0) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => pruned(item, depth - 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pruned(item, depth - 1)]));
}

function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function reply(response: ServerResponse, status: number, body: object, extra: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...extra });
  response.end(text);
}

function decodeJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

/** Creates the handler; `onEvent` is required, and one of publicKey, client or allowUnsigned. */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  if (typeof options?.onEvent !== 'function') throw invalidOptions('createWebhookHandler: onEvent must be a function');
  const { publicKey, client, allowUnsigned = false } = options;
  if (publicKey !== undefined && (typeof publicKey !== 'string' || !publicKey.includes('-----BEGIN PUBLIC KEY-----'))) {
    throw invalidOptions('createWebhookHandler: publicKey is not valid; accepted: a PEM public key (-----BEGIN PUBLIC KEY-----…)');
  }
  if (publicKey === undefined && client === undefined && allowUnsigned !== true) {
    throw invalidOptions('createWebhookHandler: give publicKey (VideoSDK\'s webhook key, PEM) or client (to fetch it), or allowUnsigned: true for local experiments');
  }
  if (allowUnsigned === true && publicKey === undefined && client === undefined) {
    (options.onWarning ?? console.warn)('warning: webhooks are accepted unsigned (allowUnsigned): anyone who can reach this URL can post one; verify signatures in production');
  }
  const maxBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BYTES;
  const maxPending = options.maxPendingBytes ?? MAX_PENDING_WEBHOOK_BYTES;
  const readTimeoutMs = options.readTimeoutMs ?? WEBHOOK_READ_TIMEOUT_MS;
  const tooLarge: Body = { ok: false, status: 413, reason: `body over ${maxBytes} bytes`, headers: { connection: 'close' } };
  const busy: Body = { ok: false, status: 503, reason: 'too many webhooks at once; retry', headers: { 'retry-after': '1', connection: 'close' } };
  // verifySync needs no HTTP client: the key is passed to it.
  const verifier = new WebhooksResource(undefined as unknown as HttpClient);
  let key: Promise<string> | undefined;
  let pending = 0;

  const trustedKey = async (): Promise<string | undefined> => {
    if (publicKey !== undefined) return publicKey;
    if (client === undefined) return undefined;
    key ??= client.webhookPublicKey();
    try {
      return await key;
    } catch (error) {
      key = undefined; // fetched again on the next webhook
      throw error;
    }
  };

  const readStream = (request: IncomingMessage): Promise<Body> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let held = 0;
      let refused: Body | undefined;
      let settled = false;
      const settle = (body: Body): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        pending -= held;
        held = 0;
        chunks.length = 0;
        resolve(body);
      };
      // A sender that announces a body and stalls must not hold its share of the budget for long.
      const deadline = setTimeout(() => {
        settle({ ok: false, status: 408, reason: `the body did not arrive within ${readTimeoutMs} ms`, headers: { connection: 'close' } });
        request.destroy();
      }, readTimeoutMs);
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        request.resume();
        settle(tooLarge);
        return;
      }
      request.on('data', (chunk: Buffer) => {
        if (refused) {
          if (request.socket.bytesRead > DISCARD_LIMIT_BYTES) request.destroy();
          return;
        }
        // Only bytes actually received count against the budget, never a declared length.
        refused = held + chunk.length > maxBytes ? tooLarge : pending + chunk.length > maxPending ? busy : undefined;
        if (refused) {
          settle(refused);
          return;
        }
        chunks.push(chunk);
        held += chunk.length;
        pending += chunk.length;
      });
      request.on('end', () => settle({ ok: true, bytes: Buffer.concat(chunks) }));
      // A client that vanishes mid-body is its own problem: release what it held and keep serving.
      request.on('error', () => settle({ ok: false, status: 400, reason: 'the request was aborted' }));
      request.on('close', () => settle({ ok: false, status: 400, reason: 'the request was aborted' }));
    });

  const readBody = (request: WebhookRequest): Promise<Body> | Body => {
    const { body } = request;
    if (Buffer.isBuffer(body) || typeof body === 'string') {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      return bytes.length > maxBytes ? tooLarge : { ok: true, bytes };
    }
    // Never serialised back: a parsed body may not even survive JSON.stringify (deep nesting).
    if (body !== undefined || request.readableEnded) return { ok: false, status: 500, reason: PARSED_BODY };
    return readStream(request);
  };

  return async (request, response) => {
    const method = request.method ?? '?';
    const path = (request.url ?? '/').slice(0, 200);
    const reject = (status: number, reason: string, extra: Record<string, string> = {}): void => {
      options.onRejected?.({ status, reason, method, path });
      reply(response, status, { error: reason }, extra);
    };
    if (method !== 'POST') return reject(405, 'only POST is accepted', { allow: 'POST' });
    if (!isJsonContentType(request.headers['content-type'])) {
      request.resume();
      return reject(415, 'content-type must be application/json');
    }
    const body = await readBody(request);
    if (!body.ok) return reject(body.status, body.reason, body.headers);
    let trusted: string | undefined;
    try {
      trusted = await trustedKey();
    } catch {
      return reject(503, "VideoSDK's webhook public key could not be fetched; retry", { 'retry-after': '5' });
    }
    if (trusted !== undefined) {
      try {
        verifier.verifySync(body.bytes, request.headers[SIGNATURE_HEADER], trusted);
      } catch (error) {
        // The SDK parses the body after checking the signature: only its verification errors are refusals.
        const parseOnly = !(error instanceof WebhookVerificationError) || /not valid JSON/.test(error.message);
        if (!parseOnly) return reject(401, `${SIGNATURE_HEADER} is missing or does not match the body`);
      }
    }
    const decoded = decodeJson(body.bytes);
    if (!decoded.ok) return reject(400, 'body is not valid JSON');
    const json = decoded.value;
    const parsed = parseWebhook(pruned(json, MAX_WEBHOOK_DEPTH));
    if (!parsed.ok) return reject(422, parsed.error);
    try {
      await options.onEvent(parsed.event);
    } catch (error) {
      // Logged once, where the backend's own handler failed; VideoSDK hears 500.
      if (options.onError) options.onError(error, parsed.event);
      else console.error(`videosdk webhook handler: onEvent failed on ${parsed.event.webhookType}:`, error);
      reply(response, 500, { error: 'the webhook could not be processed' });
      return;
    }
    reply(response, 200, { ok: true });
  };
}
