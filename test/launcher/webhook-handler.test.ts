// createWebhookHandler as a backend uses it: a plain (req, res) handler under node:http, behind an
// Express-style body parser and a Fastify-style raw request, with hostile and bursty input.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { VideoSdkError } from '../../src/server/errors.js';
import { createWebhookHandler, type Rejection, type WebhookHandlerOptions, type WebhookRequest } from '../../src/server/webhook-handler.js';
import { WEBHOOK_TYPES, type WebhookEvent } from '../../src/server/webhooks.js';
import { json, post, sampleWebhook, send } from './watch-harness.js';

/** Serves `handle` on a loopback port until `close`. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/videosdk/webhooks`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Reads the whole body, as a framework's body parser would, before the handler runs. */
async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('createWebhookHandler under node:http', () => {
  const events: WebhookEvent[] = [];
  const rejections: Rejection[] = [];
  const failures: unknown[] = [];
  let onEvent: WebhookHandlerOptions['onEvent'] = (event) => void events.push(event);
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    const handler = createWebhookHandler({ onEvent: (event) => onEvent(event), onRejected: (r) => rejections.push(r), onError: (error) => failures.push(error) });
    server = await serve((req, res) => void handler(req, res));
  });
  after(() => server.close());
  beforeEach(() => {
    events.length = 0;
    rejections.length = 0;
    failures.length = 0;
    onEvent = (event) => void events.push(event);
  });

  it('hands every documented type to onEvent, typed, and answers 200', async () => {
    for (const type of WEBHOOK_TYPES) {
      const reply = await post(server.url, sampleWebhook(type));
      assert.equal(reply.status, 200, type);
      assert.deepEqual(JSON.parse(reply.body), { ok: true });
    }
    assert.deepEqual(events.map((e) => e.webhookType), [...WEBHOOK_TYPES]);
    const stopped = events.find((e) => e.webhookType === 'recording-stopped');
    assert.equal(stopped?.webhookType === 'recording-stopped' ? stopped.data.fileUrl : undefined, 'https://cdn.example.com/s1.mp4');
  });

  const invalid: [string, unknown, RegExp][] = [
    ['hls-playable without its playback URL', { webhookType: 'hls-playable', data: { meetingId: 'r', sessionId: 's', livestreamUrl: 'https://x/l.m3u8' } }, /data\.playbackHlsUrl/],
    ['a livestream webhook without sessionId', { webhookType: 'livestream-started', data: { meetingId: 'r' } }, /data\.sessionId/],
    ['a transcription webhook with a numeric meetingId', { webhookType: 'transcription-completed', data: { meetingId: 7, sessionId: 's' } }, /data\.meetingId/],
    ['an undocumented type', { webhookType: 'session-started', data: { meetingId: 'r', sessionId: 's' } }, /webhookType/],
    ['an empty participantId', { webhookType: 'participant-recording-started', data: { meetingId: 'r', sessionId: 's', participantId: '' } }, /data\.participantId/],
  ];
  for (const [name, body, reason] of invalid) {
    it(`answers ${name} with 422 and does not call onEvent`, async () => {
      const reply = await post(server.url, body);
      assert.equal(reply.status, 422);
      assert.match((JSON.parse(reply.body) as { error: string }).error, reason);
      assert.deepEqual([events.length, rejections.map((r) => [r.status, r.method, r.path])], [0, [[422, 'POST', '/videosdk/webhooks']]]);
    });
  }

  it('waits for an async onEvent before answering 200', async () => {
    let finished = false;
    onEvent = async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      finished = true;
    };
    const reply = await post(server.url, sampleWebhook('hls-started'));
    assert.equal(reply.status, 200);
    assert.equal(finished, true);
  });

  it('answers 500 when onEvent throws, reports it once, and keeps serving', async () => {
    onEvent = () => {
      throw new Error('database down');
    };
    const reply = await post(server.url, sampleWebhook('recording-started'));
    assert.equal(reply.status, 500);
    assert.deepEqual(failures.map((e) => (e as Error).message), ['database down']);
    onEvent = (event) => void events.push(event);
    assert.equal((await post(server.url, sampleWebhook('recording-stopped'))).status, 200);
  });

  it('refuses the same hostile requests as watch', async () => {
    assert.equal((await send(server.url, { method: 'GET' })).status, 405);
    assert.equal((await post(server.url, sampleWebhook('recording-started'), { 'content-type': 'text/plain' })).status, 415);
    assert.equal((await send(server.url, { headers: json, body: '{"webhookType":' })).status, 400);
    assert.equal((await send(server.url, { headers: json, chunks: Array.from({ length: 24 }, () => Buffer.alloc(64 * 1024, 0x20)) })).status, 413);
    assert.deepEqual(rejections.map((r) => r.status), [405, 415, 400, 413]);
    assert.equal(events.length, 0);
  });

  it('loses none of a burst of 200 with junk mixed in', async () => {
    const replies = await Promise.all([
      ...Array.from({ length: 200 }, (_, i) => post(server.url, sampleWebhook('livestream-started', 'r', `b${i}`))),
      ...Array.from({ length: 20 }, () => send(server.url, { headers: json, body: '[' })),
    ]);
    assert.equal(replies.filter((r) => r.status === 200).length, 200);
    assert.equal(new Set(events.map((e) => e.data.sessionId)).size, 200);
  });
});

