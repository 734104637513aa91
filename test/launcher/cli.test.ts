import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { jwtVerify } from 'jose';
import { parseTemplateParams } from '../../src/config/url-params.js';
import { COMMANDS } from '../../src/launcher/cli.js';
import { API_KEY, closedPort, emptyDir, jsonOut, runCli, SECRET, useFakeApi } from './harness.js';

const key = new TextEncoder().encode(SECRET);
const TEMPLATE = 'https://rec.example.com/template/';

const api = useFakeApi();

describe('help', () => {
  it('--help lists every command, the environment and the exit codes, with exit 0 and no credentials', async () => {
    const result = await runCli(['--help'], {});
    assert.equal(result.code, 0);
    for (const command of ['token', 'url', 'start', 'stop', 'list', 'recording', 'track', 'participant', 'hls', 'livestream', 'room', 'watch']) assert.match(result.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.match(result.stdout, /VIDEOSDK_API_KEY, VIDEOSDK_SECRET/);
    assert.match(result.stdout, /Exit codes: 0 ok, 1 internal error, 2 usage, 3 auth\/credentials, 4 API error, 5 network,/);
    assert.equal(result.stderr, '');
  });

  it('no command prints the help on stderr and exits 2', async () => {
    const result = await runCli([], {});
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Usage: videosdk-record <command>/);
  });

  for (const spec of COMMANDS) {
    it(`${spec.name} --help shows usage, flags and an example`, async () => {
      const result = await runCli([spec.name, '--help'], {});
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(`^Usage: videosdk-record ${spec.name}`, 'm'));
      assert.match(result.stdout, /^Examples?:\n {2}(VIDEOSDK_STREAM_KEY=… )?videosdk-record /m);
      assert.match(result.stdout, /--json/);
      const viaHelp = await runCli(['help', spec.name], {});
      assert.equal(viaHelp.stdout, result.stdout);
    });
  }

  it('help for an unknown command is a usage error', async () => {
    const result = await runCli(['help', 'record'], {});
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command "record"; accepted: token, url, start, stop, list, recording, track, participant, hls, livestream, room, watch/);
  });
});

describe('help text (issue 22 item 14)', () => {
  const COMMANDS = ['token', 'url', 'start', 'stop', 'list', 'recording', 'track', 'participant', 'hls', 'livestream', 'room', 'watch'];
  const help = async (command: string) => (await runCli([command, '--help'], {})).stdout;

  it('token and url list --show-token once', async () => {
    for (const command of ['token', 'url']) assert.equal((await help(command)).match(/^ {2}--show-token\b/gm)?.length, 1, command);
  });

  it('room create marks --template-url required only with --auto-record or --auto-hls; hls and livestream only for start', async () => {
    assert.match(await help('room'), /--template-url BASE +https address of the hosted template page \(required with --auto-record or --auto-hls\)/);
    for (const command of ['hls', 'livestream']) assert.match(await help(command), /--template-url BASE +https address of the hosted template page \(start only; required\)/, command);
  });

  it('every flag description, global flags included, starts in one column', async () => {
    for (const command of COMMANDS) {
      const flags = (await help(command)).split('Flags:\n')[1]!.split('\n\n')[0]!.split('\n');
      const columns = flags.filter((line) => /^ {2}\S.* {2,}\S/.test(line)).map((line) => /^ {2}\S+(?: \S+)? +/.exec(line)![0].length);
      assert.deepEqual([...new Set(columns)], [28], `${command}: ${flags.join('\n')}`);
    }
  });

  it('the layout flags list every value with its default, ultra included', async () => {
    assert.match(await help('start'), /--quality low\|med\|high\|ultra\n {28}VideoSDK's recording tier \(default med\)/);
    assert.match(await help('start'), /--grid-size 1-4 +tiles on screen \(default 4\)/);
  });
});

describe('usage errors', () => {
  it('an unknown command exits 2 naming the accepted ones', async () => {
    const result = await runCli(['begin'], api.env);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'error: unknown command "begin"; accepted: token, url, start, stop, list, recording, track, participant, hls, livestream, room, watch\n');
  });
  it('an unknown flag exits 2 naming it', async () => {
    const result = await runCli(['stop', '--room', 'r', '--force'], api.env);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'error: unknown flag --force for stop; see videosdk-record stop --help\n');
  });
  it('a flag without its value exits 2', async () => {
    const result = await runCli(['stop', '--room'], api.env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--room needs a value/);
  });
  it('a stray argument exits 2', async () => {
    const result = await runCli(['stop', '--room', 'r', 'now'], api.env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unexpected argument "now" for stop/);
  });
  it('credentials passed as flags are refused without echoing them', async () => {
    for (const flag of [`--secret=${SECRET}`, '--api-key', '--apiSecret=abc']) {
      const result = await runCli(['token', flag, 'value-xyz'], {});
      assert.equal(result.code, 2, flag);
      assert.match(result.stderr, /credentials are never taken as flags/);
      assert.ok(!result.stderr.includes('value-xyz') && !result.stderr.includes('abc'));
    }
  });
  it('usage errors are JSON on stderr with --json, and nothing is sent', async () => {
    const result = await runCli(['start', '--room', 'r', '--template-url', TEMPLATE, '--layout', 'MOSAIC', '--json'], api.env);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.deepEqual(JSON.parse(result.stderr), {
      ok: false,
      error: { kind: 'usage', message: '--layout="MOSAIC" is not valid; accepted: GRID, SPOTLIGHT, SIDEBAR', exitCode: 2 },
    });
    assert.equal(api.fake.requests.length, 0);
  });
});

