/**
 * Helpers for the webhook tests: raw HTTP requests to a receiver, the documented webhook bodies, and
 * a `watch` run in-process that resolves once it is listening.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { type CliResult, runCli, testEnv } from './harness.js';
import { signedHeaders, WEBHOOK_PUBLIC_KEY } from './webhook-signing.js';

/** What a receiver answered. */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Sends a raw request; `chunks` are written one by one (chunked encoding when no length is given). */
export function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers ?? {}, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.chunks) for (const chunk of options.chunks) req.write(chunk);
    req.end(options.body);
  });
}

/** The JSON content-type header. */
export const json = { 'content-type': 'application/json' };
/** Posts a value as JSON, signed with the test key as VideoSDK signs; `headers` go over the signed ones. */
export const post = (url: string, value: unknown, headers: Record<string, string> = {}) => signedSend(url, JSON.stringify(value), headers);
/** Sends a raw body with a valid signature. */
export const signedSend = (url: string, body: string | Buffer, headers: Record<string, string> = {}) => send(url, { headers: { ...signedHeaders(body), ...headers }, body });

/** A recording-started webhook. */
export const started = (sessionId: string, meetingId = 'room-1') => ({ webhookType: 'recording-started', data: { meetingId, sessionId } });
/** A recording-stopped webhook with its file. */
export const stopped = (sessionId: string, meetingId = 'room-1') => ({
  webhookType: 'recording-stopped',
  data: { meetingId, sessionId, filePath: `/recordings/${sessionId}.mp4`, fileUrl: `https://cdn.example.com/${sessionId}.mp4` },
});
/** A recording-failed webhook. */
export const failed = (sessionId: string, meetingId = 'room-1') => ({ webhookType: 'recording-failed', data: { meetingId, sessionId } });

/** A running `watch`: its URL, its end, and what it printed so far. */
export interface Watch {
  readonly url: string;
  readonly done: Promise<CliResult>;
  readonly stderr: () => string;
  readonly stdout: () => string;
}

/** Starts `watch --port 0` with `args` and waits until it listens. */
export async function startWatch(args: string[], signal?: AbortSignal): Promise<Watch> {
  let stdout = '';
  let stderr = '';
  let listening: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => {
    listening = resolve;
  });
  const done = runCli(['watch', '--port', '0', ...args], testEnv('http://127.0.0.1:9', { VIDEOSDK_WEBHOOK_PUBLIC_KEY: WEBHOOK_PUBLIC_KEY }), {
    ...(signal ? { signal } : {}),
    onOutput: (stream, text) => {
      if (stream === 'stdout') stdout += text;
      else stderr += text;
      const match = /Listening for VideoSDK webhooks on (http:\/\/[^ ]+\/)/.exec(stderr);
      if (match) listening(match[1]!);
    },
  });
  const first = await Promise.race([url, done.then((r) => `exited ${r.code}: ${r.stderr}`)]);
  assert.match(first, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  return { url: first, done, stderr: () => stderr, stdout: () => stdout };
}

/** A valid webhook of any documented type, with the fields that type requires. */
export function sampleWebhook(webhookType: string, meetingId = 'room-1', sessionId = 's1'): { webhookType: string; data: Record<string, unknown> } {
  const data: Record<string, unknown> = { meetingId, sessionId };
  if (webhookType.startsWith('participant-')) data.participantId = 'p1';
  if (webhookType.startsWith('participant-track-')) data.kind = 'audio';
  if (webhookType === 'recording-stopped') Object.assign(data, { filePath: `/r/${sessionId}.mp4`, fileUrl: `https://cdn.example.com/${sessionId}.mp4` });
  if (webhookType === 'participant-track-recording-stopped') data.fileDetails = [{ filePath: '/t.webm', fileUrl: `https://cdn.example.com/${sessionId}-track.webm` }];
  if (webhookType === 'participant-recording-stopped') Object.assign(data, { filePath: '/p.mp4', fileUrl: `https://cdn.example.com/${sessionId}-p1.mp4` });
  if (webhookType === 'hls-started' || webhookType === 'hls-playable') {
    Object.assign(data, { playbackHlsUrl: `https://cdn.example.com/${sessionId}/index.m3u8`, livestreamUrl: `https://cdn.example.com/${sessionId}/live.m3u8` });
  }
  return { webhookType, data };
}
