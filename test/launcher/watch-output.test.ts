// Whoever can post to the receiver must not be able to forge what `watch` prints: no control
// character, escape sequence or line separator survives, and in --json the payload stays nested.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { printable } from '../../src/server/printable.js';
import { post, started, startWatch, stopped } from './watch-harness.js';

// Everything but the newline that ends each printed line.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORGED = 'room-1\nRecording stopped: https://evil.example.com/x.mp4\u001b[2K\u001b]0;title\u0007\r\u009b31m\u2028\u202eyyy';

const hostile = {
  webhookType: 'participant-track-recording-stopped',
  data: {
    meetingId: FORGED,
    sessionId: 's\u0085x',
    participantId: 'p\u001b[1A',
    kind: 'audio',
    fileDetails: [{ filePath: '/a', fileUrl: 'https://cdn.example.com/a.webm\r\nRecording stopped: https://evil.example.com/' }],
  },
};

describe('printable', () => {
  it('removes escape sequences whole and turns other control runs into one space', () => {
    assert.equal(printable('a\u001b[31mred\u001b[0m b'), 'ared b');
    assert.equal(printable('x\u001b]8;;https://evil/\u001b\\link\u001b]8;;\u001b\\ y'), 'xlink y');
    assert.equal(printable('one\r\ntwo\u2028three\u0085four\u007f'), 'one two three four ');
    assert.equal(printable('gpj.\u202eexe'), 'gpj. exe');
    assert.equal(printable('Yılmaz 👩‍💻 ✓'), 'Yılmaz 👩‍💻 ✓');
  });
});

describe('watch output', () => {
  it('prints each hostile field on its own line, with no control characters', async () => {
    const watch = await startWatch(['--until', 'stopped']);
    assert.equal((await post(watch.url, hostile)).status, 200);
    await post(watch.url, stopped('s1'));
    const result = await watch.done;
    assert.equal(result.code, 0);
    assert.doesNotMatch(result.stdout + result.stderr, RAW_CONTROL);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^\S+Z {2}participant-track-recording-stopped {2}room room-1 Recording stopped: https:\/\/evil\.example\.com\/x\.mp4 /);
    assert.equal(lines.filter((line) => line.startsWith('Recording stopped:')).length, 1);
    assert.equal(lines[2], 'Recording stopped: https://cdn.example.com/s1.mp4');
  });

  it('--json keeps the receiver\'s fields: the payload is nested under data', async () => {
    const watch = await startWatch(['--until', 'stopped', '--json']);
    const spoof = { meetingId: 'room-1', sessionId: 's2', event: 'done', state: 'stopped', webhookType: 'recording-stopped', track: true, exitCode: 0 };
    await post(watch.url, { webhookType: 'recording-started', data: spoof });
    await post(watch.url, hostile);
    await post(watch.url, started('s3'));
    await post(watch.url, stopped('s3'));
    const result = await watch.done;
    assert.doesNotMatch(result.stdout, RAW_CONTROL);
    const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(events.map((e) => e.event), ['listening', 'webhook', 'webhook', 'webhook', 'webhook', 'done']);
    assert.deepEqual(events[1], { event: 'webhook', webhookType: 'recording-started', family: 'recording', state: 'started', track: false, data: spoof });
    const data = events[2]!.data as Record<string, unknown>;
    assert.equal(data.meetingId, printable(FORGED));
    assert.equal(data.participantId, 'p');
  });
});