describe('credentials', () => {
  it('missing credentials exit 3 before any request, saying where to put them', async () => {
    const result = await runCli(['stop', '--room', 'r'], { VIDEOSDK_API_URL: api.fake.url });
    assert.equal(result.code, 3);
    assert.match(result.stderr, /^error: missing VIDEOSDK_API_KEY and VIDEOSDK_SECRET: set them in the environment or in a \.env file/);
    assert.equal(api.fake.requests.length, 0);
  });
  it('reads them from ./.env', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, '.env'), `VIDEOSDK_API_KEY=${API_KEY}\nVIDEOSDK_SECRET=${SECRET}\n`);
    const result = await runCli(['stop', '--room', 'r'], { ...api.env, VIDEOSDK_API_KEY: undefined, VIDEOSDK_SECRET: undefined }, { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(api.fake.problems, []);
  });
  it('reads them from --env-file, and a missing one is a usage error', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'videosdk.env'), `VIDEOSDK_API_KEY=${API_KEY}\nVIDEOSDK_SECRET=${SECRET}\n`);
    const bare = { ...api.env, VIDEOSDK_API_KEY: undefined, VIDEOSDK_SECRET: undefined };
    assert.equal((await runCli(['--env-file', 'videosdk.env', 'stop', '--room', 'r'], bare, { cwd: dir })).code, 0);
    const missing = await runCli(['stop', '--room', 'r', '--env-file=nope.env'], bare, { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--env-file: cannot read .*nope\.env/);
  });
  it('a wrong secret is an auth error (exit 3) with the server message', async () => {
    const result = await runCli(['stop', '--room', 'r'], { ...api.env, VIDEOSDK_SECRET: 'not-the-secret-at-all-but-long-enough' });
    assert.equal(result.code, 3);
    assert.match(result.stderr, /VideoSDK refused the credentials \(401\) on POST \/v2\/recordings\/end: Token is invalid or expired/);
    assert.equal(api.fake.requests.length, 1);
  });
});

