/**
 * `watch`: runs the webhook receiver, prints each webhook as a state transition as it arrives and,
 * with --until, exits when that terminal webhook arrives (0), or its run fails (6).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printable, printableDeep } from '../server/printable.js';
import type { WebhookHandlerOptions } from '../server/webhook-handler.js';
import { TERMINAL_WEBHOOK_TYPES, type WebhookEvent, type WebhookFamily, type WebhookType, webhookKind, webhookUrls } from '../server/webhooks.js';
import { type CommandContext, type CommandSpec, videoSdk } from './command-spec.js';
import { EXIT, LauncherError, usageError } from './errors.js';
import { booleanFlag, identifierFlag, portFlag, stringFlag } from './flags.js';
import { startWebhookServer } from './webhook-server.js';

/** The port watch listens on unless --port says otherwise. */
export const DEFAULT_WATCH_PORT = 8787;
/** Short names --until keeps for the room recording's end. */
const UNTIL_ALIASES: Readonly<Record<string, WebhookType>> = { stopped: 'recording-stopped', failed: 'recording-failed' };
/** Every value --until accepts. */
export const UNTIL_VALUES: readonly string[] = [...Object.keys(UNTIL_ALIASES), ...TERMINAL_WEBHOOK_TYPES];

const LABELS: Record<WebhookFamily, string> = {
  recording: 'Recording',
  'participant-track-recording': 'Participant track recording',
  'participant-recording': 'Participant recording',
  hls: 'HLS',
  livestream: 'Live stream',
  transcription: 'Transcription',
};

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

function describe(event: WebhookEvent): string {
  const data: Record<string, unknown> = event.data;
  const who = typeof data.participantId === 'string' ? ` participant ${data.participantId}${typeof data.kind === 'string' ? ` ${data.kind}` : ''}` : '';
  const urls = webhookUrls(event);
  return `${event.webhookType}  room ${event.data.meetingId ?? '?'} session ${event.data.sessionId ?? '?'}${who}${urls.length > 0 ? `  ${urls.join(' ')}` : ''}`;
}

function untilFlag(raw: string | undefined): WebhookType | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase();
  const type = UNTIL_ALIASES[value] ?? TERMINAL_WEBHOOK_TYPES.find((t) => t === value);
  if (type === undefined) throw usageError(`--until=${JSON.stringify(raw.slice(0, 60))} is not valid; accepted: ${UNTIL_VALUES.join(', ')}`);
  return type;
}

/** Whose signature watch trusts: a pinned key (env or file), VideoSDK's own fetched key, or none (--allow-unsigned). */
async function signatureOptions(context: CommandContext): Promise<Pick<WebhookHandlerOptions, 'publicKey' | 'client' | 'allowUnsigned'>> {
  const file = stringFlag(context.values, 'webhook-public-key-file');
  if (file !== undefined) {
    const path = resolve(context.cwd, file);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw usageError(`--webhook-public-key-file: cannot read ${path} (${error.code ?? 'error'})`);
    });
    return { publicKey: pemKey(text, '--webhook-public-key-file') };
  }
  // The flag is explicit, so it wins over a key in the environment.
  if (booleanFlag(context.values, 'allow-unsigned')) return { allowUnsigned: true };
  const pinned = context.env.VIDEOSDK_WEBHOOK_PUBLIC_KEY;
  if (pinned !== undefined && pinned.trim() !== '') return { publicKey: pemKey(pinned.replace(/\\n/g, '\n'), 'VIDEOSDK_WEBHOOK_PUBLIC_KEY') };
  return { client: videoSdk(context) };
}

function pemKey(text: string, name: string): string {
  if (!/-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/.test(text)) {
    throw usageError(`${name} is not valid; accepted: VideoSDK's webhook public key in PEM (-----BEGIN PUBLIC KEY-----…)`);
  }
  return text.trim();
}

