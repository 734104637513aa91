// hls and livestream against the loopback fake: exact bodies with output= in the templateUrl, stream
// keys from the environment or a file and never printed (not in --dry-run, --json, errors or lists),
// retries on 429/503, none on 4xx, and exit 7 with the list to check after an unknown outcome.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseTemplateParams } from '../../src/config/url-params.js';
import { emptyDir, jsonOut, runCli, STREAM_KEYS, useFakeApi } from './harness.js';

const TEMPLATE = 'https://rec.example.com/template/';
const RTMP = ['rtmp://a.rtmp.youtube.com/live2', 'rtmps://live.twitch.tv/app', 'rtmp://live.example.com/stream'];
const [KEY1, KEY2, KEY3] = STREAM_KEYS;

const api = useFakeApi();

const withKey = (key: string = KEY1) => ({ ...api.env, VIDEOSDK_STREAM_KEY: key });
const bodyOf = (i = 0) => api.fake.requests[i]!.body as Record<string, unknown>;
const outputOf = (templateUrl: unknown) => new URL(templateUrl as string).searchParams.get('output');

function keyFile(lines: string): string {
  const dir = emptyDir();
  writeFileSync(join(dir, 'keys.txt'), lines);
  return join(dir, 'keys.txt');
}

describe('hls', () => {
  it('start posts the documented body with output=hls and prints both URLs', async () => {
    const result = await runCli(['hls', 'start', '--room', 'room-1', '--template-url', TEMPLATE, '--layout', 'SPOTLIGHT', '--record', '--transcription'], api.env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(api.fake.problems, []);
    const { templateUrl, ...rest } = bodyOf();
    assert.deepEqual(rest, {
      roomId: 'room-1',
      config: { layout: { type: 'SPOTLIGHT', priority: 'SPEAKER', gridSize: 4 }, theme: 'DEFAULT', mode: 'video-and-audio', quality: 'med', orientation: 'landscape', recording: { enabled: true } },
      transcription: { enabled: true },
    });
    assert.equal(outputOf(templateUrl), 'hls');
    assert.equal(parseTemplateParams(new URL(templateUrl as string).search).options.layoutType, 'SPOTLIGHT');
    assert.equal(result.stdout, 'HLS of room room-1 started\nplayback    https://cdn.videosdk.live/hls/r/index.m3u8\nlivestream  https://cdn.videosdk.live/live/r/index.m3u8\n');
  });

  it('start --json, and no recording or transcription unless asked', async () => {
    const out = jsonOut(await runCli(['hls', 'start', '--room', 'r', '--template-url', TEMPLATE, '--json'], api.env));
    assert.deepEqual([out.ok, out.playbackHlsUrl, out.sessionId], [true, 'https://cdn.videosdk.live/hls/r/index.m3u8', 'session-1']);
    assert.deepEqual(Object.keys(bodyOf()).sort(), ['config', 'roomId', 'templateUrl']);
    assert.equal('recording' in (bodyOf().config as object), false);
  });

  it('start --dry-run prints the body, token redacted, and sends nothing', async () => {
    const result = await runCli(['hls', 'start', '--room', 'r', '--template-url', TEMPLATE, '--dry-run', '--json'], api.env);
    assert.equal(result.code, 0);
    const out = jsonOut(result);
    assert.deepEqual([out.dryRun, out.method, out.path], [true, 'POST', '/v2/hls/start']);
    assert.match((out.request as { templateUrl: string }).templateUrl, /token=\[redacted-token\].*&output=hls$/);
    assert.equal(api.fake.requests.length, 0);
  });

  it('stop and list', async () => {
    api.fake.hlsStreams.set('room-H', Array.from({ length: 23 }, (_, i) => ({ id: `h${i}`, sessionId: `s${i}`, start: `2024-05-01T10:${String(i).padStart(2, '0')}:00Z`, playbackHlsUrl: `https://cdn.example.com/${i}.m3u8` })));
    const stop = await runCli(['hls', 'stop', '--room', 'room-H'], api.env);
    assert.equal(stop.stdout, 'HLS of room room-H ending: HLS stopped successfully\n');
    const list = await runCli(['hls', 'list', '--room', 'room-H'], api.env);
    const lines = list.stdout.trim().split('\n');
    assert.equal(lines.length, 23);
    assert.equal(lines[1], '2024-05-01T10:01:00Z  session s1  live  https://cdn.example.com/1.m3u8');
    assert.deepEqual(api.fake.requests.map((r) => `${r.method} ${r.path} ${r.query}`), ['POST /v2/hls/end ', 'GET /v2/hls roomId=room-H&page=1&perPage=20', 'GET /v2/hls roomId=room-H&page=2&perPage=20']);
    const out = jsonOut(await runCli(['hls', 'list', '--room', 'room-H', '--json'], api.env));
    assert.equal(out.total, 23);
    assert.deepEqual(api.fake.problems, []);
  });

  it('a 500 on start is not re-sent: exit 7 naming hls list', async () => {
    api.fake.faults.push({ kind: 'status', status: 500 });
    const result = await runCli(['hls', 'start', '--room', 'r', '--template-url', TEMPLATE], api.env);
    assert.equal(result.code, 7);
    assert.equal(api.fake.requests.length, 1);
    assert.match(result.stderr, /the outcome is unknown: check with `hls list` before trying again\n$/);
  });

  it('429 and 503 are retried, a 4xx is not', async () => {
    api.fake.faults.push({ kind: 'status', status: 429, headers: { 'retry-after': '0' } }, { kind: 'status', status: 503 });
    assert.equal((await runCli(['hls', 'stop', '--room', 'r'], api.env)).code, 0);
    assert.equal(api.fake.requests.length, 3);
    api.fake.reset();
    api.fake.faults.push({ kind: 'status', status: 400, body: JSON.stringify({ error: 'No active session', statusCode: 4029 }) });
    const result = await runCli(['hls', 'start', '--room', 'r', '--template-url', TEMPLATE, '--json'], api.env);
    assert.equal(result.code, 4);
    assert.equal(api.fake.requests.length, 1);
    assert.deepEqual((JSON.parse(result.stderr) as { error: Record<string, unknown> }).error, {
      kind: 'api', message: "VideoSDK rejected POST /v2/hls/start (400): No active session (code 4029: the organisation's HLS limit is reached)", exitCode: 4, status: 400, code: 4029,
    });
  });

  it('refuses a missing action and start-only flags elsewhere', async () => {
    for (const [args, message] of [
      [['hls', '--room', 'r'], /hls needs start, stop or list; accepted: start, stop, list/],
      [['hls', 'pause', '--room', 'r'], /not "pause"/],
      [['hls', 'stop', '--room', 'r', '--record'], /--record applies to hls start only/],
      [['hls', 'list', '--room', 'r', '--dry-run'], /--dry-run applies to hls start and stop only/],
      [['hls', 'start', '--room', 'r'], /--template-url is required/],
    ] as const) {
      const result = await runCli([...args], api.env);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
    assert.equal(api.fake.requests.length, 0);
  });
});

describe('livestream', () => {
  it('start sends outputs with the key from VIDEOSDK_STREAM_KEY and output=livestream, and never prints the key', async () => {
    const result = await runCli(['livestream', 'start', '--room', 'room-1', '--template-url', TEMPLATE, '--rtmp-url', RTMP[0]!, '--record', '--theme', 'DARK'], withKey());
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(api.fake.problems, []);
    const body = bodyOf();
    assert.deepEqual(body.outputs, [{ url: RTMP[0], streamKey: KEY1 }]);
    assert.deepEqual(Object.keys(body).sort(), ['config', 'outputs', 'roomId', 'templateUrl']);
    assert.deepEqual((body.config as Record<string, unknown>).recording, { enabled: true });
    assert.equal(outputOf(body.templateUrl), 'livestream');
    assert.equal(result.stdout, 'Live stream of room room-1 to 1 output requested: Livestream started successfully\n');
  });

  it('several outputs take their keys from --stream-key-file, line by line', async () => {
    const file = keyFile(`${KEY1}\r\n\n${KEY2}\n${KEY3}\n`);
    const result = await runCli(['livestream', 'start', '--room', 'r', '--template-url', TEMPLATE, ...RTMP.flatMap((url) => ['--rtmp-url', url]), '--stream-key-file', file, '--json'], withKey(KEY3));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(bodyOf().outputs, RTMP.map((url, i) => ({ url, streamKey: STREAM_KEYS[i] })));
    const out = jsonOut(result);
    assert.deepEqual(out.outputs, RTMP);
    assert.deepEqual((out.request as { outputs: unknown }).outputs, RTMP.map((url) => ({ url, streamKey: '[redacted]' })));
    assert.match(result.stderr, /note: VIDEOSDK_STREAM_KEY is ignored: the keys come from --stream-key-file/);
  });

  it('--dry-run shows the body with every key redacted', async () => {
    const file = keyFile(`${KEY1}\n${KEY2}\n`);
    const result = await runCli(['livestream', 'start', '--room', 'r', '--template-url', TEMPLATE, '--rtmp-url', RTMP[0]!, '--rtmp-url', RTMP[1]!, '--stream-key-file', file, '--dry-run'], api.env);
    assert.equal(result.code, 0, result.stderr);
    const printed = JSON.parse(result.stdout) as { outputs: unknown };
    assert.deepEqual(printed.outputs, [{ url: RTMP[0], streamKey: '[redacted]' }, { url: RTMP[1], streamKey: '[redacted]' }]);
    assert.match(result.stderr, /dry run: POST \/v2\/livestreams\/start was not sent/);
    assert.equal(api.fake.requests.length, 0);
  });

  it('a key VideoSDK echoes in an error is redacted', async () => {
    api.fake.faults.push({ kind: 'status', status: 400, body: JSON.stringify({ error: `stream key ${KEY1} refused by ${RTMP[0]}` }) });
    const result = await runCli(['livestream', 'start', '--room', 'r', '--template-url', TEMPLATE, '--rtmp-url', RTMP[0]!], withKey());
    assert.equal(result.code, 4);
    assert.equal(result.stderr, `error: VideoSDK rejected POST /v2/livestreams/start (400): stream key [redacted] refused by ${RTMP[0]}\n`);
  });

  const refused: [string, string[], Record<string, string | undefined>, RegExp][] = [
    ['no key at all', [], {}, /no stream key: set VIDEOSDK_STREAM_KEY \(one --rtmp-url\) or pass --stream-key-file FILE/],
    ['one env key for two URLs', ['--rtmp-url', RTMP[1]!], { VIDEOSDK_STREAM_KEY: KEY1 }, /VIDEOSDK_STREAM_KEY holds one key, for one --rtmp-url; for 2 outputs pass --stream-key-file/],
    ['a short env key', [], { VIDEOSDK_STREAM_KEY: 'abc' }, /VIDEOSDK_STREAM_KEY is not a stream key \(shorter than 8 characters; the value is not shown\)/],
    ['a key given as a flag', [`--stream-key=${KEY1}`], {}, /stream keys are never taken as flags/],
    ['a key given as a separate flag value', ['--stream-key', KEY2], {}, /stream keys are never taken as flags/],
    ['an http URL', ['--rtmp-url', 'https://live.example.com/'], { VIDEOSDK_STREAM_KEY: KEY1 }, /--rtmp-url: not an RTMP URL/],
  ];
  for (const [name, extra, env, message] of refused) {
    it(`refuses ${name} with exit 2, without sending or showing a key`, async () => {
      const result = await runCli(['livestream', 'start', '--room', 'r', '--template-url', TEMPLATE, '--rtmp-url', RTMP[0]!, ...extra], { ...api.env, ...env });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(api.fake.requests.length, 0);
    });
  }

  it('a key file with the wrong number of keys or a bad line names the line, never the key', async () => {
    const count = await runCli(['livestream', 'start', '--room', 'r', '--template-url', TEMPLATE, '--rtmp-url', RTMP[0]!, '--rtmp-url', RTMP[1]!, '--stream-key-file', keyFile(`${KEY1}\n`)], api.env);
    assert.match(count.stderr, /--stream-key-file holds 1 key for 2 --rtmp-url: one key per line, in the order of the URLs/);
    const bad = await runCli(['livestream', 'start', '--room', 'r', '--template-url', TEMPLATE, '--rtmp-url', RTMP[0]!, '--stream-key-file', keyFile(`${KEY1} ${KEY2}\n`)], api.env);
    assert.equal(bad.stderr, 'error: --stream-key-file: line 1 is not a stream key (contains spaces or control characters; the value is not shown)\n');
    const missing = await runCli(['livestream', 'start', '--room', 'r', '--template-url', TEMPLATE, '--rtmp-url', RTMP[0]!, '--stream-key-file', 'nope.txt'], api.env);
    assert.match(missing.stderr, /--stream-key-file: cannot read .*nope\.txt \(ENOENT\)/);
    assert.equal(api.fake.requests.length, 0);
  });

  it('a timeout after sending exits 7 naming livestream list, without re-sending', async () => {
    api.fake.faults.push({ kind: 'hang' });
    const result = await runCli(['livestream', 'start', '--room', 'r', '--template-url', TEMPLATE, '--rtmp-url', RTMP[0]!], { ...withKey(), VIDEOSDK_TIMEOUT_MS: '500' });
    assert.equal(result.code, 7);
    assert.equal(api.fake.requests.length, 1);
    assert.match(result.stderr, /no answer within 500 ms; .*check with `livestream list` before trying again/);
  });

  it('list prints each stream with its output URLs and never their keys', async () => {
    api.fake.livestreams.set('room-L', [{ id: 'l1', sessionId: 's1', start: '2024-05-01T10:00:00Z', end: '2024-05-01T11:00:00Z', outputs: [{ url: RTMP[0], streamKey: KEY2 } as { url: string }] }]);
    const human = await runCli(['livestream', 'list', '--room', 'room-L'], api.env);
    assert.equal(human.stdout, `2024-05-01T10:00:00Z  session s1  ended 2024-05-01T11:00:00Z  ${RTMP[0]}\n`);
    const out = jsonOut(await runCli(['livestream', 'list', '--room', 'room-L', '--json'], api.env));
    assert.deepEqual(out.streams, [{ id: 'l1', sessionId: 's1', start: '2024-05-01T10:00:00Z', end: '2024-05-01T11:00:00Z', outputs: [RTMP[0]] }]);
    assert.deepEqual(api.fake.requests.map((r) => `${r.path}?${r.query}`), ['/v2/livestreams?roomId=room-L', '/v2/livestreams?roomId=room-L']);
  });

  it('stop', async () => {
    const out = jsonOut(await runCli(['livestream', 'stop', '--room', 'r', '--json'], api.env));
    assert.deepEqual(out, { ok: true, roomId: 'r', message: 'Livestream stopped successfully' });
    assert.deepEqual(bodyOf(), { roomId: 'r' });
  });
});