describe('token', () => {
  it('is redacted by default, with the scope on stderr', async () => {
    const result = await runCli(['token', '--room', 'room-1'], api.env);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '[redacted-token]\n');
    assert.match(result.stderr, /token valid for 1h \(until .*Z\), permissions allow_join, room room-1\nthe token is redacted; pass --show-token to print it\n/);
  });
  it('--show-token prints a verifiable token with the asked claims', async () => {
    const result = await runCli(['token', '--room', 'room-1', '--ttl', '2h', '--role', 'crawler', '--show-token'], api.env);
    assert.equal(result.code, 0);
    const { payload } = await jwtVerify(result.stdout.trim(), key, { algorithms: ['HS256'] });
    assert.equal(payload.apikey, API_KEY);
    assert.deepEqual(payload.permissions, ['allow_join']);
    assert.equal(payload.version, 2);
    assert.equal(payload.roomId, 'room-1');
    assert.deepEqual(payload.roles, ['crawler']);
    assert.equal(payload.exp! - payload.iat!, 7200);
    assert.doesNotMatch(result.stderr, /redacted/);
  });
  it('--json gives the claims and expiry', async () => {
    const result = await runCli(['token', '--json', '--ttl', '90s'], api.env);
    const out = jsonOut(result);
    assert.equal(out.token, '[redacted-token]');
    const claims = out.claims as Record<string, unknown>;
    assert.equal(claims.apikey, API_KEY);
    assert.equal(claims.roomId, undefined);
    assert.equal(new Date(out.expiresAt as string).getTime() / 1000, claims.exp);
    assert.equal(result.stderr, '');
  });
  it('rejects a bad role and a bad ttl with exit 2', async () => {
    const role = await runCli(['token', '--role', 'admin'], api.env);
    assert.equal(role.code, 2);
    assert.match(role.stderr, /--role="admin" is not valid; accepted: rtc, crawler/);
    const ttl = await runCli(['token', '--ttl', '1y'], api.env);
    assert.equal(ttl.code, 2);
    assert.match(ttl.stderr, /--ttl="1y" is not valid/);
  });
});

describe('url', () => {
  it('builds the templateUrl the page reads back, with a room-bound join-only token', async () => {
    const args = ['url', '--room', 'room-1', '--template-url', TEMPLATE, '--layout', 'sidebar', '--priority', 'PIN', '--grid-size', '3', '--theme', 'DARK', '--show-token'];
    const result = await runCli(args, api.env);
    assert.equal(result.code, 0, result.stderr);
    const url = new URL(result.stdout.trim());
    const params = parseTemplateParams(url.search);
    assert.deepEqual(params.warnings, []);
    assert.equal(params.options.layoutType, 'SIDEBAR');
    assert.equal(params.options.layoutPriority, 'PIN');
    assert.equal(params.options.layoutGridSize, 3);
    assert.equal(params.options.theme, 'DARK');
    assert.equal(params.recorder.meetingId, 'room-1');
    const { payload } = await jwtVerify(params.recorder.token!, key);
    assert.equal(payload.roomId, 'room-1');
    assert.deepEqual(payload.roles, ['rtc']);
    assert.equal(payload.participantId, undefined);
    assert.equal(payload.exp! - payload.iat!, 24 * 3600);
  });
  it('redacts token= without --show-token', async () => {
    const result = await runCli(['url', '--room', 'room-1', '--template-url', TEMPLATE], api.env);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^https:\/\/rec\.example\.com\/template\/\?token=\[redacted-token\]&meetingId=room-1&layoutType=GRID&/);
    assert.match(result.stderr, /pass --show-token/);
  });
  it('--json gives the URL, expiry and options', async () => {
    const out = jsonOut(await runCli(['url', '--room', 'room-1', '--template-url', TEMPLATE, '--ttl', '2h', '--json'], api.env));
    assert.match(out.templateUrl as string, /token=\[redacted-token\]/);
    assert.equal((out.options as Record<string, unknown>).layoutGridSize, 4);
    assert.ok(Date.parse(out.tokenExpiresAt as string) - Date.now() > 7100_000);
  });
  const invalid: [string[], RegExp][] = [
    [['--grid-size', '5'], /--grid-size="5" is not valid; accepted: an integer from 1 to 4/],
    [['--grid-size', '2.5'], /--grid-size="2.5" is not valid/],
    [['--priority', 'LOUDEST'], /--priority="LOUDEST" is not valid; accepted: SPEAKER, PIN/],
    [['--theme', 'NEON'], /--theme="NEON" is not valid; accepted: DARK, LIGHT, DEFAULT/],
    [['--quality', '4k'], /--quality="4k" is not valid; accepted: low, med, high/],
    [['--orientation', 'square'], /accepted: landscape, portrait/],
    [['--mode', 'video'], /accepted: video-and-audio, audio/],
    [['--ttl', '5m'], /--ttl="5m" is not valid; accepted: a duration from 10m to 30d/],
  ];
  for (const [extra, message] of invalid) {
    it(`rejects ${extra.join(' ')} with exit 2`, async () => {
      const result = await runCli(['url', '--room', 'r', '--template-url', TEMPLATE, ...extra], api.env);
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
    });
  }
  it('rejects http, localhost and private templates unless --allow-insecure-template', async () => {
    for (const template of ['http://rec.example.com/', 'https://localhost:5173/', 'https://10.0.0.5/']) {
      const result = await runCli(['url', '--room', 'r', '--template-url', template], api.env);
      assert.equal(result.code, 2, template);
      assert.match(result.stderr, /^error: --template-url: /);
    }
    const allowed = await runCli(['url', '--room', 'r', '--template-url', 'http://localhost:5173/', '--allow-insecure-template'], api.env);
    assert.equal(allowed.code, 0);
  });
  it('requires --room and --template-url', async () => {
    assert.match((await runCli(['url', '--template-url', TEMPLATE], api.env)).stderr, /--room is required/);
    assert.match((await runCli(['url', '--room', 'r'], api.env)).stderr, /--template-url is required/);
    assert.match((await runCli(['url', '--room', 'a b', '--template-url', TEMPLATE], api.env)).stderr, /--room="a b" is not valid/);
  });
});

