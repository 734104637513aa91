/**
 * The REST-side commands (token, url, start, stop, list, track): each validates its flags, then
 * signs tokens or calls VideoSDK, then prints a human summary or one JSON document.
 */
import type { ParseArgsConfig } from 'node:util';
import { toRestConfig } from '../config/rest-config.js';
import type { RecordingOptions } from '../config/options.js';
import { EXIT, usageError } from './errors.js';
import {
  booleanFlag,
  choiceFlag,
  type FlagValues,
  identifierFlag,
  layoutOptionsFromFlags,
  stringFlag,
  textFlag,
  urlFlag,
} from './flags.js';
import type { Output } from './output.js';
import { TRACK_KINDS, type RecordingEntry, type StartRecordingBody, type TranscriptionRequest } from './rest-api.js';
import { RestClient } from './rest-client.js';
import { type Env, readApiUrl, readCredentials, readNetworkSettings } from './settings.js';
import { buildTemplateUrl, parseTemplateBase } from './template-url.js';
import { formatDuration, type MintedToken, mintToken, parseTtl, ROLES } from './token.js';

/** What a command runs with. */
export interface CommandContext {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
  readonly out: Output;
  readonly env: Env;
  readonly signal?: AbortSignal | undefined;
}

/** One CLI command: its flags, its help and what it does. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly flags: readonly string[];
  readonly examples: readonly string[];
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly positionals?: readonly string[];
  readonly run: (context: CommandContext) => Promise<number>;
}

/** Default lifetime of the join token inside a templateUrl: longer than any wait for the recorder. */
export const TEMPLATE_TOKEN_TTL = '24h';
const MIN_TEMPLATE_TOKEN_TTL_SECONDS = 600;
const LIST_PAGE_SIZE = 20;
const MAX_LIST_PAGES = 50;

const LAYOUT_OPTIONS = {
  layout: { type: 'string' },
  priority: { type: 'string' },
  'grid-size': { type: 'string' },
  theme: { type: 'string' },
  mode: { type: 'string' },
  quality: { type: 'string' },
  orientation: { type: 'string' },
  'speaker-dwell-ms': { type: 'string' },
} as const;

const LAYOUT_FLAG_HELP = [
  '--layout GRID|SPOTLIGHT|SIDEBAR      layout type (default GRID)',
  '--priority SPEAKER|PIN               who gets the main place (default SPEAKER)',
  '--grid-size 1-4                      tiles on screen (default 4)',
  '--theme DARK|LIGHT|DEFAULT           colours (default DEFAULT)',
  '--mode video-and-audio|audio         (default video-and-audio)',
  '--quality low|med|high               (default med)',
  '--orientation landscape|portrait     (default landscape)',
  '--speaker-dwell-ms 0-10000           ms a new speaker must talk before the layout follows (default 1500)',
];

function expiry(claims: { exp: number }): string {
  return new Date(claims.exp * 1000).toISOString();
}

function restClient(context: CommandContext): RestClient {
  const credentials = readCredentials(context.env);
  context.out.redactor.addSecret(credentials.secret);
  return new RestClient({
    baseUrl: readApiUrl(context.env),
    credentials,
    network: readNetworkSettings(context.env),
    signal: context.signal,
    onRetry: (notice) =>
      context.out.note(
        `${notice.reason}; retrying in ${(notice.delayMs / 1000).toFixed(1)} s (attempt ${notice.attempt} of ${notice.attempts})`,
      ),
  });
}

interface TemplateUrlResult {
  readonly templateUrl: string;
  readonly join: MintedToken;
  readonly options: RecordingOptions;
}

/** Validates the url/start flags and signs the room-bound join token for the templateUrl. */
async function templateUrlFromFlags(context: CommandContext, roomId: string): Promise<TemplateUrlResult> {
  const rawBase = stringFlag(context.values, 'template-url');
  if (rawBase === undefined) throw usageError('--template-url is required (the https address of the hosted template page)');
  const base = parseTemplateBase(rawBase, booleanFlag(context.values, 'allow-insecure-template'));
  const options = layoutOptionsFromFlags(context.values);
  const ttlSeconds = parseTtl(stringFlag(context.values, 'ttl') ?? TEMPLATE_TOKEN_TTL, '--ttl', MIN_TEMPLATE_TOKEN_TTL_SECONDS);
  const credentials = readCredentials(context.env);
  context.out.redactor.addSecret(credentials.secret);
  // Room-bound and join-only, never participant-bound: the recorder joins under VideoSDK's own id.
  const join = await mintToken(credentials, { ttlSeconds, roomId, roles: ['rtc'], permissions: ['allow_join'] });
  return { templateUrl: buildTemplateUrl(base, join.token, roomId, options), join, options };
}

