// Every method of the library client against the loopback fake: the exact request each sends (path,
// query, body, headers), its typed result, its errors as typed values, and what is never re-sent.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { jwtVerify } from 'jose';
import { DEFAULT_OPTIONS } from '../../src/config/options.js';
import { toRestConfig } from '../../src/config/rest-config.js';
import { buildVideoSdkClient, createVideoSdkClient, type VideoSdkClient } from '../../src/server/client.js';
import { VideoSdkError } from '../../src/server/errors.js';
import { FakeRestApi } from './fake-rest-api.js';
import { API_KEY, SECRET } from './harness.js';

const STREAM_KEY = 'live_123456_streamKeyThatMustNeverShow';
const TEMPLATE = 'https://rec.example.com/t/?brand=acme';
const config = toRestConfig(DEFAULT_OPTIONS);

let fake: FakeRestApi;
let client: VideoSdkClient;
before(async () => {
  fake = await FakeRestApi.start(SECRET, API_KEY);
  client = buildVideoSdkClient({ apiKey: API_KEY, secret: SECRET, apiUrl: fake.url, retries: 2, retryBaseMs: 1 }, { sleep: async () => undefined });
});
after(() => fake.close());
beforeEach(() => fake.reset());

const last = () => fake.requests.at(-1)!;
const isError = (kind: string, pattern: RegExp, status?: number, code?: number) => (error: unknown) =>
  error instanceof VideoSdkError && error.kind === kind && pattern.test(error.message) && error.status === status && error.code === code;

describe('createVideoSdkClient', () => {
  it('refuses missing or short credentials and a bad apiUrl or retry count, naming the option', () => {
    const cases: [Parameters<typeof createVideoSdkClient>[0], RegExp][] = [
      [{ apiKey: '', secret: SECRET }, /apiKey and secret are required/],
      [{ apiKey: API_KEY, secret: 'short' }, /secret is too short .*5 characters/],
      [{ apiKey: API_KEY, secret: SECRET, apiUrl: 'ftp://x' }, /^apiUrl is not valid/],
      [{ apiKey: API_KEY, secret: SECRET, retries: 11 }, /^retries is not valid; accepted: an integer from 0 to 10/],
      [{ apiKey: API_KEY, secret: SECRET, timeoutMs: 0 }, /^timeoutMs is not valid/],
    ];
    for (const [options, message] of cases) {
      assert.throws(() => createVideoSdkClient(options), (e: unknown) => e instanceof VideoSdkError && e.kind === 'invalid' && message.test(e.message) && !e.message.includes(SECRET));
    }
  });

  it('mints tokens with the asked claims', async () => {
    const { token, claims, expiresAt } = await client.tokens.mint({ roomId: 'room-1', roles: ['rtc'], ttlSeconds: 120 });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET));
    assert.deepEqual([payload.roomId, payload.roles, payload.exp! - payload.iat!], ['room-1', ['rtc'], 120]);
    assert.equal(Date.parse(expiresAt) / 1000, claims.exp);
  });
});

