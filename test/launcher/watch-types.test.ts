// watch understands every webhook type VideoSDK documents, and --until takes any terminal one: a
// stopped (or completed) type ends with 0, a failure of the same run with 6, other runs never end it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TERMINAL_WEBHOOK_TYPES, WEBHOOK_TYPES } from '../../src/server/webhooks.js';
import { post, sampleWebhook, startWatch } from './watch-harness.js';

const jsonEvents = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('watch: every documented webhook type', () => {
  it('knows the 30 documented types and which of them are terminal', () => {
    assert.equal(WEBHOOK_TYPES.length, 30);
    assert.deepEqual([...TERMINAL_WEBHOOK_TYPES].sort(), [
      'hls-failed', 'hls-stopped', 'livestream-failed', 'livestream-stopped', 'participant-recording-failed', 'participant-recording-stopped',
      'participant-track-recording-failed', 'participant-track-recording-stopped', 'recording-failed', 'recording-stopped',
      'transcription-completed', 'transcription-failed', 'transcription-stopped',
    ]);
  });

  it('prints each of them, with its family, state and URLs, and none ends a watch without --until', async () => {
    const controller = new AbortController();
    const watch = await startWatch(['--json'], controller.signal);
    for (const type of WEBHOOK_TYPES) assert.equal((await post(watch.url, sampleWebhook(type))).status, 200, type);
    controller.abort();
    const result = await watch.done;
    assert.equal(result.code, 0);
    const webhooks = jsonEvents(result.stdout).filter((e) => e.event === 'webhook');
    assert.deepEqual(webhooks.map((e) => e.webhookType), [...WEBHOOK_TYPES]);
    const playable = webhooks.find((e) => e.webhookType === 'hls-playable');
    assert.deepEqual([playable?.family, playable?.state, playable?.fileUrls], ['hls', 'playable', ['https://cdn.example.com/s1/index.m3u8', 'https://cdn.example.com/s1/live.m3u8']]);
    const participant = webhooks.find((e) => e.webhookType === 'participant-recording-stopped');
    assert.deepEqual([participant?.family, participant?.track, participant?.fileUrls], ['participant-recording', false, ['https://cdn.example.com/s1-p1.mp4']]);
  });

  it('prints HLS URLs in the human lines', async () => {
    const watch = await startWatch(['--until', 'hls-stopped']);
    await post(watch.url, sampleWebhook('hls-playable'));
    await post(watch.url, sampleWebhook('hls-stopped'));
    const result = await watch.done;
    assert.equal(result.code, 0);
    const lines = result.stdout.trim().split('\n').map((line) => line.replace(/^\S+Z {2}/, ''));
    assert.deepEqual(lines, [
      'hls-playable  room room-1 session s1  https://cdn.example.com/s1/index.m3u8 https://cdn.example.com/s1/live.m3u8',
      'hls-stopped  room room-1 session s1',
      'HLS stopped: room room-1 session s1',
    ]);
  });
});

describe('watch --until any terminal type', () => {
  const familyOf = (type: string) => type.slice(0, type.lastIndexOf('-'));
  const ending = TERMINAL_WEBHOOK_TYPES.filter((type) => !type.endsWith('-failed'));
  for (const until of ending) {
    const family = familyOf(until);
    it(`--until ${until}: other runs and earlier states do not end it; ${until} exits 0`, async () => {
      const watch = await startWatch(['--until', until, '--json']);
      // Every other run's end and failure, then this run's earlier states (transcription-stopped before completed).
      const others = [
        ...TERMINAL_WEBHOOK_TYPES.filter((type) => familyOf(type) !== family),
        `${family}-started`,
        ...ending.filter((type) => familyOf(type) === family && type !== until),
      ];
      for (const type of others) assert.equal((await post(watch.url, sampleWebhook(type))).status, 200, type);
      await post(watch.url, sampleWebhook(until, 'room-1', 'the-end'));
      const result = await watch.done;
      assert.equal(result.code, 0, result.stderr);
      const events = jsonEvents(result.stdout);
      assert.deepEqual(events.at(-1), { event: 'done', webhookType: until, state: until.slice(until.lastIndexOf('-') + 1), exitCode: 0, meetingId: 'room-1', sessionId: 'the-end', ...(events.at(-2)?.fileUrls ? { fileUrl: (events.at(-2)!.fileUrls as string[])[0] } : {}) });
      assert.equal(events.filter((e) => e.event === 'webhook').length, others.length + 1);
    });
    it(`--until ${until}: ${family}-failed exits 6`, async () => {
      const watch = await startWatch(['--until', until]);
      await post(watch.url, sampleWebhook(`${family}-failed`));
      const result = await watch.done;
      assert.equal(result.code, 6);
      assert.match(result.stderr, /failed \(room room-1, session s1\)\n/);
    });
  }

  it('--until hls-failed keeps watching through a stop, then exits 6 on the failure', async () => {
    const watch = await startWatch(['--until', 'hls-failed']);
    await post(watch.url, sampleWebhook('hls-stopped'));
    await post(watch.url, sampleWebhook('recording-failed'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.match(watch.stdout(), /recording-failed/);
    await post(watch.url, sampleWebhook('hls-failed', 'room-1', 's9'));
    const result = await watch.done;
    assert.equal(result.code, 6);
    assert.match(result.stderr, /HLS failed \(room room-1, session s9\)/);
  });

  it('--room still filters: another room\'s livestream-stopped does not end it', async () => {
    const watch = await startWatch(['--until', 'livestream-stopped', '--room', 'mine']);
    await post(watch.url, sampleWebhook('livestream-stopped', 'theirs'));
    await post(watch.url, sampleWebhook('livestream-failed', 'theirs'));
    await post(watch.url, sampleWebhook('livestream-stopped', 'mine', 's2'));
    const result = await watch.done;
    assert.equal(result.code, 0);
    assert.match(result.stdout, /\nLive stream stopped: room mine session s2\n$/);
  });

  it('--until is case-insensitive and keeps its short names', async () => {
    const watch = await startWatch(['--until', 'Transcription-Completed']);
    await post(watch.url, sampleWebhook('transcription-stopped'));
    await post(watch.url, sampleWebhook('transcription-completed'));
    assert.equal((await watch.done).code, 0);
  });
});