const tokenCommand: CommandSpec = {
  name: 'token',
  summary: 'print a signed VideoSDK token (JWT, HS256)',
  usage: 'videosdk-record token [--room ID] [--ttl 1h] [--role rtc|crawler] [--show-token]',
  flags: [
    '--room ID             bind the token to one room',
    '--ttl DURATION        lifetime such as 90s, 15m, 2h, 7d (default 1h, at most 30d)',
    '--role rtc|crawler    rtc = join only, crawler = REST API only (default: no roles)',
    '--show-token          print the token itself; without it the token is redacted',
  ],
  examples: ['videosdk-record token --room abcd-efgh-ijkl --ttl 2h --role rtc --show-token'],
  options: { room: { type: 'string' }, ttl: { type: 'string' }, role: { type: 'string' } },
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', false);
    const ttlSeconds = parseTtl(stringFlag(context.values, 'ttl') ?? '1h');
    const role = choiceFlag(context.values, 'role', ROLES);
    const credentials = readCredentials(context.env);
    context.out.redactor.addSecret(credentials.secret);
    const { token, claims } = await mintToken(credentials, { ttlSeconds, roomId, roles: role ? [role] : undefined });
    if (context.out.json) {
      context.out.data({ token, claims, expiresAt: expiry(claims) });
      return EXIT.ok;
    }
    context.out.line(token);
    const scope = [
      `permissions ${claims.permissions.join(',')}`,
      roomId ? `room ${roomId}` : 'any room',
      role ? `role ${role}` : undefined,
    ].filter(Boolean);
    context.out.note(`token valid for ${formatDuration(ttlSeconds)} (until ${expiry(claims)}), ${scope.join(', ')}`);
    if (!booleanFlag(context.values, 'show-token')) context.out.note('the token is redacted; pass --show-token to print it');
    return EXIT.ok;
  },
};

const urlCommand: CommandSpec = {
  name: 'url',
  summary: 'print the templateUrl VideoSDK will open (join token + layout options)',
  usage: 'videosdk-record url --room ID --template-url BASE [layout options] [--ttl 24h] [--show-token]',
  flags: [
    '--room ID                 the meeting to record (required)',
    '--template-url BASE       https address of the hosted template page (required)',
    ...LAYOUT_FLAG_HELP,
    '--ttl DURATION            lifetime of the join token in the URL (default 24h, at least 10m)',
    '--allow-insecure-template permit http and local addresses (testing only; VideoSDK refuses them)',
    '--show-token              print the token in the URL; without it token= is redacted',
  ],
  examples: ['videosdk-record url --room abcd-efgh-ijkl --template-url https://rec.example.com/ --layout SPOTLIGHT --theme DARK --show-token'],
  options: {
    room: { type: 'string' },
    'template-url': { type: 'string' },
    ttl: { type: 'string' },
    'allow-insecure-template': { type: 'boolean' },
    ...LAYOUT_OPTIONS,
  },
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', true);
    const { templateUrl, join, options } = await templateUrlFromFlags(context, roomId);
    if (context.out.json) {
      context.out.data({ templateUrl, roomId, tokenExpiresAt: expiry(join.claims), options });
      return EXIT.ok;
    }
    context.out.line(templateUrl);
    context.out.note(`join token bound to room ${roomId}, valid until ${expiry(join.claims)}`);
    if (!booleanFlag(context.values, 'show-token')) context.out.note('token= is redacted; pass --show-token to print the usable URL');
    return EXIT.ok;
  },
};

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

const startCommand: CommandSpec = {
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
    const { templateUrl, options } = await templateUrlFromFlags(context, roomId);
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
      if (out.json) out.data({ dryRun: true, request: body });
      else out.line(JSON.stringify(body, null, 2));
      return EXIT.ok;
    }
    const client = restClient(context);
    const message = await client.startRecording(body);
    if (out.json) out.data({ ok: true, roomId, message, request: body });
    else {
      out.line(`Recording of room ${roomId} requested: ${message}`);
      out.note(`layout ${options.layoutType}/${options.layoutPriority}, grid ${options.layoutGridSize}, theme ${options.theme}, ${options.mode}, ${options.quality}, ${options.orientation}`);
    }
    return EXIT.ok;
  },
};

const stopCommand: CommandSpec = {
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

const listCommand: CommandSpec = {
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
      context.out.line(
        [r.createdAt ?? '?', `session ${r.sessionId ?? '?'}`, formatBytes(r.sizeBytes ?? undefined), formatClock(r.durationSeconds ?? undefined), r.fileUrl ?? '(file not ready)'].join('  '),
      );
    }
    return EXIT.ok;
  },
};

const trackCommand: CommandSpec = {
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

/** The REST-side commands, in help order. */
export const REST_COMMANDS: readonly CommandSpec[] = [tokenCommand, urlCommand, startCommand, stopCommand, listCommand, trackCommand];