describe('templateUrl', () => {
  it('builds the URL for each output with a room-bound join token and the matching config', async () => {
    for (const output of ['recording', 'hls', 'livestream'] as const) {
      const built = await client.templateUrl({ baseUrl: TEMPLATE, roomId: 'room-1', output, options: { layoutType: 'SIDEBAR', theme: 'dark' } as never });
      const url = new URL(built.templateUrl);
      assert.deepEqual([url.searchParams.get('output'), url.searchParams.get('meetingId'), url.searchParams.get('brand'), url.searchParams.get('theme')], [output, 'room-1', 'acme', 'DARK']);
      assert.deepEqual(built.config, { ...config, layout: { ...config.layout, type: 'SIDEBAR' }, theme: 'DARK' });
      const { payload } = await jwtVerify(built.token, new TextEncoder().encode(SECRET));
      assert.deepEqual([payload.roomId, payload.roles, payload.participantId, payload.exp! - payload.iat!], ['room-1', ['rtc'], undefined, 86_400]);
    }
  });

  it('defaults to output=recording and lists what replaced the base URL\'s own options', async () => {
    const built = await client.templateUrl({ baseUrl: 'https://rec.example.com/?theme=DARK', roomId: 'r', options: { theme: 'LIGHT' } });
    assert.equal(new URL(built.templateUrl).searchParams.get('output'), 'recording');
    assert.deepEqual(built.overrides, [{ option: 'theme', value: 'LIGHT', replaced: 'DARK' }]);
  });

  it('refuses what the page or VideoSDK would, as rejections naming the option', async () => {
    const cases: [Parameters<VideoSdkClient['templateUrl']>[0], RegExp][] = [
      [{ baseUrl: 'http://rec.example.com/', roomId: 'r' }, /^baseUrl: VideoSDK only opens https URLs/],
      [{ baseUrl: TEMPLATE, roomId: 'r', options: { layoutGridSize: 9 } }, /^options\.layoutGridSize="9" is not valid; accepted: an integer from 1 to 4/],
      [{ baseUrl: TEMPLATE, roomId: 'r', options: { colour: 'red' } as never }, /^options\.colour is not a template option/],
      [{ baseUrl: TEMPLATE, roomId: 'r', output: 'rtmp' as never }, /^output is not valid; accepted: recording, hls, livestream/],
      [{ baseUrl: TEMPLATE, roomId: 'r', ttlSeconds: 60 }, /^ttlSeconds is not valid/],
      [{ baseUrl: TEMPLATE, roomId: 'a b' }, /^roomId is not valid/],
    ];
    for (const [options, message] of cases) await assert.rejects(client.templateUrl(options), (e: unknown) => e instanceof VideoSdkError && e.kind === 'invalid' && message.test(e.message));
  });
});

describe('every REST method sends exactly the documented request', () => {
  const calls: [string, () => Promise<unknown>, string, string, unknown, Record<string, string>?][] = [
    ['recordings.stop', () => client.recordings.stop({ roomId: 'r' }), 'POST', '/v2/recordings/end', { roomId: 'r' }],
    ['recordings.list', () => client.recordings.list({ roomId: 'r', sessionId: 's', page: 2, perPage: 5 }), 'GET', '/v2/recordings', undefined, { roomId: 'r', sessionId: 's', page: '2', perPage: '5' }],
    ['tracks.start', () => client.tracks.start({ roomId: 'r', participantId: 'p', kind: 'audio', webhookUrl: 'https://h.example.com/' }), 'POST', '/v2/recordings/participant/track/start', { roomId: 'r', participantId: 'p', kind: 'audio', fileFormat: 'webm', webhookUrl: 'https://h.example.com/' }],
    ['tracks.stop', () => client.tracks.stop({ roomId: 'r', participantId: 'p', kind: 'video' }), 'POST', '/v2/recordings/participant/track/stop', { roomId: 'r', participantId: 'p', kind: 'video' }],
    ['participantRecordings.start', () => client.participantRecordings.start({ roomId: 'r', participantId: 'p', fileFormat: 'mp4', bucketDirPath: 'b/' }), 'POST', '/v2/recordings/participant/start', { roomId: 'r', participantId: 'p', fileFormat: 'mp4', bucketDirPath: 'b/' }],
    ['participantRecordings.stop', () => client.participantRecordings.stop({ roomId: 'r', participantId: 'p' }), 'POST', '/v2/recordings/participant/stop', { roomId: 'r', participantId: 'p' }],
    ['hls.start', () => client.hls.start({ roomId: 'r', config: { ...config, recording: { enabled: true } }, transcription: { enabled: true } }), 'POST', '/v2/hls/start', { roomId: 'r', config: { ...config, recording: { enabled: true } }, transcription: { enabled: true } }],
    ['hls.stop', () => client.hls.stop({ roomId: 'r' }), 'POST', '/v2/hls/end', { roomId: 'r' }],
    ['hls.list', () => client.hls.list({ roomId: 'r' }), 'GET', '/v2/hls', undefined, { roomId: 'r' }],
    ['livestreams.start', () => client.livestreams.start({ roomId: 'r', outputs: [{ url: 'rtmp://a.example.com/live', streamKey: STREAM_KEY }] }), 'POST', '/v2/livestreams/start', { roomId: 'r', outputs: [{ url: 'rtmp://a.example.com/live', streamKey: STREAM_KEY }] }],
    ['livestreams.stop', () => client.livestreams.stop({ roomId: 'r' }), 'POST', '/v2/livestreams/end', { roomId: 'r' }],
    ['livestreams.list', () => client.livestreams.list({ roomId: 'r' }), 'GET', '/v2/livestreams', undefined, { roomId: 'r' }],
    ['rooms.create', () => client.rooms.create({ customRoomId: 'weekly', webhook: { endPoint: 'https://h.example.com/', events: ['recording-*'] }, autoCloseConfig: { type: 'session-ends', duration: 60 } }), 'POST', '/v2/rooms', { customRoomId: 'weekly', webhook: { endPoint: 'https://h.example.com/', events: ['recording-*'] }, autoCloseConfig: { type: 'session-ends', duration: 60 } }],
  ];
  for (const [name, call, method, path, body, query] of calls) {
    it(`${name}: ${method} ${path}`, async () => {
      await call();
      assert.deepEqual(fake.problems, []);
      assert.equal(fake.requests.length, 1);
      const seen = last();
      assert.deepEqual([seen.method, seen.path, seen.body], [method, path, body]);
      assert.deepEqual(Object.fromEntries(seen.query), query ?? {});
      assert.deepEqual(seen.claims?.roles, ['crawler']);
      assert.equal(seen.contentType, method === 'POST' ? 'application/json' : undefined);
    });
  }

  it('recordings.get and delete address the recording by id', async () => {
    fake.recordings.set('r', [{ id: 'rec_1', roomId: 'r', sessionId: 's', file: { fileUrl: 'https://cdn.example.com/1.mp4', size: 5 } }]);
    const recording = await client.recordings.get({ id: 'rec_1' });
    assert.equal(recording.file?.fileUrl, 'https://cdn.example.com/1.mp4');
    assert.equal((await client.recordings.delete({ id: 'rec_1' })).message, 'Recording deleted successfully');
    assert.deepEqual(fake.requests.map((r) => `${r.method} ${r.path}`), ['GET /v2/recordings/rec_1', 'DELETE /v2/recordings/rec_1']);
    assert.deepEqual(fake.problems, []);
  });
});

