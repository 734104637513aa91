/**
 * The SDK version and protocol the emulator was learned from: an upgrade that changes either fails here
 * (and every other scenario fails on any request the emulated protocol does not know).
 */
import { readFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { signallingOnlyMedia } from '../../packages/testkit/src/emulator/media-signalling-only.js';
import { expect } from './fixture.js';
import { type SessionHost, SignallingSession } from '../../packages/testkit/src/emulator/signalling.js';
import type { SocketIoServer } from '../../packages/testkit/src/emulator/socket-io.js';

base('the SDK in node_modules is 1.1.1, the version the emulator speaks', () => {
  const manifest = JSON.parse(readFileSync('node_modules/@videosdk.live/js-sdk/package.json', 'utf8')) as { version?: string };
  expect(manifest.version, 'update test/emulator (and SDK-FACTS.md) for the new SDK first').toBe('1.1.1');
});

base('a request the emulated protocol does not know is recorded as a protocol error', async () => {
  const errors: string[] = [];
  const host: SessionHost = {
    peers: new Map(),
    pins: new Map(),
    speakerId: null,
    media: signallingOnlyMedia(),
    recorderId: 'recorder-1',
    entry: 'allow',
    answerJoin: true,
    pubSubUrl: () => 'ws://127.0.0.1:1/',
    record: () => undefined,
    protocolError: (detail) => errors.push(detail),
  };
  const acks: unknown[] = [];
  const io = { emit: () => undefined } as unknown as SocketIoServer;
  const session = new SignallingSession(io, host);
  session.onEvent({ name: 'request', args: [{ method: 'startRecording', request: true, data: {} }], ack: (reply) => acks.push(reply) });
  await expect.poll(() => acks).toEqual([{ error: 'startRecording is not emulated' }]);
  expect(errors).toEqual([expect.stringContaining('request startRecording')]);
});
