// room create, participant start|stop and recording get|delete against the loopback fake: exact
// bodies, the auto-start templateUrls (no meetingId, said so), --yes, --dry-run and exit codes.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { jwtVerify } from 'jose';
import { WEBHOOK_TYPES } from '../../src/server/webhooks.js';
import { jsonOut, runCli, SECRET, useFakeApi } from './harness.js';

const TEMPLATE = 'https://rec.example.com/template/';
const api = useFakeApi();
const bodyOf = (i = 0) => api.fake.requests[i]!.body as Record<string, unknown>;

describe('room create', () => {
  it('creates a room and prints only its id on stdout', async () => {
    const result = await runCli(['room', 'create'], api.env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^room-\d+-fake\n$/);
    assert.deepEqual(bodyOf(), {});
    assert.deepEqual(api.fake.problems, []);
  });

  it('with a custom id and a webhook for every type watch understands', async () => {
    const out = jsonOut(await runCli(['room', 'create', '--custom-room-id', 'weekly-sync', '--webhook-url', 'https://hooks.example.com/v', '--json'], api.env));
    assert.deepEqual(bodyOf(), { customRoomId: 'weekly-sync', webhook: { endPoint: 'https://hooks.example.com/v', events: [...WEBHOOK_TYPES] } });
    assert.deepEqual([out.ok, out.customRoomId], [true, 'weekly-sync']);
    assert.match(out.roomId as string, /^room-\d+-fake$/);
  });

  it('--webhook-event picks the events, patterns included', async () => {
    await runCli(['room', 'create', '--webhook-url', 'https://hooks.example.com/v', '--webhook-event', 'recording-*', '--webhook-event', 'hls-playable'], api.env);
    assert.deepEqual(bodyOf().webhook, { endPoint: 'https://hooks.example.com/v', events: ['recording-*', 'hls-playable'] });
  });

  it('--auto-record and --auto-hls carry templateUrls for their outputs, with no meetingId and a warning', async () => {
    const result = await runCli(['room', 'create', '--auto-record', '--auto-hls', '--template-url', TEMPLATE, '--layout', 'SIDEBAR', '--ttl', '7d', '--show-token'], api.env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(api.fake.problems, []);
    const auto = bodyOf().autoStartConfig as Record<string, { templateUrl: string; config: { layout: { type: string } } }>;
    assert.deepEqual(Object.keys(auto).sort(), ['hls', 'recording']);
    for (const [part, output] of [['recording', 'recording'], ['hls', 'hls']] as const) {
      const url = new URL(auto[part]!.templateUrl);
      assert.deepEqual([url.searchParams.get('output'), url.searchParams.has('meetingId'), url.searchParams.get('layoutType'), auto[part]!.config.layout.type], [output, false, 'SIDEBAR', 'SIDEBAR']);
      const { payload } = await jwtVerify(url.searchParams.get('token')!, new TextEncoder().encode(SECRET));
      assert.deepEqual([payload.roomId, payload.roles, payload.exp! - payload.iat!], [undefined, ['rtc'], 7 * 86_400]);
    }
    assert.match(result.stderr, /warning: the room id is not known before VideoSDK creates the room, so the auto-start templateUrl has no meetingId/);
  });

  it('--dry-run prints the body and creates nothing', async () => {
    const result = await runCli(['room', 'create', '--auto-record', '--template-url', TEMPLATE, '--dry-run', '--json'], api.env);
    const out = jsonOut(result);
    assert.deepEqual([out.dryRun, out.method, out.path], [true, 'POST', '/v2/rooms']);
    assert.match(JSON.stringify(out.request), /token=\[redacted-token\]/);
    assert.equal(api.fake.requests.length, 0);
  });

  it('refuses flags that make no sense together, before any request', async () => {
    for (const [args, message] of [
      [['room', 'create', '--auto-record'], /--auto-record needs --template-url/],
      [['room', 'create', '--template-url', TEMPLATE], /--template-url applies only with --auto-record or --auto-hls/],
      [['room', 'create', '--layout', 'GRID'], /--layout applies only with --auto-record or --auto-hls/],
      [['room', 'create', '--webhook-event', 'recording-*'], /--webhook-event needs --webhook-url/],
      [['room', 'delete'], /room needs create, not "delete"; accepted: create/],
      [['room', 'create', '--custom-room-id', 'a b'], /--custom-room-id="a b" is not valid/],
    ] as const) {
      const result = await runCli([...args], api.env);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
    assert.equal(api.fake.requests.length, 0);
  });

  it('is not re-sent after a reset: exit 7, with where to look', async () => {
    api.fake.faults.push({ kind: 'reset' });
    const result = await runCli(['room', 'create', '--custom-room-id', 'x'], api.env);
    assert.equal(result.code, 7);
    assert.equal(api.fake.requests.length, 1);
    assert.match(result.stderr, /the outcome is unknown: look for the room in the VideoSDK dashboard before creating another\n$/);
  });
});

describe('participant', () => {
  it('start posts the documented body, with the file format when given', async () => {
    const result = await runCli(['participant', 'start', '--room', 'r', '--participant', 'p1', '--file-format', 'MP4', '--webhook-url', 'https://hooks.example.com/p', '--bucket-dir-path', 'people/p1'], api.env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(bodyOf(), { roomId: 'r', participantId: 'p1', fileFormat: 'mp4', webhookUrl: 'https://hooks.example.com/p', bucketDirPath: 'people/p1' });
    assert.equal(api.fake.requests[0]?.path, '/v2/recordings/participant/start');
    assert.equal(result.stdout, 'Recording of participant p1 in room r: Participant recording started successfully\n');
    assert.deepEqual(api.fake.problems, []);
  });

  it('stop, with --json; start-only flags refused on stop', async () => {
    const out = jsonOut(await runCli(['participant', 'stop', '--room', 'r', '--participant', 'p1', '--json'], api.env));
    assert.deepEqual(out, { ok: true, action: 'stop', roomId: 'r', participantId: 'p1', message: 'Participant recording stopped successfully' });
    assert.deepEqual(bodyOf(), { roomId: 'r', participantId: 'p1' });
    const refused = await runCli(['participant', 'stop', '--room', 'r', '--participant', 'p1', '--file-format', 'webm'], api.env);
    assert.match(refused.stderr, /--file-format applies to participant start only/);
    assert.match((await runCli(['participant', 'start', '--room', 'r', '--participant', 'p1', '--file-format', 'avi'], api.env)).stderr, /--file-format="avi" is not valid; accepted: webm, mp4/);
  });

  it('--dry-run, and a 502 that is not re-sent', async () => {
    const dry = await runCli(['participant', 'start', '--room', 'r', '--participant', 'p1', '--dry-run'], api.env);
    assert.deepEqual(JSON.parse(dry.stdout), { roomId: 'r', participantId: 'p1' });
    assert.equal(api.fake.requests.length, 0);
    api.fake.faults.push({ kind: 'status', status: 502 });
    const result = await runCli(['participant', 'stop', '--room', 'r', '--participant', 'p1'], api.env);
    assert.equal(result.code, 7);
    assert.equal(api.fake.requests.length, 1);
  });
});

describe('recording get and delete', () => {
  before(() => {
    api.fake.recordings.set('room-G', [{ id: '64b0c1f2a9e8d7c6b5a43210', roomId: 'room-G', sessionId: 's1', file: { fileUrl: 'https://cdn.example.com/g.mp4', filePath: '/g.mp4', size: 2_500_000, meta: { duration: 3725 } }, createdAt: '2024-05-01T10:00:00.000Z' }]);
  });

  it('get prints one line, or the summary with --json', async () => {
    const human = await runCli(['recording', 'get', '64b0c1f2a9e8d7c6b5a43210'], api.env);
    assert.equal(human.stdout, '2024-05-01T10:00:00.000Z  session s1  2.5 MB  1:02:05  https://cdn.example.com/g.mp4\n');
    const out = jsonOut(await runCli(['recording', 'get', '64b0c1f2a9e8d7c6b5a43210', '--json'], api.env));
    assert.deepEqual(out.recording, { id: '64b0c1f2a9e8d7c6b5a43210', sessionId: 's1', createdAt: '2024-05-01T10:00:00.000Z', fileUrl: 'https://cdn.example.com/g.mp4', filePath: '/g.mp4', sizeBytes: 2_500_000, durationSeconds: 3725 });
    assert.deepEqual(api.fake.requests.map((r) => `${r.method} ${r.path}`), ['GET /v2/recordings/64b0c1f2a9e8d7c6b5a43210', 'GET /v2/recordings/64b0c1f2a9e8d7c6b5a43210']);
  });

  it('get of an unknown id exits 4 with VideoSDK\'s message; GETs are retried on 5xx', async () => {
    api.fake.faults.push({ kind: 'status', status: 500 });
    const result = await runCli(['recording', 'get', 'nope'], api.env);
    assert.equal(result.code, 4);
    assert.match(result.stderr, /VideoSDK rejected GET \/v2\/recordings\/nope \(404\): Recording not found/);
    assert.equal(api.fake.requests.length, 2);
  });

  it('delete refuses without --yes and sends nothing', async () => {
    const result = await runCli(['recording', 'delete', '64b0c1f2a9e8d7c6b5a43210'], api.env);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'error: recording delete removes recording 64b0c1f2a9e8d7c6b5a43210 and its file for good: pass --yes to confirm\n');
    assert.equal(api.fake.requests.length, 0);
  });

  it('delete --dry-run names the request; delete --yes sends it once', async () => {
    const dry = await runCli(['recording', 'delete', '64b0c1f2a9e8d7c6b5a43210', '--dry-run', '--json'], api.env);
    assert.deepEqual(jsonOut(dry), { dryRun: true, method: 'DELETE', path: '/v2/recordings/64b0c1f2a9e8d7c6b5a43210', request: null });
    assert.equal(api.fake.requests.length, 0);
    const result = await runCli(['recording', 'delete', '64b0c1f2a9e8d7c6b5a43210', '--yes'], api.env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'Recording 64b0c1f2a9e8d7c6b5a43210 deleted: Recording deleted successfully\n');
    assert.deepEqual(api.fake.problems, []);
  });

  it('a delete that times out is not re-sent: exit 7 naming recording get', async () => {
    api.fake.faults.push({ kind: 'hang' });
    const result = await runCli(['recording', 'delete', '64b0c1f2a9e8d7c6b5a43210', '--yes'], { ...api.env, VIDEOSDK_TIMEOUT_MS: '500' });
    assert.equal(result.code, 7);
    assert.equal(api.fake.requests.length, 1);
    assert.match(result.stderr, /check with `recording get ID` before trying again\n$/);
  });

  it('refuses a missing action or id, a path-like id and --yes on get', async () => {
    for (const [args, message] of [
      [['recording'], /recording needs get or delete; accepted: get, delete/],
      [['recording', 'get'], /recording get needs the recording's id/],
      [['recording', 'get', '../rooms'], /the recording id "\.\.\/rooms" is not valid/],
      [['recording', 'get', 'x', '--yes'], /--yes and --dry-run apply to recording delete only/],
      [['recording', 'delete', 'a', 'b', '--yes'], /unexpected argument "b" for recording/],
    ] as const) {
      const result = await runCli([...args], api.env);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
    assert.equal(api.fake.requests.length, 0);
  });
});
