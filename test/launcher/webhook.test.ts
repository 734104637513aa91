import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startWebhookServer, type WebhookServer } from '../../src/launcher/webhook-server.js';
import { MAX_WEBHOOK_BYTES, type Rejection } from '../../src/server/webhook-handler.js';
import type { WebhookEvent } from '../../src/server/webhooks.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyDir, runCli } from './harness.js';
import { FORGER_KEY, signedHeaders, WEBHOOK_PUBLIC_KEY } from './webhook-signing.js';
import { failed, json, post, type Reply, send, signedSend, started, startWatch, stopped } from './watch-harness.js';

describe('webhook receiver', () => {
  let server: WebhookServer;
  const received: WebhookEvent[] = [];
  const rejected: Rejection[] = [];
  before(async () => {
    server = await startWebhookServer({ host: '127.0.0.1', port: 0, publicKey: WEBHOOK_PUBLIC_KEY, onEvent: (w) => void received.push(w), onRejected: (r) => rejected.push(r) });
  });
  after(async () => {
    await server.close();
  });

  it('accepts every documented recording webhook', async () => {
    received.length = 0;
    const track = { meetingId: 'room-1', sessionId: 's', participantId: 'p1', kind: 'video' };
    const valid = [
      ...['starting', 'started', 'stopping', 'failed'].map((s) => ({ webhookType: `recording-${s}`, data: { meetingId: 'room-1', sessionId: 's' } })),
      stopped('s'),
      ...['starting', 'started', 'stopping', 'failed'].map((s) => ({ webhookType: `participant-track-recording-${s}`, data: track })),
      { webhookType: 'participant-track-recording-stopped', data: { ...track, fileDetails: [{ filePath: '/t.webm', fileUrl: 'https://cdn.example.com/t.webm' }] } },
      // VideoSDK may add fields; they do not make a webhook unknown.
      { webhookType: 'recording-started', data: { meetingId: 'room-1', sessionId: 's', extra: true }, timestamp: 1 },
    ];
    for (const webhook of valid) {
      const reply = await post(server.url, webhook, { 'content-type': 'application/json; charset=utf-8' });
      assert.equal(reply.status, 200, webhook.webhookType);
      assert.deepEqual(JSON.parse(reply.body), { ok: true });
    }
    assert.deepEqual(received.map((w) => w.webhookType), valid.map((w) => w.webhookType));
  });

  const hostile: [string, () => Promise<Reply>, number, RegExp][] = [
    ['GET', () => send(server.url, { method: 'GET' }), 405, /only POST/],
    ['PUT with a valid body', () => send(server.url, { method: 'PUT', headers: json, body: JSON.stringify(started('s')) }), 405, /only POST/],
    ['text/plain', () => post(server.url, started('s'), { 'content-type': 'text/plain' }), 415, /application\/json/],
    ['no content-type', () => send(server.url, { body: JSON.stringify(started('s')) }), 415, /application\/json/],
    ['form data', () => send(server.url, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' }), 415, /application\/json/],
    ['an unsigned webhook', () => send(server.url, { headers: json, body: JSON.stringify(stopped('s')) }), 401, /videosdk-signature/],
    ['broken JSON', () => signedSend(server.url, '{"webhookType":'), 400, /not valid JSON/],
    ['invalid UTF-8', () => signedSend(server.url, Buffer.from([0x22, 0xff, 0xfe, 0x22])), 400, /not valid JSON/],
    ['empty body', () => signedSend(server.url, ''), 400, /not valid JSON/],
    ['an unknown webhook type', () => post(server.url, { webhookType: 'session-started', data: { meetingId: 'r', sessionId: 's' } }), 422, /webhookType/],
    ['a JSON array', () => post(server.url, [started('s')]), 422, /body/],
    ['JSON null', () => post(server.url, null), 422, /body/],
    ['a body over 1 MB (declared)', () => post(server.url, { ...started('s'), pad: 'x'.repeat(MAX_WEBHOOK_BYTES) }), 413, /over 1048576 bytes/],
    ['a body over 1 MB (chunked)', () => send(server.url, { headers: json, chunks: Array.from({ length: 24 }, () => Buffer.alloc(64 * 1024, 0x20)) }), 413, /over 1048576 bytes/],
  ];
  for (const [name, act, status, reason] of hostile) {
    it(`answers ${name} with ${status} and keeps running`, async () => {
      received.length = 0;
      rejected.length = 0;
      const reply = await act();
      assert.equal(reply.status, status);
      assert.match((JSON.parse(reply.body) as { error: string }).error, reason);
      assert.equal(rejected.length, 1);
      assert.equal(rejected[0]?.status, status);
      const after = await post(server.url, started('after'));
      assert.equal(after.status, 200);
      assert.deepEqual(received.map((w) => w.data.sessionId), ['after']);
    });
  }

  it('405 says which method is allowed', async () => {
    assert.equal((await send(server.url, { method: 'DELETE' })).headers.allow, 'POST');
  });

  it('accepts a body of exactly 1 MB', async () => {
    const base = JSON.stringify({ ...started('big'), pad: '' });
    const padded = JSON.stringify({ ...started('big'), pad: 'x'.repeat(MAX_WEBHOOK_BYTES - base.length) });
    assert.equal(Buffer.byteLength(padded), MAX_WEBHOOK_BYTES);
    assert.equal((await signedSend(server.url, padded)).status, 200);
  });

  it('loses none of 200 concurrent webhooks, with hostile requests mixed in', async () => {
    received.length = 0;
    const ids = Array.from({ length: 200 }, (_, i) => `burst-${i}`);
    const replies = await Promise.all([
      ...ids.map((id) => post(server.url, started(id))),
      ...Array.from({ length: 20 }, () => signedSend(server.url, '{oops')),
    ]);
    assert.equal(replies.filter((r) => r.status === 200).length, 200);
    assert.equal(replies.filter((r) => r.status === 400).length, 20);
    assert.deepEqual(received.map((w) => w.data.sessionId).sort(), [...ids].sort());
  });
});

describe('watch', () => {
  it('binds to loopback, prints each transition, and with --until stopped exits 0 with the file URL', async () => {
    const watch = await startWatch(['--until', 'stopped']);
    for (const webhook of [{ webhookType: 'recording-starting', data: { meetingId: 'room-1', sessionId: 's1' } }, started('s1'), { webhookType: 'recording-stopping', data: { meetingId: 'room-1', sessionId: 's1' } }]) {
      assert.equal((await post(watch.url, webhook)).status, 200);
    }
    await post(watch.url, stopped('s1'));
    const result = await watch.done;
    assert.equal(result.code, 0);
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.replace(/^\S+Z {2}/, '')), [
      'recording-starting  room room-1 session s1',
      'recording-started  room room-1 session s1',
      'recording-stopping  room room-1 session s1',
      'recording-stopped  room room-1 session s1  https://cdn.example.com/s1.mp4',
      'Recording stopped: https://cdn.example.com/s1.mp4',
    ]);
    await assert.rejects(post(watch.url, started('late')), /ECONNREFUSED/);
  });

  // The forged recording-stopped of the issue: an attacker's fileUrl must never be printed or end the wait.
  it('ignores a forged recording-stopped (401) and prints only what VideoSDK signed', async () => {
    const watch = await startWatch(['--until', 'stopped']);
    const forged = JSON.stringify({ webhookType: 'recording-stopped', data: { meetingId: 'room-1', sessionId: 's9', filePath: '/x', fileUrl: 'https://attacker.example/x.mp4' } });
    assert.equal((await send(watch.url, { headers: signedHeaders(forged, FORGER_KEY), body: forged })).status, 401);
    assert.equal((await send(watch.url, { headers: json, body: forged })).status, 401);
    await post(watch.url, stopped('s9'));
    const result = await watch.done;
    assert.equal(result.code, 0);
    assert.doesNotMatch(result.stdout, /attacker/);
    assert.match(result.stdout, /Recording stopped: https:\/\/cdn\.example\.com\/s9\.mp4/);
  });

  // Defects 3 and 4: a signed webhook without filePath, and one with an extra field nested 100,000 deep.
  it('prints a signed recording-stopped without filePath and one with a field nested 100,000 deep', async () => {
    const watch = await startWatch(['--until', 'stopped', '--json']);
    const deep = `{"webhookType":"recording-started","data":{"meetingId":"room-1","sessionId":"s8","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    assert.equal((await signedSend(watch.url, deep)).status, 200);
    assert.equal((await post(watch.url, { webhookType: 'recording-stopped', data: { meetingId: 'room-1', sessionId: 's8', fileUrl: 'https://cdn.example.com/s8.mp4' } })).status, 200);
    const result = await watch.done;
    const events = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(events.map((e) => [e.event, e.webhookType]), [['listening', undefined], ['webhook', 'recording-started'], ['webhook', 'recording-stopped'], ['done', 'recording-stopped']]);
    assert.equal(events[3]?.fileUrl, 'https://cdn.example.com/s8.mp4');
  });

  it('verifies with the key from --webhook-public-key-file, and refuses a file that is not a key', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'key.pem'), WEBHOOK_PUBLIC_KEY);
    writeFileSync(join(dir, 'bad.pem'), 'hello');
    const controller = new AbortController();
    let url = '';
    const running = runCli(['watch', '--port', '0', '--webhook-public-key-file', 'key.pem'], {}, {
      cwd: dir,
      signal: controller.signal,
      onOutput: (_, text) => {
        url = /Listening for VideoSDK webhooks on (\S+\/)/.exec(text)?.[1] ?? url;
      },
    });
    for (let i = 0; url === '' && i < 500; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.notEqual(url, '', 'watch is listening');
    assert.equal((await post(url, started('k'))).status, 200);
    assert.equal((await send(url, { headers: json, body: JSON.stringify(started('k')) })).status, 401);
    controller.abort();
    assert.equal((await running).code, 0);
    const bad = await runCli(['watch', '--port', '0', '--webhook-public-key-file', 'bad.pem'], {}, { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--webhook-public-key-file is not valid; accepted: VideoSDK's webhook public key in PEM/);
  });

  it('--allow-unsigned accepts an unsigned webhook after a warning', async () => {
    const controller = new AbortController();
    const watch = await startWatch(['--allow-unsigned'], controller.signal);
    assert.equal((await send(watch.url, { headers: json, body: JSON.stringify(started('u')) })).status, 200);
    controller.abort();
    const result = await watch.done;
    assert.match(result.stderr, /warning: webhooks are accepted unsigned/);
    assert.match(result.stdout, /recording-started {2}room room-1 session u/);
  });

  it('--json prints NDJSON events and a final done event', async () => {
    const watch = await startWatch(['--until', 'stopped', '--json']);
    await post(watch.url, started('s2'));
    await post(watch.url, stopped('s2'));
    const result = await watch.done;
    const events = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(events.map((e) => e.event), ['listening', 'webhook', 'webhook', 'done']);
    assert.deepEqual(events[2], {
      event: 'webhook', webhookType: 'recording-stopped', family: 'recording', state: 'stopped', track: false, fileUrls: ['https://cdn.example.com/s2.mp4'],
      data: { meetingId: 'room-1', sessionId: 's2', filePath: '/recordings/s2.mp4', fileUrl: 'https://cdn.example.com/s2.mp4' },
    });
    assert.deepEqual(events[3], { event: 'done', webhookType: 'recording-stopped', state: 'stopped', exitCode: 0, meetingId: 'room-1', sessionId: 's2', fileUrl: 'https://cdn.example.com/s2.mp4' });
  });

  it('a failed recording ends --until stopped with exit 6', async () => {
    const watch = await startWatch(['--until', 'stopped']);
    await post(watch.url, failed('s3'));
    const result = await watch.done;
    assert.equal(result.code, 6);
    assert.match(result.stderr, /Recording failed \(room room-1, session s3\)/);
  });

  it('--until failed keeps watching past a stop and exits 6 on a failure', async () => {
    const watch = await startWatch(['--until', 'failed']);
    await post(watch.url, stopped('s4'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.match(watch.stdout(), /recording-stopped/);
    await post(watch.url, failed('s5'));
    assert.equal((await watch.done).code, 6);
  });

  it('--room ignores other rooms and participant tracks for --until', async () => {
    const watch = await startWatch(['--until', 'stopped', '--room', 'mine']);
    await post(watch.url, stopped('x', 'other-room'));
    await post(watch.url, { webhookType: 'participant-track-recording-stopped', data: { meetingId: 'mine', sessionId: 's', participantId: 'p', kind: 'audio', fileDetails: [{ filePath: '/a', fileUrl: 'https://cdn.example.com/a.webm' }] } });
    await post(watch.url, stopped('s6', 'mine'));
    const result = await watch.done;
    assert.equal(result.code, 0);
    assert.match(result.stdout, /room other-room.*\n.*participant p audio  https:\/\/cdn\.example\.com\/a\.webm\n.*\nRecording stopped: https:\/\/cdn\.example\.com\/s6\.mp4\n$/);
  });

  it('logs hostile requests on stderr and keeps running', async () => {
    const watch = await startWatch(['--until', 'stopped']);
    assert.equal((await send(watch.url, { method: 'GET' })).status, 405);
    assert.equal((await post(watch.url, { hello: 'world' })).status, 422);
    await post(watch.url, stopped('s7'));
    const result = await watch.done;
    assert.equal(result.code, 0);
    assert.match(result.stderr, /rejected GET \/: 405 only POST is accepted\nrejected POST \/: 422 not a documented VideoSDK webhook/);
  });

  it('records every one of a burst of 200 before the stop', async () => {
    const watch = await startWatch(['--until', 'stopped', '--json']);
    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => post(watch.url, started(`b${i}`))));
    assert.ok(replies.every((r) => r.status === 200));
    await post(watch.url, stopped('end'));
    const result = await watch.done;
    const sessions = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.event === 'webhook').map((e) => (e.data as Record<string, unknown>).sessionId);
    assert.equal(new Set(sessions).size, 201);
  });

  it('Ctrl-C stops it: exit 0 without --until, 130 while still waiting for a state', async () => {
    for (const [args, code] of [[[], 0], [['--until', 'stopped'], 130]] as const) {
      const controller = new AbortController();
      const watch = await startWatch([...args], controller.signal);
      controller.abort();
      assert.equal((await watch.done).code, code);
    }
  });

  it('a port in use exits 5 with a hint', async () => {
    const controller = new AbortController();
    const first = await startWatch([], controller.signal);
    const port = new URL(first.url).port;
    const second = await runCli(['watch', '--port', port, '--allow-unsigned'], {});
    controller.abort();
    assert.equal((await first.done).code, 0);
    assert.equal(second.code, 5);
    assert.match(second.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: EADDRINUSE; port ${port} is in use, pass --port`));
  });

  it('rejects bad flags with exit 2', async () => {
    assert.match((await runCli(['watch', '--until', 'started'], {})).stderr, /--until="started" is not valid; accepted: stopped, failed, recording-failed, recording-stopped, participant-track-recording-failed, participant-track-recording-stopped, participant-recording-failed, participant-recording-stopped, hls-stopped, hls-failed, livestream-stopped, livestream-failed, transcription-stopped, transcription-failed, transcription-completed\n$/);
    assert.match((await runCli(['watch', '--port', '99999'], {})).stderr, /--port="99999" is not valid/);
  });

  it('warns when bound beyond loopback', async () => {
    const controller = new AbortController();
    const result = runCli(['watch', '--host', '0.0.0.0', '--port', '0', '--allow-unsigned'], {}, {
      signal: controller.signal,
      onOutput: (_, text) => {
        if (text.startsWith('Listening')) controller.abort();
      },
    });
    const { code, stderr } = await result;
    assert.equal(code, 0);
    assert.match(stderr, /warning: listening on 0\.0\.0\.0: anyone who can reach this port can post webhooks/);
  });
});
