// Which requests are re-sent on what: a request that changes state is never sent twice once it may
// have reached VideoSDK; a redirect and a long Retry-After fail at once; backoff is not capped by the
// Retry-After limit. Each case runs the CLI against the loopback api.fake.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildVideoSdkClient } from '../../src/server/client.js';
import { API_KEY, closedPort, runCli, SECRET, useFakeApi } from './harness.js';

const TEMPLATE = 'https://rec.example.com/template/';
const UNKNOWN = /the outcome is unknown: check with `list`/;

const api = useFakeApi();

const lastJsonError = (stderr: string) => (JSON.parse(stderr.trim().split('\n').at(-1)!) as { error: Record<string, unknown> }).error;

describe('requests that change state are sent once when their outcome is unknown', () => {
  it('start: a timeout is not followed by a second start (which VideoSDK would refuse)', async () => {
    api.fake.faults.push({ kind: 'hang' }, { kind: 'status', status: 400, body: JSON.stringify({ error: 'Recording already running' }) });
    // Long enough for the request to reach the fake even on a loaded machine; the fake never answers it.
    const result = await runCli(['start', '--room', 'r', '--template-url', TEMPLATE], { ...api.env, VIDEOSDK_TIMEOUT_MS: '1000' });
    assert.equal(result.code, 7);
    assert.equal(api.fake.requests.length, 1);
    assert.match(result.stderr, /^error: POST \/v2\/recordings\/start to 127\.0\.0\.1:\d+ failed after the request was sent: no answer within 1000 ms; /);
    assert.match(result.stderr, UNKNOWN);
    assert.doesNotMatch(result.stderr, /retrying/);
  });

  it('stop: a connection reset after sending exits 7, with kind outcomeUnknown in --json', async () => {
    api.fake.faults.push({ kind: 'reset' });
    const result = await runCli(['stop', '--room', 'r', '--json'], api.env);
    assert.equal(result.code, 7);
    assert.equal(api.fake.requests.length, 1);
    const error = lastJsonError(result.stderr);
    assert.deepEqual([error.kind, error.exitCode], ['outcomeUnknown', 7]);
    assert.match(error.message as string, UNKNOWN);
  });

  for (const action of ['start', 'stop'] as const) {
    it(`track ${action}: a 500 is not retried (it may have taken effect)`, async () => {
      api.fake.faults.push({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
      const result = await runCli(['track', action, '--room', 'r', '--participant', 'p1', '--kind', 'audio'], api.env);
      assert.equal(result.code, 7);
      assert.equal(api.fake.requests.length, 1);
      assert.match(result.stderr, /VideoSDK failed on POST \/v2\/recordings\/participant\/track\/\w+ \(500\)/);
      assert.match(result.stderr, UNKNOWN);
    });
  }

  it('a POST turned away with 503 (not processed) is retried', async () => {
    api.fake.faults.push({ kind: 'status', status: 503, headers: { 'retry-after': '0' } });
    const result = await runCli(['stop', '--room', 'r'], api.env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(api.fake.requests.length, 2);
  });

  it('a POST that could not connect (nothing was sent) is retried, then exits 5', async () => {
    const result = await runCli(['stop', '--room', 'r'], { ...api.env, VIDEOSDK_API_URL: `http://127.0.0.1:${await closedPort()}` });
    assert.equal(result.code, 5);
    assert.equal(result.stderr.match(/ECONNREFUSED .*; retrying in/g)?.length, 2);
  });

  it('a GET is still retried after a timeout and a reset', async () => {
    api.fake.faults.push({ kind: 'hang' }, { kind: 'reset' });
    const result = await runCli(['list', '--room', 'r'], { ...api.env, VIDEOSDK_TIMEOUT_MS: '1000' });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(api.fake.requests.length, 3);
  });
});

describe('redirects', () => {
  it('a 3xx fails at once as an API error naming the status and Location', async () => {
    api.fake.faults.push({ kind: 'status', status: 301, body: '', headers: { location: 'https://elsewhere.example.com/v2/recordings' } });
    const result = await runCli(['list', '--room', 'r', '--json'], api.env);
    assert.equal(result.code, 4);
    assert.equal(api.fake.requests.length, 1);
    const error = lastJsonError(result.stderr);
    assert.deepEqual([error.kind, error.status], ['api', 301]);
    assert.match(error.message as string, /redirect \(301, Location https:\/\/elsewhere\.example\.com\/v2\/recordings\).*VIDEOSDK_API_URL/);
  });

  it('a redirect on a POST is not followed either', async () => {
    api.fake.faults.push({ kind: 'status', status: 307, body: '', headers: { location: '/v2/other' } });
    const result = await runCli(['stop', '--room', 'r'], api.env);
    assert.equal(result.code, 4);
    assert.equal(api.fake.requests.length, 1);
    assert.match(result.stderr, /redirect \(307, Location \/v2\/other\)/);
  });
});

describe('VIDEOSDK_MAX_RETRY_WAIT_MS bounds Retry-After only', () => {
  it('a 500 is still retried with backoff longer than the limit', async () => {
    api.fake.faults.push({ kind: 'status', status: 500 });
    const result = await runCli(['list', '--room', 'r'], { ...api.env, VIDEOSDK_MAX_RETRY_WAIT_MS: '100', VIDEOSDK_RETRY_BASE_MS: '400' });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(api.fake.requests.length, 2);
    assert.match(result.stderr, /VideoSDK answered 500; retrying in 0\.[234] s/);
  });

  it('the client waits its full backoff', async () => {
    api.fake.faults.push({ kind: 'status', status: 502 });
    const waits: number[] = [];
    const client = buildVideoSdkClient(
      { apiKey: API_KEY, secret: SECRET, apiUrl: api.fake.url, timeoutMs: 3000, retries: 2, retryBaseMs: 200, maxRetryWaitMs: 100 },
      {
        sleep: async (ms) => {
          waits.push(ms);
        },
        random: () => 1,
      },
    );
    await client.recordings.list({ roomId: 'r', page: 1, perPage: 20 });
    assert.deepEqual(waits, [200]);
  });

  it('a Retry-After over the limit still fails at once', async () => {
    api.fake.faults.push({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const result = await runCli(['list', '--room', 'r'], { ...api.env, VIDEOSDK_MAX_RETRY_WAIT_MS: '100' });
    assert.equal(result.code, 4);
    assert.equal(api.fake.requests.length, 1);
    assert.match(result.stderr, /rate-limited GET \/v2\/recordings \(429\).*retry after 1 s/);
  });
});
