/**
 * `start`, `stop` and `list`: the room recording's REST calls, each validating its flags first and
 * printing a human summary or one JSON document.
 */
import { toRestConfig } from '../config/rest-config.js';
import { type CommandSpec, restClient } from './command-spec.js';
import { EXIT, usageError } from './errors.js';
import { booleanFlag, type FlagValues, identifierFlag, stringFlag, textFlag, urlFlag } from './flags.js';
import type { RecordingEntry, StartRecordingBody, TranscriptionRequest } from './rest-api.js';
import { printable } from './printable.js';
import { LAYOUT_FLAG_HELP, LAYOUT_OPTIONS, overrideNotes, templateUrlFromFlags } from './template-url-flags.js';

const LIST_PAGE_SIZE = 20;
const MAX_LIST_PAGES = 50;

/** The transcription object for --transcription / --summary [PROMPT], or undefined. */
function transcriptionFromFlags(values: FlagValues): TranscriptionRequest | undefined {
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
  usage: 'videosdk-record start --room ID --template-url BASE [layout options] [--webhook-url URL] [--aws-dir-path PATH] [--presigned-url URL] [--transcription] [--summary [PROMPT]]',
  flags: [
    '--room ID                 the meeting to record (required)',
    '--template-url BASE       https address of the hosted template page (required)',
    ...LAYOUT_FLAG_HELP,
    '--webhook-url URL         where VideoSDK posts recording webhooks (see `watch`)',
    '--aws-dir-path PATH       folder in your configured storage bucket',
    '--presigned-url URL       pre-signed upload URL (never printed)',
    '--transcription           also transcribe the recording',
    '--summary [PROMPT]        transcribe and summarise, with an optional prompt',
    '--ttl DURATION            lifetime of the join token in the templateUrl (default 24h, at least 10m)',
    '--allow-insecure-template permit http and local template addresses (testing only)',
    '--dry-run                 print the request body instead of sending it',
  ],
  examples: [
    'videosdk-record start --room abcd-efgh-ijkl --template-url https://rec.example.com/ --layout SIDEBAR --priority PIN --webhook-url https://hooks.example.com/videosdk',
  ],
  options: {
    room: { type: 'string' },
    'template-url': { type: 'string' },
    ttl: { type: 'string' },
    'allow-insecure-template': { type: 'boolean' },
    'webhook-url': { type: 'string' },
    'aws-dir-path': { type: 'string' },
    'presigned-url': { type: 'string' },
    transcription: { type: 'boolean' },
    summary: { type: 'string' },
    'dry-run': { type: 'boolean' },
    ...LAYOUT_OPTIONS,
  },
  async run(context) {
    const { values, out } = context;
    const roomId = identifierFlag(values, 'room', true);
    const warn = (message: string): void => out.note(message);
    const webhookUrl = urlFlag(values, 'webhook-url', { httpsOnly: false, warn });
    const preSignedUrl = urlFlag(values, 'presigned-url', { httpsOnly: true });
    out.redactor.addSecret(preSignedUrl);
    const awsDirPath = textFlag(values, 'aws-dir-path');
    const transcription = transcriptionFromFlags(values);
    const { templateUrl, options, overrides } = await templateUrlFromFlags(context, roomId);
    if (!out.json) for (const note of overrideNotes(overrides)) out.note(note);
    const body: StartRecordingBody = {
      roomId,
      templateUrl,
      config: toRestConfig(options),
      ...(transcription ? { transcription } : {}),
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(awsDirPath ? { awsDirPath } : {}),
      ...(preSignedUrl ? { preSignedUrl } : {}),
    };
    if (booleanFlag(values, 'dry-run')) {
      if (out.json) out.data({ dryRun: true, request: body, overrides });
      else out.line(JSON.stringify(body, null, 2));
      return EXIT.ok;
    }
    const client = restClient(context);
    const message = await client.startRecording(body);
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
  usage: 'videosdk-record stop --room ID',
  flags: ['--room ID   the meeting whose recording to end (required)'],
  examples: ['videosdk-record stop --room abcd-efgh-ijkl'],
  options: { room: { type: 'string' } },
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', true);
    const message = await restClient(context).endRecording({ roomId });
    if (context.out.json) context.out.data({ ok: true, roomId, message });
    else context.out.line(`Recording of room ${roomId} ending: ${message}`);
    return EXIT.ok;
  },
};

function numberOf(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Bytes as a short human size. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Seconds as h:mm:ss. */
export function formatClock(seconds: number | undefined): string {
  if (seconds === undefined) return '?';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function summarise(entry: RecordingEntry) {
  return {
    id: entry.id,
    sessionId: entry.sessionId ?? null,
    createdAt: entry.createdAt ?? null,
    fileUrl: entry.file?.fileUrl ?? null,
    filePath: entry.file?.filePath ?? null,
    sizeBytes: numberOf(entry.file?.size) ?? null,
    durationSeconds: numberOf(entry.file?.meta?.duration ?? undefined) ?? null,
  };
}

/** The list command. */
export const listCommand: CommandSpec = {
  name: 'list',
  summary: "list a room's recordings with file URL, size and duration (GET /v2/recordings)",
  usage: 'videosdk-record list --room ID [--session ID]',
  flags: ['--room ID      the meeting (required)', '--session ID   only this session'],
  examples: ['videosdk-record list --room abcd-efgh-ijkl --json'],
  options: { room: { type: 'string' }, session: { type: 'string' } },
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', true);
    const sessionId = identifierFlag(context.values, 'session', false);
    const client = restClient(context);
    const entries: RecordingEntry[] = [];
    let total = 0;
    for (let page = 1; page <= MAX_LIST_PAGES; page += 1) {
      const result = await client.listRecordings({ roomId, ...(sessionId ? { sessionId } : {}), page, perPage: LIST_PAGE_SIZE });
      entries.push(...result.data);
      total = result.pageInfo.total;
      if (page >= result.pageInfo.lastPage || result.data.length === 0) break;
    }
    const recordings = entries.map(summarise);
    if (context.out.json) {
      context.out.data({ roomId, ...(sessionId ? { sessionId } : {}), total, recordings });
      return EXIT.ok;
    }
    if (recordings.length === 0) {
      context.out.note(`no recordings for room ${roomId}${sessionId ? ` session ${sessionId}` : ''}`);
      return EXIT.ok;
    }
    context.out.note(`${recordings.length} of ${total} recording(s) for room ${roomId}`);
    for (const r of recordings) {
      // The fields are the server's: one recording must print as exactly one line.
      context.out.line(
        printable([r.createdAt ?? '?', `session ${r.sessionId ?? '?'}`, formatBytes(r.sizeBytes ?? undefined), formatClock(r.durationSeconds ?? undefined), r.fileUrl ?? '(file not ready)'].join('  ')),
      );
    }
    return EXIT.ok;
  },
};
