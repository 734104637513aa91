// The library client's transport against the loopback fake: the documented headers and bodies, which
// failures are retried and how, and typed errors carrying VideoSDK's status and code.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { toRestConfig } from '../../src/config/rest-config.js';
import { DEFAULT_OPTIONS } from '../../src/config/options.js';
import { buildVideoSdkClient, type VideoSdkClient, type VideoSdkClientOptions } from '../../src/server/client.js';
import { VideoSdkError } from '../../src/server/errors.js';
import { MAX_REPLY_BYTES, parseRetryAfter, type RetryNotice } from '../../src/server/http.js';
import { serverMessage } from '../../src/server/server-message.js';
import { FakeRestApi } from './fake-rest-api.js';
import { API_KEY, closedPort, runCli, SECRET, testEnv } from './harness.js';

let fake: FakeRestApi;
before(async () => {
  fake = await FakeRestApi.start(SECRET, API_KEY);
});
after(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

interface Harness {
  readonly client: VideoSdkClient;
  readonly waits: number[];
  readonly notices: RetryNotice[];
}

function client(overrides: Partial<VideoSdkClientOptions> = {}, secret = SECRET): Harness {
  const waits: number[] = [];
  const notices: RetryNotice[] = [];
  const instance = buildVideoSdkClient(
    { apiKey: API_KEY, secret, apiUrl: fake.url, timeoutMs: 3000, retries: 3, retryBaseMs: 100, maxRetryWaitMs: 60_000, onRetry: (notice) => notices.push(notice), ...overrides },
    {
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 1,
    },
  );
  return { client: instance, waits, notices };
}

const startBody = { roomId: 'room-1', config: toRestConfig(DEFAULT_OPTIONS) };
const listQuery = { roomId: 'room-none', page: 1, perPage: 20 };
const isError = (kind: string, pattern: RegExp, status?: number, code?: number) => (error: unknown) =>
  error instanceof VideoSdkError && error.kind === kind && pattern.test(error.message) && (status === undefined || error.status === status) && (code === undefined || error.code === code);

describe('the client against the documented contract', () => {
  it('sends the raw JWT, a short-lived crawler token, and the exact body', async () => {
    const { client: c } = client();
    assert.deepEqual(await c.recordings.start(startBody), { message: 'Recording started successfully', data: undefined });
    assert.deepEqual(fake.problems, []);
    const [seen] = fake.requests;
    assert.equal(seen?.path, '/v2/recordings/start');
    assert.deepEqual(seen?.body, startBody);
    assert.match(seen?.authorization ?? '', /^eyJ[^ ]+$/);
    assert.equal(seen?.contentType, 'application/json');
    assert.deepEqual(seen?.claims?.roles, ['crawler']);
    assert.equal(seen?.claims?.exp! - seen?.claims?.iat!, 600);
  });

  it('calls end, track start and track stop with their documented bodies', async () => {
    const { client: c } = client();
    assert.equal((await c.recordings.stop({ roomId: 'room-1' })).message, 'Recording ended successfully');
    await c.tracks.start({ roomId: 'room-1', participantId: 'p1', kind: 'screen_video', bucketDirPath: 'tracks/' });
    await c.tracks.stop({ roomId: 'room-1', participantId: 'p1', kind: 'screen_video' });
    assert.deepEqual(fake.requests.map((r) => r.path), ['/v2/recordings/end', '/v2/recordings/participant/track/start', '/v2/recordings/participant/track/stop']);
    assert.deepEqual(fake.requests[1]?.body, { roomId: 'room-1', participantId: 'p1', kind: 'screen_video', fileFormat: 'webm', bucketDirPath: 'tracks/' });
    assert.deepEqual(fake.problems, []);
  });

  it('lists with the documented query and validates the response', async () => {
    fake.recordings.set('room-L', [{ id: 'r1', roomId: 'room-L', sessionId: 's1', file: { fileUrl: 'https://cdn/x.mp4', size: 10, meta: { duration: 5 } }, createdAt: '2024-01-01T00:00:00Z' }]);
    const { client: c } = client();
    const list = await c.recordings.list({ roomId: 'room-L', sessionId: 's1', page: 1, perPage: 20 });
    assert.equal(list.data[0]?.file?.fileUrl, 'https://cdn/x.mp4');
    assert.deepEqual(Object.fromEntries(fake.requests[0]!.query), { roomId: 'room-L', sessionId: 's1', page: '1', perPage: '20' });
    assert.deepEqual(fake.problems, []);
  });

  it('a new token is signed for every attempt', async () => {
    fake.faults.push({ kind: 'status', status: 503 });
    const { client: c } = client();
    await c.recordings.stop({ roomId: 'room-1' });
    assert.equal(fake.requests.length, 2);
    assert.deepEqual(fake.problems, []);
  });
});

describe('client retries', () => {
  it('retries 5xx on a GET with growing backoff, then succeeds', async () => {
    fake.faults.push({ kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    const { client: c, waits, notices } = client();
    assert.equal((await c.recordings.list(listQuery)).pageInfo.total, 0);
    assert.deepEqual(waits, [100, 200, 400]);
    assert.deepEqual(notices.map((n) => [n.attempt, n.attempts, n.reason]), [[2, 4, 'VideoSDK answered 500'], [3, 4, 'VideoSDK answered 502'], [4, 4, 'VideoSDK answered 503']]);
  });

  it('gives up after the configured retries with an API error carrying the server message', async () => {
    for (let i = 0; i < 4; i += 1) fake.faults.push({ kind: 'status', status: 500, body: JSON.stringify({ error: 'Internal trouble', statusCode: 500 }) });
    const { client: c } = client();
    await assert.rejects(c.recordings.list(listQuery), isError('api', /failed on GET \/v2\/recordings \(500\): Internal trouble/, 500));
    assert.equal(fake.requests.length, 4);
  });

  it('honours Retry-After in seconds on 429', async () => {
    fake.faults.push({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    const { client: c, waits } = client();
    await c.recordings.stop({ roomId: 'room-1' });
    assert.deepEqual(waits, [7000]);
  });

  it('honours Retry-After as an HTTP date', () => {
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 30_000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
  });

  it('fails at once when Retry-After is longer than it is willing to wait', async () => {
    fake.faults.push({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const { client: c, waits } = client({ timeoutMs: 3000, retries: 3, retryBaseMs: 1, maxRetryWaitMs: 60_000 });
    await assert.rejects(c.recordings.stop({ roomId: 'room-1' }), isError('api', /rate-limited .*retry after 3600 s/, 429));
    assert.deepEqual(waits, []);
  });

  it('times out a GET that never answers, retries, and reports a network error', async () => {
    fake.faults.push({ kind: 'hang' }, { kind: 'hang' });
    const { client: c } = client({ timeoutMs: 50, retries: 1, retryBaseMs: 1, maxRetryWaitMs: 1000 });
    const started = Date.now();
    await assert.rejects(c.recordings.list(listQuery), isError('network', /no answer within 50 ms/));
    assert.equal(fake.requests.length, 2);
    assert.ok(Date.now() - started < 5000);
  });

  it('recovers from a reset connection on a GET', async () => {
    fake.faults.push({ kind: 'reset' });
    const { client: c, notices } = client();
    assert.equal((await c.recordings.list(listQuery)).pageInfo.total, 0);
    assert.equal(notices.length, 1);
    assert.match(notices[0]!.reason, /ECONNRESET|socket|other side closed/i);
  });

  it('reports an unreachable server as a network error', async () => {
    const { client: c } = client({ apiUrl: `http://127.0.0.1:${await closedPort()}/`, timeoutMs: 3000, retries: 1, retryBaseMs: 1, maxRetryWaitMs: 10 });
    await assert.rejects(c.recordings.stop({ roomId: 'room-1' }), isError('network', /ECONNREFUSED/));
  });

  it('does not retry other 4xx and shows the server message', async () => {
    fake.faults.push({ kind: 'status', status: 400, body: JSON.stringify({ error: 'Previous recording is still processing', statusCode: 4018 }) });
    const { client: c, waits } = client();
    await assert.rejects(c.recordings.start(startBody), isError('api', /rejected POST \/v2\/recordings\/start \(400\): Previous recording is still processing \(code 4018: .*try again in a minute\)/, 400, 4018));
    assert.equal(fake.requests.length, 1);
    assert.deepEqual(waits, []);
  });

  it('shows a plain-string failure as sent', async () => {
    fake.faults.push({ kind: 'status', status: 404, body: 'Room not found' });
    const { client: c } = client();
    await assert.rejects(c.recordings.stop({ roomId: 'room-1' }), isError('api', /\(404\): Room not found$/));
  });

  it('maps 401 to an auth error without retrying, and the fake really rejects a wrong secret', async () => {
    const { client: c, waits } = client({}, `${SECRET}-wrong`);
    await assert.rejects(c.recordings.stop({ roomId: 'room-1' }), isError('auth', /refused the credentials \(401\).*Token is invalid or expired \(code 401\); check the apiKey and secret$/, 401, 401));
    assert.deepEqual(waits, []);
  });

  it('rejects a malformed list body as an API error', async () => {
    fake.faults.push({ kind: 'malformed' });
    const { client: c } = client();
    await assert.rejects(c.recordings.list({ roomId: 'r', page: 1, perPage: 20 }), isError('api', /not JSON/));
  });

  it('rejects a list in the wrong shape, naming the field', async () => {
    fake.faults.push({ kind: 'status', status: 200, body: JSON.stringify({ pageInfo: { currentPage: 1 }, data: [] }) });
    const { client: c } = client();
    await assert.rejects(c.recordings.list({ roomId: 'r', page: 1, perPage: 20 }), isError('api', /unexpected shape \(pageInfo\.perPage/));
  });

  it('stops waiting when aborted', async () => {
    fake.faults.push({ kind: 'hang' });
    const controller = new AbortController();
    const { client: c } = client({ signal: controller.signal, timeoutMs: 5000, retries: 0, retryBaseMs: 1, maxRetryWaitMs: 1 });
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(c.recordings.stop({ roomId: 'room-1' }), (e: unknown) => !(e instanceof VideoSdkError));
  });
});

describe('serverMessage', () => {
  it('reads every documented failure shape and strips control characters', () => {
    assert.equal(serverMessage('"Recording started successfully"'), 'Recording started successfully');
    assert.equal(serverMessage('{"message":"ok"}'), 'ok');
    assert.equal(serverMessage('{"error":"No active session","statusCode":4012}'), 'No active session (code 4012: VideoSDK could not stop the recording)');
    assert.equal(serverMessage('bad\u001b[31m red\r\nline'), 'bad red line');
    assert.equal(serverMessage(''), '(empty response)');
    assert.equal(serverMessage('x'.repeat(1000)).length, 300);
  });
});

describe('hostile or broken answers (issue 20, defects 5 and 6)', () => {
  const JWT = /eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/;

  /** A one-route server: `reply` answers every request. */
  async function server(reply: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
    const http = createServer(reply);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
      close: () => new Promise((resolve) => { http.closeAllConnections(); http.close(() => resolve()); }),
    };
  }

  // Defect 5: the HTML echoed the Authorization header into the error, and start took it for success.
  it('a 200 HTML page echoing the Authorization header is refused, and the token never reaches the message', async () => {
    const proxy = await server((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><body>Welcome! Your header: ${req.headers.authorization}</body></html>`);
    });
    try {
      const { client: c } = client({ apiUrl: proxy.url, retries: 0 });
      await assert.rejects(c.recordings.start({ roomId: 'r' }), (e: unknown) => e instanceof VideoSdkError && e.kind === 'outcomeUnknown' && /not JSON \(text\/html\)/.test(e.message) && !JWT.test(e.message));
      await assert.rejects(c.recordings.list({ roomId: 'r' }), (e: unknown) => e instanceof VideoSdkError && e.kind === 'api' && /not JSON/.test(e.message) && !JWT.test(e.message));
      const cli = await runCli(['start', '--room', 'r', '--template-url', 'https://rec.example.com/'], testEnv(proxy.url, { VIDEOSDK_RETRIES: '0' }));
      assert.equal(cli.code, 7);
      assert.match(cli.stderr, /check with `list`/);
    } finally {
      await proxy.close();
    }
  });

  // Defect 6: a password in the API URL, a port fetch refuses, and an endless reply.
  it('an API URL with user:password@ is refused without showing the password', async () => {
    assert.throws(() => client({ apiUrl: 'https://user:hunter2-pass@api.example.com' }), (e: unknown) => e instanceof VideoSdkError && e.kind === 'invalid' && !/hunter2/.test(e.message));
    const cli = await runCli(['stop', '--room', 'r'], testEnv('https://user:hunter2-pass@api.example.com'));
    assert.equal(cli.code, 2);
    assert.doesNotMatch(cli.stderr + cli.stdout, /hunter2/);
  });

  it('a blocked port (6000) is a network error: nothing was sent, so not "outcome unknown"', async () => {
    const { client: c } = client({ apiUrl: 'http://127.0.0.1:6000', retries: 0 });
    await assert.rejects(c.recordings.start({ roomId: 'r' }), (e: unknown) => e instanceof VideoSdkError && e.kind === 'network' && /bad port/.test(e.message));
  });

  it('a 200 MB reply is not read whole: the reply cap ends it', async () => {
    let sent = 0;
    const flood = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let gone = false;
      // Stops as soon as the client hangs up, so nothing keeps writing after the test.
      res.on('close', () => {
        gone = true;
      });
      res.on('error', () => undefined);
      const more = (): void => {
        while (!gone && sent < 200 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (!gone && sent < 200 * 1024 * 1024) res.once('drain', more);
      };
      more();
    });
    try {
      const { client: c } = client({ apiUrl: flood.url, retries: 0, timeoutMs: 20_000 });
      await assert.rejects(c.recordings.list({ roomId: 'r' }), (e: unknown) => e instanceof VideoSdkError && e.kind === 'api' && new RegExp(`over ${MAX_REPLY_BYTES} bytes`).test(e.message));
      assert.ok(sent < 100 * 1024 * 1024, `the server got to write ${sent} bytes`);
    } finally {
      await flood.close();
    }
  });
});
