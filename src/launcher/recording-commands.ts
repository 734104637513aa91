/**
 * `start`, `stop` and `list`: the room recording's REST calls, each validating its flags first and
 * printing a human summary or one JSON document.
 */
import { ENDPOINTS, type StartRecordingBody, type TranscriptionRequest } from '../server/rest-bodies.js';
import { type CommandSpec, videoSdk } from './command-spec.js';
import { DRY_RUN_HELP, DRY_RUN_OPTION, dryRun } from './dry-run.js';
import { EXIT, usageError } from './errors.js';
import { booleanFlag, type FlagValues, identifierFlag, stringFlag, textFlag, urlFlag } from './flags.js';
import { allPages, LIST_PAGE_SIZE, recordingLine, summariseRecording } from './list-format.js';
import { overrideNotes, TEMPLATE_URL_FLAG_HELP, TEMPLATE_URL_OPTIONS, templateUrlFromFlags } from './template-url-flags.js';

/** What to run after an unknown outcome (exit 7) of a recording's start or stop. */
export const CHECK_WITH_LIST = 'check with `list` before trying again';

/** The transcription object for --transcription / --summary [PROMPT], or undefined. */
export function transcriptionFromFlags(values: FlagValues): TranscriptionRequest | undefined {
  const summary = stringFlag(values, 'summary');
  if (summary !== undefined) {
    const prompt = summary.trim();
    if (prompt.length > 4000) throw usageError('--summary: the prompt is longer than 4000 characters');
    return { enabled: true, summary: prompt === '' ? { enabled: true } : { enabled: true, prompt } };
  }
  return booleanFlag(values, 'transcription') ? { enabled: true } : undefined;
}

/** The start command. */
export const startCommand: CommandSpec = {
  name: 'start',
  summary: 'start recording a room with the template (POST /v2/recordings/start)',
  usage: 'videosdk-record start --room ID --template-url BASE [layout options] [--webhook-url URL] [--aws-dir-path PATH] [--presigned-url URL] [--transcription] [--summary [PROMPT]] [--dry-run]',
  flags: [
    '--room ID                 the meeting to record (required)',
    ...TEMPLATE_URL_FLAG_HELP,
    '--webhook-url URL         where VideoSDK posts recording webhooks (see `watch`)',
    '--aws-dir-path PATH       folder in your configured storage bucket',
    '--presigned-url URL       pre-signed upload URL (never printed)',
    '--transcription           also transcribe the recording',
    '--summary [PROMPT]        transcribe and summarise, with an optional prompt',
    DRY_RUN_HELP,
  ],
  examples: [
    'videosdk-record start --room abcd-efgh-ijkl --template-url https://rec.example.com/ --layout SIDEBAR --priority PIN --webhook-url https://hooks.example.com/videosdk',
  ],
  options: {
    room: { type: 'string' },
    'webhook-url': { type: 'string' },
    'aws-dir-path': { type: 'string' },
    'presigned-url': { type: 'string' },
    transcription: { type: 'boolean' },
    summary: { type: 'string' },
    ...DRY_RUN_OPTION,
    ...TEMPLATE_URL_OPTIONS,
  },
  checkWith: CHECK_WITH_LIST,
  async run(context) {
    const { values, out } = context;
    const roomId = identifierFlag(values, 'room', true);
    const warn = (message: string): void => out.note(message);
    const webhookUrl = urlFlag(values, 'webhook-url', { httpsOnly: false, warn });
    const preSignedUrl = urlFlag(values, 'presigned-url', { httpsOnly: true });
    out.redactor.addSecret(preSignedUrl);
    const awsDirPath = textFlag(values, 'aws-dir-path');
    const transcription = transcriptionFromFlags(values);
    const { templateUrl, config, options, overrides } = await templateUrlFromFlags(context, roomId, 'recording');
    if (!out.json) for (const note of overrideNotes(overrides)) out.note(note);
    const body: StartRecordingBody = {
      roomId,
      templateUrl,
      config,
      ...(transcription ? { transcription } : {}),
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(awsDirPath ? { awsDirPath } : {}),
      ...(preSignedUrl ? { preSignedUrl } : {}),
    };
    if (dryRun(context, 'POST', ENDPOINTS.start, body, { overrides })) return EXIT.ok;
    const { message } = await videoSdk(context).recordings.start(body);
    if (out.json) out.data({ ok: true, roomId, message, request: body, overrides });
    else {
      out.line(`Recording of room ${roomId} requested: ${message}`);
      out.note(`layout ${options.layoutType}/${options.layoutPriority}, grid ${options.layoutGridSize}, theme ${options.theme}, ${options.mode}, ${options.quality}, ${options.orientation}`);
    }
    return EXIT.ok;
  },
};

/** The stop command. */
export const stopCommand: CommandSpec = {
  name: 'stop',
  summary: "stop a room's recording (POST /v2/recordings/end)",
  usage: 'videosdk-record stop --room ID [--dry-run]',
  flags: ['--room ID                 the meeting whose recording to end (required)', DRY_RUN_HELP],
  examples: ['videosdk-record stop --room abcd-efgh-ijkl'],
  options: { room: { type: 'string' }, ...DRY_RUN_OPTION },
  checkWith: CHECK_WITH_LIST,
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', true);
    if (dryRun(context, 'POST', ENDPOINTS.end, { roomId })) return EXIT.ok;
    const { message } = await videoSdk(context).recordings.stop({ roomId });
    if (context.out.json) context.out.data({ ok: true, roomId, message });
    else context.out.line(`Recording of room ${roomId} ending: ${message}`);
    return EXIT.ok;
  },
};

/** The list command. */
export const listCommand: CommandSpec = {
  name: 'list',
  summary: "list a room's recordings with file URL, size and duration (GET /v2/recordings)",
  usage: 'videosdk-record list --room ID [--session ID]',
  flags: ['--room ID                 the meeting (required)', '--session ID              only this session'],
  examples: ['videosdk-record list --room abcd-efgh-ijkl --json'],
  options: { room: { type: 'string' }, session: { type: 'string' } },
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', true);
    const sessionId = identifierFlag(context.values, 'session', false);
    const client = videoSdk(context);
    const { total, entries } = await allPages((page) => client.recordings.list({ roomId, ...(sessionId ? { sessionId } : {}), page, perPage: LIST_PAGE_SIZE }));
    const recordings = entries.map(summariseRecording);
    if (context.out.json) {
      context.out.data({ roomId, ...(sessionId ? { sessionId } : {}), total, recordings });
      return EXIT.ok;
    }
    if (recordings.length === 0) {
      context.out.note(`no recordings for room ${roomId}${sessionId ? ` session ${sessionId}` : ''}`);
      return EXIT.ok;
    }
    context.out.note(`${recordings.length} of ${total} recording(s) for room ${roomId}`);
    for (const r of recordings) context.out.line(recordingLine(r));
    return EXIT.ok;
  },
};
