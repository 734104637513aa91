/**
 * The real SDK without our page: the built SDK chunk imported into a preview page, joined to the
 * emulated meeting, logging every event it emits. It checks what SDK-FACTS.md says the SDK does,
 * independently of how the page reacts.
 */
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { aJoinToken, type VideoSdkEmulator } from '../../packages/testkit/src/emulator/emulator.js';

/** One event the SDK emitted, summarised (participants as id + object serial + flags). */
export interface ProbeEntry {
  readonly event: string;
  readonly data?: unknown;
}

const MEETING_EVENTS = [
  'meeting-joined',
  'meeting-left',
  'meeting-state-changed',
  'socket-state-changed',
  'error',
  'participant-joined',
  'participant-left',
  'participant-mode-changed',
  'speaker-changed',
  'presenter-changed',
  'pin-state-changed',
  'stream-enabled',
  'stream-disabled',
];

/** The built SDK chunk (dist/assets/videosdk-<hash>.js, not the videosdk-source chunk). */
function sdkChunk(): string {
  const file = readdirSync('dist/assets').find((f) => f.startsWith('videosdk-') && !f.startsWith('videosdk-source-') && f.endsWith('.js'));
  if (!file) throw new Error('sdk-probe: no SDK chunk in dist/assets (run `npx vite build`)');
  return `/assets/${file}`;
}

/** Joins the emulated meeting with the bare SDK (as the recorder would) and starts logging. */
export async function startProbe(page: Page, emulator: VideoSdkEmulator): Promise<void> {
  await page.goto('/?panel=0&demo=0');
  await page.evaluate(
    async ({ chunk, token, meetingId, participantId, events }) => {
      const log: Array<{ event: string; data?: unknown }> = [];
      const serials = new WeakMap<object, number>();
      let objects = 0;
      const summary = (value: unknown): unknown => {
        if (typeof value !== 'object' || value === null) return value;
        const p = value as { id?: unknown; webcamOn?: unknown; micOn?: unknown; mode?: unknown; kind?: unknown; on?: unknown };
        if (typeof p.on === 'function' && typeof p.id === 'string' && 'webcamOn' in p) {
          if (!serials.has(value)) serials.set(value, (objects += 1));
          return { id: p.id, serial: serials.get(value), webcamOn: p.webcamOn, micOn: p.micOn, mode: p.mode };
        }
        if (typeof p.kind === 'string' && 'track' in p) return { kind: p.kind };
        return JSON.parse(JSON.stringify(value)) as unknown;
      };
      (window as unknown as { sdkLog: unknown[] }).sdkLog = log;
      const module = (await import(chunk)) as { default: { VideoSDK: Record<string, (...args: unknown[]) => unknown> } };
      const sdk = module.default.VideoSDK;
      sdk['config']!(token);
      const meeting = sdk['initMeeting']!({
        meetingId,
        participantId,
        name: 'recorder',
        micEnabled: false,
        webcamEnabled: false,
        mode: 'SEND_AND_RECV',
        autoConsume: false,
      }) as {
        on(event: string, listener: (...args: unknown[]) => void): void;
        join(): Promise<void>;
      };
      for (const event of events) {
        meeting.on(event, (...args: unknown[]) => {
          log.push({ event, data: args.length > 1 ? args.map(summary) : summary(args[0]) });
          if (event === 'participant-joined') {
            const participant = args[0] as { id: string; on(event: string, listener: (payload: unknown) => void): void };
            for (const pe of ['stream-enabled', 'stream-disabled', 'media-status-changed']) {
              participant.on(pe, (payload) => log.push({ event: `${participant.id}:${pe}`, data: summary(payload) }));
            }
          }
        });
      }
      meeting.join().then(
        () => log.push({ event: 'join() resolved' }),
        (error: { code?: unknown; message?: unknown }) => log.push({ event: 'join() rejected', data: { code: error.code, message: error.message } }),
      );
    },
    { chunk: sdkChunk(), token: aJoinToken(), meetingId: emulator.meetingId, participantId: emulator.recorderId, events: MEETING_EVENTS },
  );
}

/** Everything the probe logged so far. */
export function probeLog(page: Page): Promise<ProbeEntry[]> {
  return page.evaluate(() => [...(window as unknown as { sdkLog: ProbeEntry[] }).sdkLog]);
}
