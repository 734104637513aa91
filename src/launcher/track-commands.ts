/**
 * `track start|stop` (one participant's track) and `participant start|stop` (one participant's
 * audio and video in one file): VideoSDK's per-participant recording endpoints.
 */
import { ENDPOINTS, PARTICIPANT_FILE_FORMATS, TRACK_KINDS } from '../server/rest-bodies.js';
import { type CommandContext, type CommandSpec, videoSdk } from './command-spec.js';
import { DRY_RUN_HELP, DRY_RUN_OPTION, dryRun } from './dry-run.js';
import { EXIT, usageError } from './errors.js';
import { choiceFlag, identifierFlag, textFlag, urlFlag } from './flags.js';
import { CHECK_WITH_LIST } from './recording-commands.js';

const START_ONLY = ['webhook-url', 'bucket-dir-path', 'file-format'];

/** start or stop, room and participant, and the start-only flags (refused on stop). */
function target(context: CommandContext, command: string) {
  const { values, out } = context;
  const action = context.positionals[0];
  if (action !== 'start' && action !== 'stop') {
    throw usageError(`${command} needs start or stop${action ? `, not ${JSON.stringify(action.slice(0, 40))}` : ''}; accepted: start, stop`);
  }
  const roomId = identifierFlag(values, 'room', true);
  const participantId = identifierFlag(values, 'participant', true);
  if (action === 'stop') {
    for (const flag of START_ONLY) if (values[flag] !== undefined) throw usageError(`--${flag} applies to ${command} start only`);
  }
  const webhookUrl = urlFlag(values, 'webhook-url', { httpsOnly: false, warn: (m) => out.note(m) });
  const bucketDirPath = textFlag(values, 'bucket-dir-path');
  return { action, roomId, participantId, extras: { ...(webhookUrl ? { webhookUrl } : {}), ...(bucketDirPath ? { bucketDirPath } : {}) } };
}

const TARGET_FLAGS = [
  'start|stop                what to do (required)',
  '--room ID                 the meeting (required)',
  '--participant ID          whose recording (required)',
];
const START_FLAGS = [
  '--webhook-url URL         start only: where VideoSDK posts its webhooks',
  '--bucket-dir-path PATH    start only: folder in your storage bucket',
  DRY_RUN_HELP,
];
const OPTIONS = {
  room: { type: 'string' },
  participant: { type: 'string' },
  'webhook-url': { type: 'string' },
  'bucket-dir-path': { type: 'string' },
  ...DRY_RUN_OPTION,
} as const;

/** The track command. */
export const trackCommand: CommandSpec = {
  name: 'track',
  summary: "start or stop recording one participant's track",
  usage: 'videosdk-record track start|stop --room ID --participant ID --kind audio|video|screen_audio|screen_video [--webhook-url URL] [--bucket-dir-path PATH] [--dry-run]',
  flags: [...TARGET_FLAGS, '--kind KIND               audio, video, screen_audio or screen_video (required)', ...START_FLAGS],
  examples: ['videosdk-record track start --room abcd-efgh-ijkl --participant p1 --kind screen_video'],
  options: { ...OPTIONS, kind: { type: 'string' } },
  positionals: ['start|stop'],
  checkWith: CHECK_WITH_LIST,
  async run(context) {
    const { out } = context;
    const { action, roomId, participantId, extras } = target(context, 'track');
    const kind = choiceFlag(context.values, 'kind', TRACK_KINDS);
    if (kind === undefined) throw usageError(`--kind is required; accepted: ${TRACK_KINDS.join(', ')}`);
    const body = action === 'start' ? { roomId, participantId, kind, fileFormat: 'webm' as const, ...extras } : { roomId, participantId, kind };
    if (dryRun(context, 'POST', action === 'start' ? ENDPOINTS.trackStart : ENDPOINTS.trackStop, body)) return EXIT.ok;
    const tracks = videoSdk(context).tracks;
    const { message } = action === 'start' ? await tracks.start(body) : await tracks.stop(body);
    if (out.json) out.data({ ok: true, action, roomId, participantId, kind, message });
    else out.line(`Track ${kind} of ${participantId} in room ${roomId}: ${message}`);
    return EXIT.ok;
  },
};

/** The participant command. */
export const participantCommand: CommandSpec = {
  name: 'participant',
  summary: "start or stop recording one participant's audio and video in one file",
  usage: 'videosdk-record participant start|stop --room ID --participant ID [--file-format webm|mp4] [--webhook-url URL] [--bucket-dir-path PATH] [--dry-run]',
  flags: [...TARGET_FLAGS, '--file-format webm|mp4    start only: the file format (VideoSDK\'s default when left out)', ...START_FLAGS],
  examples: ['videosdk-record participant start --room abcd-efgh-ijkl --participant p1 --file-format mp4'],
  options: { ...OPTIONS, 'file-format': { type: 'string' } },
  positionals: ['start|stop'],
  checkWith: CHECK_WITH_LIST,
  async run(context) {
    const { out } = context;
    const { action, roomId, participantId, extras } = target(context, 'participant');
    const fileFormat = choiceFlag(context.values, 'file-format', PARTICIPANT_FILE_FORMATS);
    const body = action === 'start' ? { roomId, participantId, ...(fileFormat ? { fileFormat } : {}), ...extras } : { roomId, participantId };
    if (dryRun(context, 'POST', action === 'start' ? ENDPOINTS.participantStart : ENDPOINTS.participantStop, body)) return EXIT.ok;
    const recordings = videoSdk(context).participantRecordings;
    const { message } = action === 'start' ? await recordings.start(body) : await recordings.stop(body);
    if (out.json) out.data({ ok: true, action, roomId, participantId, message });
    else out.line(`Recording of participant ${participantId} in room ${roomId}: ${message}`);
    return EXIT.ok;
  },
};