describe('the burst limit', () => {
  const events: WebhookEvent[] = [];
  const handler = createWebhookHandler({ onEvent: (event) => void events.push(event), maxPendingBytes: 256 * 1024 });
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve((req, res) => void handler(req, res));
  });
  after(() => server.close());

  it('answers 503 with Retry-After while slow senders hold the budget, and serves again once they finish', async () => {
    const body = (i: number) => Buffer.from(JSON.stringify({ ...sampleWebhook('recording-started', 'r', `slow${i}`), pad: 'x'.repeat(100 * 1024) }));
    // Two senders declare about 200 KB and send half of it: that much is held until they finish.
    const slow = [0, 1].map((i) => {
      const bytes = body(i);
      const reply = new Promise<number>((resolve, reject) => {
        const req = httpRequest(server.url, { method: 'POST', headers: { ...json, 'content-length': String(bytes.length) }, agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.write(bytes.subarray(0, 1000));
        setTimeout(() => req.end(bytes.subarray(1000)), 150);
      });
      return reply;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await send(server.url, { headers: json, body: body(2) });
    assert.equal(refused.status, 503);
    assert.equal(refused.headers['retry-after'], '1');
    // A small webhook still fits beside them.
    assert.equal((await post(server.url, sampleWebhook('recording-stopped', 'r', 'small'))).status, 200);
    assert.deepEqual(await Promise.all(slow), [200, 200]);
    // Nothing stays reserved once the burst is over.
    assert.equal((await send(server.url, { headers: json, body: body(3) })).status, 200);
    assert.deepEqual(events.map((e) => e.data.sessionId).sort(), ['slow0', 'slow1', 'slow3', 'small']);
  });
});

describe('framework compatibility (by the signature)', () => {
  const received: WebhookEvent[] = [];
  const handler = createWebhookHandler({ onEvent: (event) => void received.push(event) });
  const open: { close: () => Promise<void> }[] = [];
  // Closed after the tests, so a failed assertion cannot leave a server holding the process open.
  const serveHere = async (handle: (req: IncomingMessage, res: ServerResponse) => void) => {
    const served = await serve(handle);
    open.push(served);
    return served;
  };
  after(() => Promise.all(open.map((served) => served.close())));

  it('Express with express.json(): uses the parsed req.body', async () => {
    const server = await serveHere(async (req, res) => {
      const expressReq: WebhookRequest = Object.assign(req, { body: JSON.parse((await readAll(req)).toString('utf8')) as unknown });
      await handler(expressReq, res);
    });
    assert.equal((await post(server.url, sampleWebhook('hls-stopped', 'r', 'express'))).status, 200);
    assert.equal(received.at(-1)?.data.sessionId, 'express');
  });

  it('Express with express.raw() or express.text(): a Buffer or string body is parsed and size-checked', async () => {
    for (const asText of [false, true]) {
      const server = await serveHere(async (req, res) => {
        const raw = await readAll(req);
        await handler(Object.assign(req, { body: asText ? raw.toString('utf8') : raw }), res);
      });
      assert.equal((await post(server.url, sampleWebhook('transcription-completed', 'r', `raw-${asText}`))).status, 200);
      assert.equal((await post(server.url, { ...sampleWebhook('hls-started'), pad: 'x'.repeat(1024 * 1024) })).status, 413);
      }
    assert.deepEqual(received.slice(-2).map((e) => e.data.sessionId), ['raw-false', 'raw-true']);
  });

  it('Fastify (request.raw after its parser): a body read and not kept is a 400, not a hang', async () => {
    const server = await serveHere(async (req, res) => {
      await readAll(req);
      await handler(req, res);
    });
    const reply = await post(server.url, sampleWebhook('hls-stopped'));
    assert.equal(reply.status, 400);
    assert.match(reply.body, /read before this handler/);
  });

  it('refuses to be created without onEvent', () => {
    assert.throws(() => createWebhookHandler({} as WebhookHandlerOptions), (e: unknown) => e instanceof VideoSdkError && e.kind === 'invalid');
  });
});