describe('start', () => {
  it('posts exactly the documented body, built from the flags', async () => {
    const args = [
      'start', '--room', 'room-1', '--template-url', TEMPLATE, '--layout', 'SPOTLIGHT', '--priority', 'PIN', '--grid-size', '2',
      '--theme', 'LIGHT', '--mode', 'audio', '--quality', 'high', '--orientation', 'portrait', '--webhook-url', 'https://hooks.example.com/v',
      '--aws-dir-path', 'recordings/room-1', '--presigned-url', 'https://bucket.s3.example.com/f.mp4?X-Amz-Signature=deadbeef', '--summary', 'Action items only',
    ];
    const result = await runCli(args, api.env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'Recording of room room-1 requested: Recording started successfully\n');
    assert.deepEqual(api.fake.problems, []);
    const body = api.fake.requests[0]!.body as Record<string, unknown>;
    const { templateUrl, ...rest } = body;
    assert.deepEqual(rest, {
      roomId: 'room-1',
      config: { layout: { type: 'SPOTLIGHT', priority: 'PIN', gridSize: 2 }, theme: 'LIGHT', mode: 'audio', quality: 'high', orientation: 'portrait' },
      transcription: { enabled: true, summary: { enabled: true, prompt: 'Action items only' } },
      webhookUrl: 'https://hooks.example.com/v',
      awsDirPath: 'recordings/room-1',
      preSignedUrl: 'https://bucket.s3.example.com/f.mp4?X-Amz-Signature=deadbeef',
    });
    const params = parseTemplateParams(new URL(templateUrl as string).search);
    assert.equal(params.options.layoutType, 'SPOTLIGHT');
    assert.equal(params.options.orientation, 'portrait');
    assert.equal(params.recorder.meetingId, 'room-1');
  });
  it('sends only roomId, templateUrl and the full config when no extras are asked for', async () => {
    const result = await runCli(['start', '--room', 'room-1', '--template-url', TEMPLATE], api.env);
    assert.equal(result.code, 0);
    assert.deepEqual(Object.keys(api.fake.requests[0]!.body as object).sort(), ['config', 'roomId', 'templateUrl']);
  });
  it('--transcription and a bare --summary', async () => {
    await runCli(['start', '--room', 'r', '--template-url', TEMPLATE, '--transcription'], api.env);
    await runCli(['start', '--room', 'r', '--template-url', TEMPLATE, '--summary', '--json'], api.env);
    await runCli(['start', '--room', 'r', '--template-url', TEMPLATE, '--summary'], api.env);
    const transcriptions = api.fake.requests.map((r) => (r.body as Record<string, unknown>).transcription);
    assert.deepEqual(transcriptions, [{ enabled: true }, { enabled: true, summary: { enabled: true } }, { enabled: true, summary: { enabled: true } }]);
    assert.deepEqual(api.fake.problems, []);
  });
  it('--json reports the request with the token and pre-signed URL hidden', async () => {
    const result = await runCli(['start', '--room', 'r', '--template-url', TEMPLATE, '--presigned-url', 'https://b.example.com/x?sig=s3cr3t', '--json'], api.env);
    const out = jsonOut(result);
    assert.equal(out.ok, true);
    assert.equal(out.message, 'Recording started successfully');
    const request = out.request as Record<string, unknown>;
    assert.match(request.templateUrl as string, /token=\[redacted-token\]/);
    assert.equal(request.preSignedUrl, '[redacted]');
    assert.ok(!result.stdout.includes('s3cr3t') && !result.stderr.includes('s3cr3t'));
  });
  it('--dry-run prints the body and sends nothing', async () => {
    const result = await runCli(['start', '--room', 'r', '--template-url', TEMPLATE, '--dry-run'], api.env);
    assert.equal(result.code, 0);
    assert.equal((JSON.parse(result.stdout) as Record<string, unknown>).roomId, 'r');
    assert.equal(api.fake.requests.length, 0);
  });
  it('validates every flag before any request', async () => {
    const cases: [string[], RegExp][] = [
      [['--webhook-url', 'not a url'], /--webhook-url: not a URL/],
      [['--webhook-url', 'ftp://x.example.com/'], /--webhook-url: ftp is not accepted/],
      [['--presigned-url', 'http://b.example.com/x'], /--presigned-url: http is not accepted; accepted: an https URL/],
      [['--aws-dir-path', ''], /--aws-dir-path is not valid/],
      [['--grid-size', '0'], /--grid-size="0"/],
    ];
    for (const [extra, message] of cases) {
      const result = await runCli(['start', '--room', 'r', '--template-url', TEMPLATE, ...extra], api.env);
      assert.equal(result.code, 2, extra.join(' '));
      assert.match(result.stderr, message);
    }
    assert.equal(api.fake.requests.length, 0);
  });
  it('warns when the webhook URL is local (VideoSDK cannot reach it) but still starts', async () => {
    const result = await runCli(['start', '--room', 'r', '--template-url', TEMPLATE, '--webhook-url', 'http://127.0.0.1:8787/'], api.env);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /warning: --webhook-url points at 127\.0\.0\.1/);
  });
  it('shows VideoSDK\'s refusal (exit 4) without retrying', async () => {
    api.fake.faults.push({ kind: 'status', status: 400, body: JSON.stringify({ error: 'Recording limit reached', statusCode: 4028 }) });
    const result = await runCli(['start', '--room', 'r', '--template-url', TEMPLATE], api.env);
    assert.equal(result.code, 4);
    assert.match(result.stderr, /^error: VideoSDK rejected POST \/v2\/recordings\/start \(400\): Recording limit reached \(code 4028: the organisation's recording limit is reached\)\n$/);
    assert.equal(api.fake.requests.length, 1);
  });
  it('retries 5xx and 429 (Retry-After: 0), saying so on stderr, then succeeds', async () => {
    api.fake.faults.push({ kind: 'status', status: 503 }, { kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    const result = await runCli(['start', '--room', 'r', '--template-url', TEMPLATE], api.env);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /VideoSDK answered 503; retrying in 0\.0 s \(attempt 2 of 3\)\nrate limited \(429\); retrying in 0\.0 s \(attempt 3 of 3\)/);
    assert.equal(api.fake.requests.length, 3);
  });
  it('a persistent 5xx on a GET exits 4 after the retries', async () => {
    for (let i = 0; i < 3; i += 1) api.fake.faults.push({ kind: 'status', status: 500 });
    const result = await runCli(['list', '--room', 'r', '--json'], api.env);
    assert.equal(result.code, 4);
    const error = (JSON.parse(result.stderr.trim().split('\n').at(-1)!) as { error: Record<string, unknown> }).error;
    assert.deepEqual([error.kind, error.status, error.exitCode], ['api', 500, 4]);
  });
  it('timeouts and resets of a GET exit 5 after the retries', async () => {
    api.fake.faults.push({ kind: 'hang' }, { kind: 'reset' }, { kind: 'hang' });
    const result = await runCli(['list', '--room', 'r'], { ...api.env, VIDEOSDK_TIMEOUT_MS: '60' });
    assert.equal(result.code, 5);
    assert.match(result.stderr, /error: GET \/v2\/recordings to 127\.0\.0\.1:\d+ failed: no answer within 60 ms/);
  });
  it('never prints the secret or a token even when the server echoes them', async () => {
    const { stdout } = await runCli(['token', '--show-token'], api.env);
    api.fake.faults.push({ kind: 'status', status: 400, body: JSON.stringify({ error: `bad token ${stdout.trim()} for secret ${SECRET}` }) });
    const result = await runCli(['stop', '--room', 'r'], api.env);
    assert.equal(result.code, 4);
    assert.match(result.stderr, /bad token \[redacted-token\] for secret \[redacted\]/);
  });
  // Ctrl-C once the fake has the request (the hung one): a timer raced the send on a loaded machine.
  function abortOnceSent(): AbortController {
    const controller = new AbortController();
    const seen = api.fake.requests.length;
    const poll = setInterval(() => {
      if (api.fake.requests.length > seen) {
        clearInterval(poll);
        controller.abort();
      }
    }, 5);
    return controller;
  }
  it('Ctrl-C during a request exits 130', async () => {
    api.fake.faults.push({ kind: 'hang' });
    const controller = abortOnceSent();
    const result = await runCli(['stop', '--room', 'r'], { ...api.env, VIDEOSDK_TIMEOUT_MS: '5000' }, { signal: controller.signal });
    assert.equal(result.code, 130);
    assert.match(result.stderr, /interrupted/);
  });
  // Defect 7: a start interrupted after it was sent may have started the recording.
  it('Ctrl-C after start was sent exits 130 with the hint to check with list', async () => {
    api.fake.faults.push({ kind: 'hang' });
    const controller = abortOnceSent();
    const result = await runCli(['start', '--room', 'r', '--template-url', 'https://rec.example.com/'], { ...api.env, VIDEOSDK_TIMEOUT_MS: '5000' }, { signal: controller.signal });
    assert.equal(result.code, 130);
    assert.match(result.stderr, /interrupted; if the request was already sent it may have taken effect: check with `list` before trying again/);
  });
});

describe('stop', () => {
  it('ends the recording', async () => {
    const result = await runCli(['stop', '--room', 'room-1'], api.env);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, 'Recording of room room-1 ending: Recording ended successfully\n');
    assert.deepEqual(api.fake.requests[0]?.body, { roomId: 'room-1' });
  });
  it('--json', async () => {
    assert.deepEqual(jsonOut(await runCli(['stop', '--room', 'room-1', '--json'], api.env)), { ok: true, roomId: 'room-1', message: 'Recording ended successfully' });
  });
  it('an unreachable API exits 5', async () => {
    const result = await runCli(['stop', '--room', 'r'], { ...api.env, VIDEOSDK_API_URL: `http://127.0.0.1:${await closedPort()}` });
    assert.equal(result.code, 5);
    assert.match(result.stderr, /ECONNREFUSED/);
  });
  it('a bad tuning variable is a usage error before any request', async () => {
    const result = await runCli(['stop', '--room', 'r'], { ...api.env, VIDEOSDK_RETRIES: 'many' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /VIDEOSDK_RETRIES="many" is not valid/);
    assert.equal(api.fake.requests.length, 0);
  });
});

describe('list', () => {
  const recording = (i: number) => ({
    id: `rec-${i}`,
    roomId: 'room-L',
    sessionId: i % 2 === 0 ? 'even' : 'odd',
    file: { fileUrl: `https://cdn.example.com/${i}.mp4`, filePath: `/r/${i}.mp4`, size: 1_500_000 * i, type: 'video', meta: { resolution: { width: 1280, height: 720 }, duration: 65 * i } },
    createdAt: `2024-05-01T10:${String(i).padStart(2, '0')}:00.000Z`,
  });
  before(() => {
    api.fake.recordings.set('room-L', Array.from({ length: 25 }, (_, i) => recording(i + 1)));
  });

  it('prints every file with its URL, size and duration, across pages', async () => {
    const result = await runCli(['list', '--room', 'room-L'], api.env);
    assert.equal(result.code, 0);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 25);
    assert.equal(lines[1], '2024-05-01T10:02:00.000Z  session even  3.0 MB  0:02:10  https://cdn.example.com/2.mp4');
    assert.match(result.stderr, /25 of 25 recording\(s\) for room room-L/);
    assert.deepEqual(api.fake.requests.map((r) => r.query.get('page')), ['1', '2']);
    assert.deepEqual(api.fake.problems, []);
  });
  it('filters by session and gives JSON', async () => {
    const out = jsonOut(await runCli(['list', '--room', 'room-L', '--session', 'odd', '--json'], api.env));
    assert.equal(out.total, 13);
    const first = (out.recordings as Record<string, unknown>[])[0];
    assert.deepEqual(first, { id: 'rec-1', sessionId: 'odd', createdAt: '2024-05-01T10:01:00.000Z', fileUrl: 'https://cdn.example.com/1.mp4', filePath: '/r/1.mp4', sizeBytes: 1_500_000, durationSeconds: 65 });
    assert.equal(api.fake.requests[0]?.query.get('sessionId'), 'odd');
  });
  it('says so when there is nothing', async () => {
    const result = await runCli(['list', '--room', 'empty-room'], api.env);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /no recordings for room empty-room/);
  });
  it('a malformed answer exits 4', async () => {
    api.fake.faults.push({ kind: 'malformed' });
    const result = await runCli(['list', '--room', 'room-L'], api.env);
    assert.equal(result.code, 4);
    assert.match(result.stderr, /not JSON/);
  });
  it('requires --room', async () => {
    assert.equal((await runCli(['list'], api.env)).code, 2);
  });
});

