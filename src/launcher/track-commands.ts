/**
 * `track start|stop`: record one participant's track through VideoSDK's participant-track endpoints.
 */
import { type CommandSpec, restClient } from './command-spec.js';
import { EXIT, usageError } from './errors.js';
import { choiceFlag, identifierFlag, textFlag, urlFlag } from './flags.js';
import { TRACK_KINDS } from './rest-api.js';
import type { RestClient } from './rest-client.js';

/** The track command. */
export const trackCommand: CommandSpec = {
  name: 'track',
  summary: "start or stop recording one participant's track",
  usage: 'videosdk-record track start|stop --room ID --participant ID --kind audio|video|screen_audio|screen_video [--webhook-url URL] [--bucket-dir-path PATH]',
  flags: [
    'start|stop               what to do (required)',
    '--room ID                the meeting (required)',
    '--participant ID         whose track (required)',
    '--kind KIND              audio, video, screen_audio or screen_video (required)',
    '--webhook-url URL        start only: where VideoSDK posts track webhooks',
    '--bucket-dir-path PATH   start only: folder in your storage bucket',
  ],
  examples: ['videosdk-record track start --room abcd-efgh-ijkl --participant p1 --kind screen_video'],
  options: {
    room: { type: 'string' },
    participant: { type: 'string' },
    kind: { type: 'string' },
    'webhook-url': { type: 'string' },
    'bucket-dir-path': { type: 'string' },
  },
  positionals: ['start|stop'],
  async run(context) {
    const { values, out } = context;
    const action = context.positionals[0];
    if (action !== 'start' && action !== 'stop') {
      throw usageError(`track needs start or stop${action ? `, not ${JSON.stringify(action.slice(0, 40))}` : ''}; accepted: start, stop`);
    }
    const roomId = identifierFlag(values, 'room', true);
    const participantId = identifierFlag(values, 'participant', true);
    const kind = choiceFlag(values, 'kind', TRACK_KINDS);
    if (kind === undefined) throw usageError(`--kind is required; accepted: ${TRACK_KINDS.join(', ')}`);
    const client = (): RestClient => restClient(context);
    let message: string;
    if (action === 'start') {
      const webhookUrl = urlFlag(values, 'webhook-url', { httpsOnly: false, warn: (m) => out.note(m) });
      const bucketDirPath = textFlag(values, 'bucket-dir-path');
      message = await client().startTrack({
        roomId,
        participantId,
        kind,
        fileFormat: 'webm',
        ...(webhookUrl ? { webhookUrl } : {}),
        ...(bucketDirPath ? { bucketDirPath } : {}),
      });
    } else {
      for (const flag of ['webhook-url', 'bucket-dir-path']) {
        if (values[flag] !== undefined) throw usageError(`--${flag} applies to track start only`);
      }
      message = await client().stopTrack({ roomId, participantId, kind });
    }
    if (out.json) out.data({ ok: true, action, roomId, participantId, kind, message });
    else out.line(`Track ${kind} of ${participantId} in room ${roomId}: ${message}`);
    return EXIT.ok;
  },
};
