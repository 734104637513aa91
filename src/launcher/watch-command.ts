/**
 * `watch`: runs the webhook receiver, prints each recording state transition as it arrives and,
 * with --until, exits when the recording reaches that state (0 on stopped, 6 on failed).
 */
import type { CommandSpec } from './command-spec.js';
import { EXIT, LauncherError } from './errors.js';
import { choiceFlag, identifierFlag, portFlag, stringFlag } from './flags.js';
import { printable, printableDeep } from './printable.js';
import { startWebhookServer } from './webhook-server.js';
import { type RecordingWebhook, webhookFileUrls, webhookState } from './webhooks.js';

/** The port watch listens on unless --port says otherwise. */
export const DEFAULT_WATCH_PORT = 8787;
/** The states --until accepts. */
export const UNTIL_STATES = ['stopped', 'failed'] as const;

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

function describe(webhook: RecordingWebhook): string {
  const { data } = webhook;
  const who = 'participantId' in data ? ` participant ${data.participantId} ${data.kind}` : '';
  const files = webhookFileUrls(webhook);
  return `${webhook.webhookType}  room ${data.meetingId} session ${data.sessionId}${who}${files.length > 0 ? `  ${files.join(' ')}` : ''}`;
}

/** The watch command. */
export const watchCommand: CommandSpec = {
  name: 'watch',
  summary: 'receive VideoSDK recording webhooks and print state transitions',
  usage: 'videosdk-record watch [--port 8787] [--host 127.0.0.1] [--until stopped|failed] [--room ID]',
  flags: [
    '--port N                 port to listen on (default 8787; 0 picks a free one)',
    '--host ADDRESS           address to bind (default 127.0.0.1, loopback only)',
    '--until stopped|failed   exit when the room recording reaches that state: with stopped, exit 0 on',
    '                         recording-stopped (printing the file URL) or 6 on recording-failed;',
    '                         with failed, keep watching until a recording fails, then exit 6',
    '--room ID                only this room\'s webhooks count for --until (others are still printed)',
    'VideoSDK must reach the receiver: expose the port through a tunnel and pass its public URL',
    'to `start --webhook-url`.',
  ],
  examples: ['videosdk-record watch --port 8787 --until stopped --json'],
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    until: { type: 'string' },
    room: { type: 'string' },
  },
  async run(context) {
    const { values, out, signal } = context;
    const port = portFlag(values, 'port', DEFAULT_WATCH_PORT);
    const host = stringFlag(values, 'host')?.trim() || '127.0.0.1';
    const until = choiceFlag(values, 'until', UNTIL_STATES);
    const roomFilter = identifierFlag(values, 'room', false);
    if (signal?.aborted) return EXIT.interrupted;

    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => {
      finish = resolve;
    });
    let done = false;

    const onWebhook = (received: RecordingWebhook): void => {
      // Whoever can post to the receiver writes these strings: nothing in them may forge or hide a line.
      const webhook = printableDeep(received);
      const { state, track } = webhookState(webhook);
      const files = webhookFileUrls(webhook);
      if (out.json) {
        // The payload is nested, so none of its fields can stand in for the receiver's own.
        out.data({ event: 'webhook', webhookType: webhook.webhookType, state, track, ...(files.length > 0 ? { fileUrls: files } : {}), data: webhook.data });
      } else {
        out.line(`${new Date().toISOString()}  ${describe(webhook)}`);
      }
      if (done || until === undefined || track) return;
      if (roomFilter !== undefined && webhook.data.meetingId !== roomFilter) return;
      const ends = state === 'failed' || (until === 'stopped' && state === 'stopped');
      if (!ends) return;
      done = true;
      const exitCode = state === 'failed' ? EXIT.recordingFailed : EXIT.ok;
      if (out.json) {
        out.data({ event: 'done', state, exitCode, meetingId: webhook.data.meetingId, sessionId: webhook.data.sessionId, ...(files[0] ? { fileUrl: files[0] } : {}) });
      } else if (state === 'stopped') {
        out.line(`Recording stopped: ${files[0] ?? ''}`);
      } else {
        out.note(`Recording failed (room ${webhook.data.meetingId}, session ${webhook.data.sessionId})`);
      }
      finish(exitCode);
    };

    let server;
    try {
      server = await startWebhookServer({
        host,
        port,
        onWebhook,
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
    out.note(`Listening for VideoSDK webhooks on ${server.url}${until ? ` until the recording is ${until}` : ''} (Ctrl-C to stop)`);

    const onAbort = (): void => finish(until === undefined ? EXIT.ok : EXIT.interrupted);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
    // Aborted while starting up: the listener above will never fire.
    if (signal?.aborted) onAbort();
    const code = await finished;
    signal?.removeEventListener('abort', onAbort);
    await server.close();
    if (code === EXIT.interrupted) out.note(`interrupted before the recording was ${until ?? 'done'}`);
    return code;
  },
};
