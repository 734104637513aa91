/**
 * The webhook receiver behind `watch`: node:http serving the library's webhook handler, so `watch`
 * and a backend accept exactly the same webhooks with the same size and burst limits.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, type WebhookHandlerOptions } from '../server/webhook-handler.js';

/** Where to listen and what to do with each request. */
export interface WebhookServerOptions extends WebhookHandlerOptions {
  readonly host: string;
  readonly port: number;
}

/** A running receiver. */
export interface WebhookServer {
  /** The base URL it listens on, e.g. http://127.0.0.1:8787/ */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** Starts the receiver; rejects if the address cannot be bound (e.g. EADDRINUSE). */
export function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const handler = createWebhookHandler(options);
  const server = createServer((request, response) => {
    void handler(request, response);
  });
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