describe('typed results', () => {
  it('hls.start resolves to the playback URLs', async () => {
    const started = await client.hls.start({ roomId: 'r' });
    assert.deepEqual([started.playbackHlsUrl, started.livestreamUrl, started.sessionId], ['https://cdn.videosdk.live/hls/r/index.m3u8', 'https://cdn.videosdk.live/live/r/index.m3u8', 'session-1']);
  });
  it('rooms.create resolves to the room VideoSDK made', async () => {
    const room = await client.rooms.create();
    assert.match(room.roomId, /^room-\d+-fake$/);
    assert.deepEqual(last().body, {});
  });
  it('an object acknowledgement keeps its fields', async () => {
    fake.replies['/v2/livestreams/start'] = JSON.stringify({ id: 'ls-1', sessionId: 's', message: 'Livestream started' });
    const ack = await client.livestreams.start({ roomId: 'r', outputs: [{ url: 'rtmps://a.example.com/app', streamKey: STREAM_KEY }] });
    assert.deepEqual(ack, { message: 'Livestream started', data: { id: 'ls-1', sessionId: 's', message: 'Livestream started' } });
    fake.replies['/v2/livestreams/start'] = JSON.stringify('Livestream started successfully');
  });
  it('an answer in another shape is an api error naming the field', async () => {
    fake.faults.push({ kind: 'status', status: 200, body: JSON.stringify({ customRoomId: 'x' }) });
    await assert.rejects(client.rooms.create(), isError('api', /sent a room in an unexpected shape \(roomId: /, undefined));
  });
});

describe('errors are typed values and never show a secret', () => {
  it('a rejection carries the HTTP status and VideoSDK\'s code, and is not retried', async () => {
    fake.faults.push({ kind: 'status', status: 400, body: JSON.stringify({ error: 'HLS limit reached', statusCode: 4029 }) });
    await assert.rejects(client.hls.start({ roomId: 'r' }), isError('api', /^VideoSDK rejected POST \/v2\/hls\/start \(400\): HLS limit reached \(code 4029: the organisation's HLS limit is reached\)$/, 400, 4029));
    assert.equal(fake.requests.length, 1);
  });

  it('a stream key, the secret and tokens VideoSDK echoes are redacted from the message', async () => {
    const { token } = await client.tokens.mint();
    fake.faults.push({ kind: 'status', status: 400, body: JSON.stringify({ error: `bad key ${STREAM_KEY} with ${token} signed by ${SECRET}` }) });
    const error = await client.livestreams.start({ roomId: 'r', outputs: [{ url: 'rtmp://a.example.com/live', streamKey: STREAM_KEY }] }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof VideoSdkError);
    assert.equal(error.message, 'VideoSDK rejected POST /v2/livestreams/start (400): bad key [redacted] with [redacted-token] signed by [redacted]');
    assert.ok(!String(error.stack).includes(STREAM_KEY));
  });

  it('a GET is retried on 500; a POST and a DELETE are not (their outcome is unknown)', async () => {
    fake.faults.push({ kind: 'status', status: 500 });
    await client.hls.list({ roomId: 'r' });
    assert.equal(fake.requests.length, 2);
    fake.reset();
    fake.faults.push({ kind: 'status', status: 500 });
    await assert.rejects(client.livestreams.stop({ roomId: 'r' }), isError('outcomeUnknown', /\(500\): .*not re-sent, as it changes state and may have taken effect: the outcome is unknown$/, 500, 500));
    fake.faults.push({ kind: 'reset' });
    await assert.rejects(client.recordings.delete({ id: 'rec_1' }), (e: unknown) => e instanceof VideoSdkError && e.kind === 'outcomeUnknown' && e.endpoint === 'DELETE /v2/recordings/rec_1');
    fake.faults.push({ kind: 'status', status: 503, headers: { 'retry-after': '0' } });
    await client.rooms.create();
    assert.equal(fake.requests.length, 4, 'a 503 was turned away, so rooms.create was sent again');
  });

  it('bad options reject before anything is sent, naming the option', async () => {
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => client.recordings.start({ roomId: '' }), /^roomId is not valid/],
      [() => client.recordings.start({ roomId: 'r', preSignedUrl: 'http://b.example.com/' }), /^preSignedUrl is not valid; accepted: a https URL/],
      [() => client.recordings.start({ roomId: 'r', config: { ...config, quality: '4k' as never } }), /^config\.quality="4k" is not valid; accepted: low, med, high/],
      [() => client.recordings.get({ id: '../rooms' }), /^id is not valid; accepted: letters, digits/],
      [() => client.tracks.start({ roomId: 'r', participantId: 'p', kind: 'screen' as never }), /^kind is not valid; accepted: audio, video, screen_audio, screen_video/],
      [() => client.livestreams.start({ roomId: 'r', outputs: [] }), /^outputs is not valid/],
      [() => client.livestreams.start({ roomId: 'r', outputs: [{ url: 'https://a.example.com/', streamKey: STREAM_KEY }] }), /^outputs\[0\]\.url is not valid; accepted: a rtmp or rtmps URL/],
      [() => client.livestreams.start({ roomId: 'r', outputs: [{ url: 'rtmp://a.example.com/', streamKey: 'short' }] }), /^outputs\[0\]\.streamKey is not a stream key; .*\(the value is not shown\)$/],
      [() => client.rooms.create({ webhook: { endPoint: 'https://h.example.com/', events: [''] } }), /^webhook\.events is not valid/],
      [() => client.hls.list({ roomId: 'r', perPage: 1000 }), /^perPage is not valid; accepted: an integer from 1 to 100/],
    ];
    for (const [call, message] of cases) {
      await assert.rejects(call(), (e: unknown) => e instanceof VideoSdkError && e.kind === 'invalid' && message.test(e.message) && !e.message.includes('short'));
    }
    assert.equal(fake.requests.length, 0);
  });
});
