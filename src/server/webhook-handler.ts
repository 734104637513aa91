/**
 * `createWebhookHandler`: a plain `(req, res)` Node handler (so node:http, Express and Fastify take
 * it) that accepts only documented VideoSDK webhooks (POST, JSON, at most 1 MB each and 16 MB being
 * read at once), validates each with zod, hands it to `onEvent`, and answers everything else with a
 * 4xx or 503 while it keeps serving.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidOptions } from './errors.js';
import { parseWebhook, type WebhookEvent } from './webhooks.js';

/** The largest webhook body accepted (1 MB). */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
/** The most body bytes buffered across all requests being read at once; past it a burst gets 503. */
export const MAX_PENDING_WEBHOOK_BYTES = 16 * MAX_WEBHOOK_BYTES;
// Past this much discarded body the sender is hostile: drop the connection instead of reading on.
const DISCARD_LIMIT_BYTES = 8 * MAX_WEBHOOK_BYTES;

/** A request the handler refused, for the log. */
export interface Rejection {
  readonly status: number;
  readonly reason: string;
  readonly method: string;
  readonly path: string;
}

/** What to do with each webhook, and the limits. */
export interface WebhookHandlerOptions {
  /** Called with each valid webhook; the answer (200, or 500 if it throws) waits for it. */
  readonly onEvent: (event: WebhookEvent) => void | Promise<void>;
  /** Hears about every refused request (405, 413, 415, 400, 422, 503). */
  readonly onRejected?: (rejection: Rejection) => void;
  /** Hears about an `onEvent` that threw; without it the failure is logged with console.error. */
  readonly onError?: (error: unknown, event: WebhookEvent) => void;
  /** The largest body accepted; default MAX_WEBHOOK_BYTES. */
  readonly maxBodyBytes?: number;
  /** The most bytes buffered across concurrent requests; default MAX_PENDING_WEBHOOK_BYTES. */
  readonly maxPendingBytes?: number;
}

/** A request as node:http, Express (`req`) or Fastify (`request.raw`) hand it over; a `body` a framework already read is used. */
export type WebhookRequest = IncomingMessage & { body?: unknown };

/** The handler: resolves once it has answered. */
export type WebhookHandler = (request: WebhookRequest, response: ServerResponse) => Promise<void>;

type Body = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly status: number; readonly reason: string; readonly headers?: Record<string, string> };

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

function decodeJson(bytes: Buffer): Body {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, status: 400, reason: 'body is not valid JSON' };
  }
}

/** Creates the handler; `onEvent` is required. */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  if (typeof options?.onEvent !== 'function') throw invalidOptions('createWebhookHandler: onEvent must be a function');
  const maxBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BYTES;
  const maxPending = options.maxPendingBytes ?? MAX_PENDING_WEBHOOK_BYTES;
  const tooLarge: Body = { ok: false, status: 413, reason: `body over ${maxBytes} bytes`, headers: { connection: 'close' } };
  const busy: Body = { ok: false, status: 503, reason: 'too many webhooks at once; retry', headers: { 'retry-after': '1', connection: 'close' } };
  let pending = 0;

  // A framework (Express's body parsers, Fastify) may have read the body already.
  const readParsed = (body: unknown): Body => {
    if (Buffer.isBuffer(body) || typeof body === 'string') {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      return bytes.length > maxBytes ? tooLarge : decodeJson(bytes);
    }
    return Buffer.byteLength(JSON.stringify(body) ?? '') > maxBytes ? tooLarge : { ok: true, value: body };
  };

  const readStream = (request: IncomingMessage): Promise<Body> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let held = 0;
      let received = 0;
      let refused: Body | undefined;
      let settled = false;
      const settle = (body: Body): void => {
        if (settled) return;
        settled = true;
        pending -= held;
        held = 0;
        chunks.length = 0;
        resolve(body);
      };
      // A declared length is reserved up front, so a burst of slow senders is refused before it is buffered.
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) refused = tooLarge;
      else if (Number.isFinite(declared) && pending + declared > maxPending) refused = busy;
      if (refused) {
        request.resume();
        settle(refused);
        return;
      }
      if (Number.isFinite(declared)) {
        held = declared;
        pending += declared;
      }
      request.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (refused) {
          if (received > DISCARD_LIMIT_BYTES) request.destroy();
          return;
        }
        const more = Math.max(0, received - held);
        refused = received > maxBytes ? tooLarge : pending + more > maxPending ? busy : undefined;
        if (refused) {
          settle(refused);
          return;
        }
        chunks.push(chunk);
        held += more;
        pending += more;
      });
      request.on('end', () => settle(decodeJson(Buffer.concat(chunks))));
      // A client that vanishes mid-body is its own problem: release what it held and keep serving.
      request.on('error', () => settle({ ok: false, status: 400, reason: 'the request was aborted' }));
      request.on('close', () => settle({ ok: false, status: 400, reason: 'the request was aborted' }));
    });

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
    let body: Body;
    if (request.body !== undefined) body = readParsed(request.body);
    else if (request.readableEnded) body = { ok: false, status: 400, reason: 'the body was read before this handler and not kept in req.body' };
    else body = await readStream(request);
    if (!body.ok) return reject(body.status, body.reason, body.headers);
    const parsed = parseWebhook(body.value);
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