/** The watch command. */
export const watchCommand: CommandSpec = {
  name: 'watch',
  summary: 'receive VideoSDK webhooks (recording, HLS, RTMP, participant, transcription) and print state transitions',
  usage: 'videosdk-record watch [--port 8787] [--host 127.0.0.1] [--until TYPE] [--room ID] [--webhook-public-key-file PEM | --allow-unsigned]',
  flags: [
    '--port N                  port to listen on (default 8787; 0 picks a free one)',
    '--host ADDRESS            address to bind (default 127.0.0.1, loopback only)',
    '--until TYPE              exit when a terminal webhook arrives: a *-stopped type (or transcription-completed)',
    '                          exits 0 when it arrives and 6 if that run fails first; a *-failed type keeps',
    '                          watching until that failure, then exits 6. stopped and failed mean',
    '                          recording-stopped and recording-failed.',
    '--room ID                 only this room\'s webhooks count for --until (others are still printed)',
    '--webhook-public-key-file PEM',
    '                          VideoSDK\'s webhook key to verify signatures with (or VIDEOSDK_WEBHOOK_PUBLIC_KEY);',
    '                          without either, the key is fetched once with VIDEOSDK_API_KEY and VIDEOSDK_SECRET',
    '--allow-unsigned          accept webhooks without a valid signature (local experiments only; warns)',
    'VideoSDK must reach the receiver: expose the port through a tunnel and pass its public URL',
    'to `start --webhook-url` (or `room create --webhook-url`).',
  ],
  examples: ['videosdk-record watch --port 8787 --until hls-stopped --json'],
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    until: { type: 'string' },
    room: { type: 'string' },
    'webhook-public-key-file': { type: 'string' },
    'allow-unsigned': { type: 'boolean' },
  },
  async run(context) {
    const { values, out, signal } = context;
    const port = portFlag(values, 'port', DEFAULT_WATCH_PORT);
    const host = stringFlag(values, 'host')?.trim() || '127.0.0.1';
    const until = untilFlag(stringFlag(values, 'until'));
    const target = until === undefined ? undefined : webhookKind(until);
    const roomFilter = identifierFlag(values, 'room', false);
    const signature = await signatureOptions(context);
    if (signal?.aborted) return EXIT.interrupted;

    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => {
      finish = resolve;
    });
    let done = false;

    const onEvent = (received: WebhookEvent): void => {
      // Whoever can post to the receiver writes these strings: nothing in them may forge or hide a line.
      const event = printableDeep(received);
      const { family, state } = webhookKind(event.webhookType);
      const urls = webhookUrls(event);
      if (out.json) {
        // The payload is nested, so none of its fields can stand in for the receiver's own.
        const track = family === 'participant-track-recording';
        out.data({ event: 'webhook', webhookType: event.webhookType, family, state, track, ...(urls.length > 0 ? { fileUrls: urls } : {}), data: event.data });
      } else {
        out.line(`${new Date().toISOString()}  ${describe(event)}`);
      }
      if (done || until === undefined || target === undefined || family !== target.family) return;
      if (roomFilter !== undefined && event.data.meetingId !== roomFilter) return;
      const ends = event.webhookType === until || state === 'failed';
      if (!ends) return;
      done = true;
      const exitCode = state === 'failed' ? EXIT.recordingFailed : EXIT.ok;
      const { meetingId, sessionId } = event.data;
      if (out.json) {
        out.data({ event: 'done', webhookType: event.webhookType, state, exitCode, meetingId, sessionId, ...(urls[0] ? { fileUrl: urls[0] } : {}) });
      } else if (state === 'failed') {
        out.note(`${LABELS[family]} failed (room ${meetingId}, session ${sessionId})`);
      } else {
        out.line(`${LABELS[family]} ${state}: ${urls[0] ?? `room ${meetingId} session ${sessionId}`}`);
      }
      finish(exitCode);
    };

    let server;
    try {
      server = await startWebhookServer({
        host,
        port,
        onEvent,
        ...signature,
        onWarning: (message) => out.note(message),
        onRejected: (rejection) => {
          if (out.json) out.data({ event: 'rejected', ...printableDeep(rejection) });
          else out.note(printable(`rejected ${rejection.method} ${rejection.path}: ${rejection.status} ${rejection.reason}`));
        },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const hint = code === 'EADDRINUSE' ? `; port ${port} is in use, pass --port` : code === 'EADDRNOTAVAIL' ? `; ${host} is not an address of this machine` : '';
      throw new LauncherError('network', `cannot listen on ${host}:${port}: ${code ?? String(error)}${hint}`);
    }
    if (!isLoopback(host)) {
      out.note(`warning: listening on ${host}: anyone who can reach this port can post webhooks`);
    }
    if (out.json) out.data({ event: 'listening', url: server.url });
    out.note(`Listening for VideoSDK webhooks on ${server.url}${until ? ` until ${until}` : ''} (Ctrl-C to stop)`);

    const onAbort = (): void => finish(until === undefined ? EXIT.ok : EXIT.interrupted);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
    // Aborted while starting up: the listener above will never fire.
    if (signal?.aborted) onAbort();
    const code = await finished;
    signal?.removeEventListener('abort', onAbort);
    await server.close();
    if (code === EXIT.interrupted) out.note(`interrupted before ${until ?? 'the end'}`);
    return code;
  },
};