describe('track', () => {
  it('starts a participant track with the documented body', async () => {
    const result = await runCli(['track', 'start', '--room', 'r', '--participant', 'p1', '--kind', 'screen_audio', '--bucket-dir-path', 'tracks/p1', '--webhook-url', 'https://hooks.example.com/t'], api.env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(api.fake.requests[0]?.body, { roomId: 'r', participantId: 'p1', kind: 'screen_audio', fileFormat: 'webm', webhookUrl: 'https://hooks.example.com/t', bucketDirPath: 'tracks/p1' });
    assert.equal(result.stdout, 'Track screen_audio of p1 in room r: Participant track recording started successfully\n');
    assert.deepEqual(api.fake.problems, []);
  });
  it('stops it, with --json', async () => {
    const out = jsonOut(await runCli(['track', 'stop', '--room', 'r', '--participant', 'p1', '--kind', 'video', '--json'], api.env));
    assert.deepEqual(out, { ok: true, action: 'stop', roomId: 'r', participantId: 'p1', kind: 'video', message: 'Participant track recording stopped successfully' });
    assert.deepEqual(api.fake.requests[0]?.body, { roomId: 'r', participantId: 'p1', kind: 'video' });
  });
  it('rejects a missing action, a bad kind, and start-only flags on stop', async () => {
    const cases: [string[], RegExp][] = [
      [['track', '--room', 'r', '--participant', 'p', '--kind', 'audio'], /track needs start or stop; accepted: start, stop/],
      [['track', 'pause', '--room', 'r', '--participant', 'p', '--kind', 'audio'], /not "pause"/],
      [['track', 'start', '--room', 'r', '--participant', 'p', '--kind', 'screen'], /--kind="screen" is not valid; accepted: audio, video, screen_audio, screen_video/],
      [['track', 'start', '--room', 'r', '--participant', 'p'], /--kind is required/],
      [['track', 'start', '--room', 'r', '--kind', 'audio'], /--participant is required/],
      [['track', 'stop', '--room', 'r', '--participant', 'p', '--kind', 'audio', '--bucket-dir-path', 'x'], /--bucket-dir-path applies to track start only/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, api.env);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
    assert.equal(api.fake.requests.length, 0);
  });
});
