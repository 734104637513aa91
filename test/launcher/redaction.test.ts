// What redaction hides and what it must leave alone, through the CLI against the loopback fake: a
// too-short secret is refused before it can garble output, and storage URLs keep their own token=.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { jsonOut, runCli, useFakeApi } from './harness.js';
import { post, startWatch } from './watch-harness.js';

const TEMPLATE = 'https://rec.example.com/template/';
const FILE_URL = 'https://cdn.example.com/x.mp4?token=abc123&sig=1';
const JWT = /eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/;

const api = useFakeApi();

describe('a short VIDEOSDK_SECRET', () => {
  it('is refused with exit 3 naming the variable, and the output is not garbled', async () => {
    const result = await runCli(['token', '--room', 'abcd-efgh-ijkl'], { ...api.env, VIDEOSDK_SECRET: 'e' });
    assert.equal(result.code, 3);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      "error: VIDEOSDK_SECRET is too short to be a VideoSDK API secret (1 character; VideoSDK's are 64 hex characters, at least 32 are required): copy the whole secret from the VideoSDK dashboard\n",
    );
  });

  it('is refused before any request, even with --show-token', async () => {
    const secret = 'f'.repeat(31);
    for (const args of [['start', '--room', 'r', '--template-url', TEMPLATE], ['token', '--show-token', '--json']]) {
      const result = await runCli(args, { ...api.env, VIDEOSDK_SECRET: secret });
      assert.equal(result.code, 3, args.join(' '));
      assert.doesNotMatch(result.stdout + result.stderr, JWT);
      assert.ok(!(result.stdout + result.stderr).includes(secret));
    }
    assert.equal(api.fake.requests.length, 0);
  });

  it('a 32-character secret is accepted', async () => {
    const secret = '0123456789abcdef'.repeat(2);
    const result = await runCli(['token', '--room', 'abcd-efgh-ijkl'], { ...api.env, VIDEOSDK_SECRET: secret });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '[redacted-token]\n');
    assert.match(result.stderr, /^token valid for 1h/);
  });
});

describe('storage URLs keep their own token=', () => {
  before(() => {
    api.fake.recordings.set('room-T', [{ id: 'rec-t', roomId: 'room-T', sessionId: 's1', file: { fileUrl: FILE_URL, size: 10, meta: { duration: 5 } }, createdAt: '2024-05-01T10:00:00.000Z' }]);
  });

  it('in list, human and --json', async () => {
    const human = await runCli(['list', '--room', 'room-T'], api.env);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /  https:\/\/cdn\.example\.com\/x\.mp4\?token=abc123&sig=1\n$/);
    const out = jsonOut(await runCli(['list', '--room', 'room-T', '--json'], api.env));
    assert.equal((out.recordings as Record<string, unknown>[])[0]?.fileUrl, FILE_URL);
  });

  it('in a recording-stopped webhook', async () => {
    const watch = await startWatch(['--until', 'stopped']);
    await post(watch.url, { webhookType: 'recording-stopped', data: { meetingId: 'room-T', sessionId: 's1', filePath: '/x.mp4', fileUrl: FILE_URL } });
    const result = await watch.done;
    assert.equal(result.code, 0);
    assert.match(result.stdout, /\nRecording stopped: https:\/\/cdn\.example\.com\/x\.mp4\?token=abc123&sig=1\n$/);
  });

  it('while the token the launcher signed into a templateUrl is still redacted', async () => {
    const result = await runCli(['url', '--room', 'r', '--template-url', TEMPLATE], api.env);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /\?token=\[redacted-token\]&meetingId=r&/);
  });
});
