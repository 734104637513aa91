// createWebhookHandler as a backend uses it: a plain (req, res) handler under node:http, behind an
// Express-style body parser and a Fastify-style raw request, with hostile and bursty input.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { VideoSdkError } from '../../src/server/errors.js';
import { createWebhookHandler, type Rejection, TOO_DEEP, type WebhookHandlerOptions, type WebhookRequest } from '../../src/server/webhook-handler.js';
import { WEBHOOK_TYPES, type WebhookEvent } from '../../src/server/webhooks.js';
import { createVideoSdkClient } from '../../src/server/client.js';
import { FakeRestApi } from './fake-rest-api.js';
import { API_KEY, SECRET } from './harness.js';
import { FORGER_KEY, signedHeaders, WEBHOOK_PUBLIC_KEY } from './webhook-signing.js';
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
    const handler = createWebhookHandler({ publicKey: WEBHOOK_PUBLIC_KEY, onEvent: (event) => onEvent(event), onRejected: (r) => rejections.push(r), onError: (error) => failures.push(error) });
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

  // Defect 3: a webhook whose signature holds is VideoSDK's word; a missing or mistyped field never refuses it.
  const lenient: [string, unknown, (event: WebhookEvent) => unknown, unknown][] = [
    ['a recording-stopped without filePath', { webhookType: 'recording-stopped', data: { meetingId: 'r', sessionId: 's', fileUrl: 'https://cdn.example.com/f.mp4' } }, (e) => e.data, { meetingId: 'r', sessionId: 's', fileUrl: 'https://cdn.example.com/f.mp4' }],
    ['hls-playable without its playback URL', { webhookType: 'hls-playable', data: { meetingId: 'r', sessionId: 's', livestreamUrl: 'https://x/l.m3u8' } }, (e) => e.data, { meetingId: 'r', sessionId: 's', livestreamUrl: 'https://x/l.m3u8' }],
    ['a livestream webhook without sessionId and with an extra field', { webhookType: 'livestream-started', data: { meetingId: 'r', region: 'in' } }, (e) => e.data, { meetingId: 'r', region: 'in' }],
    ['a transcription webhook with a numeric meetingId', { webhookType: 'transcription-completed', data: { meetingId: 7, sessionId: 's' } }, (e) => e.data.meetingId, undefined],
    ['data that is not an object', { webhookType: 'recording-started', data: 'x' }, (e) => e.data, {}],
  ];
  for (const [name, body, pick, expected] of lenient) {
    it(`delivers ${name} (signed): 200, what it has reaches onEvent`, async () => {
      const reply = await post(server.url, body);
      assert.equal(reply.status, 200, reply.body);
      assert.equal(events.length, 1);
      assert.deepEqual(pick(events[0]!), expected);
    });
  }

  it('answers an undocumented webhookType with 422 and does not call onEvent', async () => {
    const reply = await post(server.url, { webhookType: 'session-started', data: { meetingId: 'r', sessionId: 's' } });
    assert.equal(reply.status, 422);
    assert.match(reply.body, /webhookType/);
    assert.deepEqual([events.length, rejections.map((r) => [r.status, r.method, r.path])], [0, [[422, 'POST', '/videosdk/webhooks']]]);
  });

  it('answers 401 to a forged, an unsigned and a tampered webhook, and never calls onEvent', async () => {
    const forged = JSON.stringify({ webhookType: 'recording-stopped', data: { meetingId: 'r', sessionId: 's', fileUrl: 'https://attacker.example/x.mp4' } });
    assert.equal((await send(server.url, { headers: signedHeaders(forged, FORGER_KEY), body: forged })).status, 401);
    assert.equal((await send(server.url, { headers: json, body: forged })).status, 401);
    const genuine = JSON.stringify(sampleWebhook('recording-stopped'));
    assert.equal((await send(server.url, { headers: signedHeaders(genuine), body: genuine.replace('cdn.example.com', 'attacker.example') })).status, 401);
    assert.deepEqual([events.length, rejections.map((r) => r.status)], [0, [401, 401, 401]]);
  });

  it('hands onEvent a payload nested at most MAX_WEBHOOK_DEPTH deep, whatever the sender nested', async () => {
    const deep = `{"webhookType":"recording-started","data":{"meetingId":"r","sessionId":"s","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const reply = await send(server.url, { headers: signedHeaders(deep), body: deep });
    assert.equal(reply.status, 200);
    assert.doesNotThrow(() => JSON.stringify(events[0]));
    assert.match(JSON.stringify(events[0]), new RegExp(TOO_DEEP.replace(/[[\]]/g, '\\$&')));
  });

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
    assert.equal((await send(server.url, { headers: signedHeaders('{"webhookType":'), body: '{"webhookType":' })).status, 400);
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

describe('the burst limit and the read deadline', () => {
  const events: WebhookEvent[] = [];
  const handler = createWebhookHandler({ publicKey: WEBHOOK_PUBLIC_KEY, onEvent: (event) => void events.push(event), maxPendingBytes: 256 * 1024, readTimeoutMs: 400 });
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve((req, res) => void handler(req, res));
  });
  after(() => server.close());
  beforeEach(() => {
    events.length = 0;
  });

  const body = (i: number, pad: number) => Buffer.from(JSON.stringify({ ...sampleWebhook('recording-started', 'r', `slow${i}`), pad: 'x'.repeat(pad) }));
  /** Sends `first` bytes of a signed body now and the rest after `pauseMs` (never, when undefined). */
  const slowSender = (bytes: Buffer, first: number, pauseMs: number | undefined) =>
    new Promise<number>((resolve) => {
      const req = httpRequest(server.url, { method: 'POST', headers: { ...signedHeaders(bytes), 'content-length': String(bytes.length) }, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(-1));
      req.write(bytes.subarray(0, first));
      if (pauseMs !== undefined) setTimeout(() => req.end(bytes.subarray(first)), pauseMs);
    });

  // Defect 2: declared lengths reserved nothing real, and nothing ended an idle sender.
  it('idle senders that announce 1 MB and send nothing neither block real webhooks nor stay past the deadline', async () => {
    const idle = Array.from({ length: 16 }, () => slowSender(Buffer.alloc(1024 * 1024, 0x20), 0, undefined));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await post(server.url, sampleWebhook('recording-stopped', 'r', 'real'))).status, 200);
    const statuses = await Promise.all(idle);
    assert.ok(statuses.every((status) => status === 408 || status === -1), String(statuses));
    assert.deepEqual(events.map((e) => e.data.sessionId), ['real']);
  });

  it('answers 503 with Retry-After while senders hold the budget in bytes received, and serves again once they finish', async () => {
    const slow = [0, 1].map((i) => slowSender(body(i, 120 * 1024), 110 * 1024, 150));
    await new Promise((resolve) => setTimeout(resolve, 60));
    const big = body(2, 100 * 1024);
    const refused = await send(server.url, { headers: signedHeaders(big), body: big });
    assert.equal(refused.status, 503);
    assert.equal(refused.headers['retry-after'], '1');
    assert.equal((await post(server.url, sampleWebhook('recording-stopped', 'r', 'small'))).status, 200);
    assert.deepEqual(await Promise.all(slow), [200, 200]);
    assert.equal((await send(server.url, { headers: signedHeaders(big), body: big })).status, 200);
    assert.deepEqual(events.map((e) => e.data.sessionId).sort(), ['slow0', 'slow1', 'slow2', 'small']);
  });
});

describe('framework compatibility (by the signature)', () => {
  const received: WebhookEvent[] = [];
  const handler = createWebhookHandler({ publicKey: WEBHOOK_PUBLIC_KEY, onEvent: (event) => void received.push(event) });
  const open: { close: () => Promise<void> }[] = [];
  // Closed after the tests, so a failed assertion cannot leave a server holding the process open.
  const serveHere = async (handle: (req: IncomingMessage, res: ServerResponse) => void) => {
    const served = await serve(handle);
    open.push(served);
    return served;
  };
  after(() => Promise.all(open.map((served) => served.close())));

  // Defect 1: the handler serialised a parsed body again, which threw on deep nesting and took Express 4 down.
  it('Express with express.json(): a clear 500 naming express.raw, never a throw, even for 45,000 nested arrays', async () => {
    const server = await serveHere(async (req, res) => {
      const expressReq: WebhookRequest = Object.assign(req, { body: JSON.parse((await readAll(req)).toString('utf8')) as unknown });
      await handler(expressReq, res);
    });
    const nested = `{"webhookType":"hls-stopped","data":{"meetingId":"r","sessionId":"s","x":${'['.repeat(45_000)}${']'.repeat(45_000)}}}`;
    for (const body of [JSON.stringify(sampleWebhook('hls-stopped', 'r', 'express')), nested]) {
      const reply = await send(server.url, { headers: signedHeaders(body), body });
      assert.equal(reply.status, 500);
      assert.match(reply.body, /express\.raw\(\{ type: 'application\/json' \}\)/);
    }
    assert.equal(received.length, 0);
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

  it('Fastify (request.raw after its parser): a body read and not kept is a 500 that says so, not a hang', async () => {
    const server = await serveHere(async (req, res) => {
      await readAll(req);
      await handler(req, res);
    });
    const reply = await post(server.url, sampleWebhook('hls-stopped'));
    assert.equal(reply.status, 500);
    assert.match(reply.body, /read or parsed before this handler/);
  });

  it('refuses to be created without onEvent, or without a key, a client or allowUnsigned', () => {
    const invalid = (e: unknown) => e instanceof VideoSdkError && e.kind === 'invalid';
    assert.throws(() => createWebhookHandler({} as WebhookHandlerOptions), invalid);
    assert.throws(() => createWebhookHandler({ onEvent: () => undefined }), (e: unknown) => invalid(e) && /publicKey/.test((e as Error).message));
    assert.throws(() => createWebhookHandler({ onEvent: () => undefined, publicKey: 'not a key' }), invalid);
  });

  it('allowUnsigned: accepts unsigned webhooks after exactly one warning', async () => {
    const warnings: string[] = [];
    const unsigned = createWebhookHandler({ allowUnsigned: true, onWarning: (m) => warnings.push(m), onEvent: (event) => void received.push(event) });
    const server = await serveHere((req, res) => void unsigned(req, res));
    for (const session of ['u1', 'u2']) assert.equal((await post(server.url, sampleWebhook('hls-stopped', 'r', session), json)).status, 200);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /unsigned/);
  });

  it("without a pinned key: verifies against VideoSDK's key, fetched once by the real server SDK from the REST API", async () => {
    const fake = await FakeRestApi.start(SECRET, API_KEY);
    try {
      const client = createVideoSdkClient({ apiKey: API_KEY, secret: SECRET, apiUrl: fake.url });
      const fetched = createWebhookHandler({ client, onEvent: (event) => void received.push(event) });
      const server = await serveHere((req, res) => void fetched(req, res));
      assert.equal((await post(server.url, sampleWebhook('hls-stopped', 'r', 'k1'))).status, 200);
      assert.equal((await post(server.url, sampleWebhook('hls-stopped', 'r', 'k2'))).status, 200);
      const forged = JSON.stringify(sampleWebhook('hls-stopped', 'r', 'forged'));
      assert.equal((await send(server.url, { headers: signedHeaders(forged, FORGER_KEY), body: forged })).status, 401);
      assert.deepEqual(fake.requests.map((r) => `${r.method} ${r.path}`), ['GET /v2/public/rsa-public-key']);
      assert.deepEqual(fake.problems, []);
      assert.deepEqual(received.slice(-2).map((e) => e.data.sessionId), ['k1', 'k2']);
    } finally {
      await fake.close();
    }
  });
});
