/**
 * The webhook receiver behind `watch`: an HTTP server that accepts only documented recording
 * webhooks (POST, JSON, at most 1 MB), answers everything else with a 4xx and keeps running.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseWebhook, type RecordingWebhook } from './webhooks.js';

/** The largest webhook body accepted (1 MB). */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
// Past this much discarded body the sender is hostile: drop the connection instead of reading on.
const DISCARD_LIMIT_BYTES = 8 * MAX_WEBHOOK_BYTES;

/** A request the receiver refused, for the log. */
export interface Rejection {
  readonly status: number;
  readonly reason: string;
  readonly method: string;
  readonly path: string;
}

/** Where to listen and what to do with each request. */
export interface WebhookServerOptions {
  readonly host: string;
  readonly port: number;
  readonly maxBodyBytes?: number;
  readonly onWebhook: (webhook: RecordingWebhook) => void;
  readonly onRejected?: (rejection: Rejection) => void;
}

/** A running receiver. */
export interface WebhookServer {
  /** The base URL it listens on, e.g. http://127.0.0.1:8787/ */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function reply(response: ServerResponse, status: number, body: object, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extra,
  });
  response.end(text);
}

/** Starts the receiver; rejects if the address cannot be bound (e.g. EADDRINUSE). */
export function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const maxBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BYTES;

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const method = request.method ?? '?';
    const path = (request.url ?? '/').slice(0, 200);
    const reject = (status: number, reason: string, extra: Record<string, string> = {}): void => {
      options.onRejected?.({ status, reason, method, path });
      reply(response, status, { error: reason }, extra);
    };
    request.on('error', () => {
      // A client that vanishes mid-body is its own problem; the server keeps running.
    });
    if (method !== 'POST') {
      reject(405, 'only POST is accepted', { allow: 'POST' });
      return;
    }
    if (!isJsonContentType(request.headers['content-type'])) {
      reject(415, 'content-type must be application/json');
      return;
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(413, `body over ${maxBytes} bytes`, { connection: 'close' });
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (tooLarge) {
        if (received > DISCARD_LIMIT_BYTES) request.destroy();
        return;
      }
      if (received > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        reject(413, `body over ${maxBytes} bytes`, { connection: 'close' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (tooLarge) return;
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(400, 'body is not valid JSON');
        return;
      }
      const parsed = parseWebhook(body);
      if (!parsed.ok) {
        reject(422, parsed.error);
        return;
      }
      // Acknowledge first: the handler's printing must not delay VideoSDK's delivery.
      reply(response, 200, { ok: true });
      options.onWebhook(parsed.webhook);
    });
  };

  const server = createServer(handle);
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(options.port, options.host, () => {
      server.off('error', rejectStart);
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}/`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
