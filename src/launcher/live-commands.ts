/**
 * `hls start|stop|list` and `livestream start|stop|list`: the same template filmed for an HLS
 * stream or RTMP outputs (the templateUrl carries output=hls or output=livestream). Stream keys
 * come from stream-keys.ts and are never printed.
 */
import { ENDPOINTS, type LiveConfig, type RtmpOutput } from '../server/rest-bodies.js';
import type { HlsEntry, LivestreamEntry } from '../server/rest-replies.js';
import { type CommandContext, type CommandSpec, videoSdk } from './command-spec.js';
import { DRY_RUN_HELP, DRY_RUN_OPTION, dryRun } from './dry-run.js';
import { EXIT, usageError } from './errors.js';
import { booleanFlag, identifierFlag, stringFlags } from './flags.js';
import { allPages, entryLine, LIST_PAGE_SIZE } from './list-format.js';
import { isLocalHost } from '../server/template-url.js';
import { readStreamKeys, STREAM_KEY_VARIABLE } from './stream-keys.js';
import { overrideNotes, templateUrlFlagHelp, TEMPLATE_URL_OPTIONS, type TemplateUrlResult, templateUrlFromFlags } from './template-url-flags.js';

const START_ONLY = ['template-url', 'record', 'transcription', 'rtmp-url', 'stream-key-file', 'ttl', 'allow-insecure-template', 'layout', 'priority', 'grid-size', 'theme', 'mode', 'quality', 'orientation', 'speaker-dwell-ms'];

/** The action, the room, and no start-only flag on stop or list. */
function actionOf(context: CommandContext, command: string): { action: 'start' | 'stop' | 'list'; roomId: string } {
  const action = context.positionals[0];
  if (action !== 'start' && action !== 'stop' && action !== 'list') {
    throw usageError(`${command} needs start, stop or list${action ? `, not ${JSON.stringify(action.slice(0, 40))}` : ''}; accepted: start, stop, list`);
  }
  const roomId = identifierFlag(context.values, 'room', true);
  if (action !== 'start') {
    for (const flag of START_ONLY) if (context.values[flag] !== undefined) throw usageError(`--${flag} applies to ${command} start only`);
    if (action === 'list' && context.values['dry-run'] !== undefined) throw usageError(`--dry-run applies to ${command} start and stop only`);
  }
  return { action, roomId };
}

function liveConfig(context: CommandContext, template: TemplateUrlResult): LiveConfig {
  return { ...template.config, ...(booleanFlag(context.values, 'record') ? { recording: { enabled: true } } : {}) };
}

async function stop(context: CommandContext, label: string, path: string, roomId: string, send: () => Promise<{ message: string }>): Promise<number> {
  if (dryRun(context, 'POST', path, { roomId })) return EXIT.ok;
  const { message } = await send();
  if (context.out.json) context.out.data({ ok: true, roomId, message });
  else context.out.line(`${label} of room ${roomId} ending: ${message}`);
  return EXIT.ok;
}

function summariseHls(entry: HlsEntry) {
  return { id: entry.id, sessionId: entry.sessionId ?? null, start: entry.start ?? null, end: entry.end ?? null, playbackHlsUrl: entry.playbackHlsUrl ?? null, livestreamUrl: entry.livestreamUrl ?? null };
}

// Only the URLs of the outputs: VideoSDK may list them with their stream keys.
function summariseLivestream(entry: LivestreamEntry) {
  const outputs = (entry.outputs ?? []).map((output) => output.url).filter((url): url is string => typeof url === 'string');
  return { id: entry.id, sessionId: entry.sessionId ?? null, start: entry.start ?? null, end: entry.end ?? null, outputs };
}

/** The rtmp(s) URLs of --rtmp-url, in order. */
function rtmpUrls(context: CommandContext): string[] {
  const urls = stringFlags(context.values, 'rtmp-url').map((raw) => raw.trim());
  if (urls.length === 0) throw usageError('--rtmp-url is required (rtmp:// or rtmps:// address of each destination; repeat it for several)');
  for (const raw of urls) {
    const url = URL.canParse(raw) ? new URL(raw) : undefined;
    if (url === undefined || (url.protocol !== 'rtmp:' && url.protocol !== 'rtmps:') || url.hostname === '') {
      throw usageError('--rtmp-url: not an RTMP URL; accepted: rtmp://host/app or rtmps://host/app (the stream key goes in VIDEOSDK_STREAM_KEY or --stream-key-file)');
    }
    if (url.username || url.password) throw usageError('--rtmp-url: must not contain a user name or password');
    if (isLocalHost(url.hostname)) context.out.note(`warning: --rtmp-url points at ${url.hostname}, which VideoSDK's servers cannot reach`);
  }
  return urls;
}

const LIVE_OPTIONS = { room: { type: 'string' }, record: { type: 'boolean' }, ...DRY_RUN_OPTION, ...TEMPLATE_URL_OPTIONS } as const;

/** The hls command. */
export const hlsCommand: CommandSpec = {
  name: 'hls',
  summary: 'start, stop or list HLS streams of a room filmed with the template (POST /v2/hls/start)',
  usage: 'videosdk-record hls start --room ID --template-url BASE [layout options] [--record] [--transcription] [--dry-run] | hls stop --room ID | hls list --room ID',
  flags: [
    'start|stop|list           what to do (required)',
    '--room ID                 the meeting (required)',
    ...templateUrlFlagHelp('start only; required'),
    '--record                  start only: also record the stream',
    '--transcription           start only: also transcribe it',
    DRY_RUN_HELP,
  ],
  examples: ['videosdk-record hls start --room abcd-efgh-ijkl --template-url https://rec.example.com/ --layout SPOTLIGHT --record'],
  options: { ...LIVE_OPTIONS, transcription: { type: 'boolean' } },
  positionals: ['start|stop|list'],
  checkWith: 'check with `hls list` before trying again',
  async run(context) {
    const { out } = context;
    const { action, roomId } = actionOf(context, 'hls');
    if (action === 'stop') return stop(context, 'HLS', ENDPOINTS.hlsEnd, roomId, () => videoSdk(context).hls.stop({ roomId }));
    if (action === 'list') {
      const client = videoSdk(context);
      const { total, entries } = await allPages((page) => client.hls.list({ roomId, page, perPage: LIST_PAGE_SIZE }));
      const streams = entries.map(summariseHls);
      if (out.json) out.data({ roomId, total, streams });
      else if (streams.length === 0) out.note(`no HLS streams for room ${roomId}`);
      else for (const s of streams) out.line(entryLine([s.start, `session ${s.sessionId ?? '?'}`, s.end ? `ended ${s.end}` : 'live', s.playbackHlsUrl]));
      return EXIT.ok;
    }
    const template = await templateUrlFromFlags(context, roomId, 'hls');
    if (!out.json) for (const note of overrideNotes(template.overrides)) out.note(note);
    const body = { roomId, templateUrl: template.templateUrl, config: liveConfig(context, template), ...(booleanFlag(context.values, 'transcription') ? { transcription: { enabled: true } } : {}) };
    if (dryRun(context, 'POST', ENDPOINTS.hlsStart, body, { overrides: template.overrides })) return EXIT.ok;
    const started = await videoSdk(context).hls.start(body);
    const playbackHlsUrl = started.playbackHlsUrl ?? null;
    const livestreamUrl = started.livestreamUrl ?? null;
    if (out.json) out.data({ ok: true, roomId, id: started.id ?? null, sessionId: started.sessionId ?? null, playbackHlsUrl, livestreamUrl, request: body, overrides: template.overrides });
    else {
      out.line(`HLS of room ${roomId} started`);
      out.line(entryLine(['playback  ', playbackHlsUrl ?? '(not yet: wait for the hls-playable webhook)']));
      out.line(entryLine(['livestream', livestreamUrl ?? '(not yet)']));
    }
    return EXIT.ok;
  },
};

/** The livestream command. */
export const livestreamCommand: CommandSpec = {
  name: 'livestream',
  summary: 'start, stop or list RTMP live streams of a room filmed with the template (POST /v2/livestreams/start)',
  usage: 'videosdk-record livestream start --room ID --template-url BASE --rtmp-url URL [--rtmp-url URL ...] [--stream-key-file FILE] [layout options] [--record] [--dry-run] | livestream stop --room ID | livestream list --room ID',
  flags: [
    'start|stop|list           what to do (required)',
    '--room ID                 the meeting (required)',
    ...templateUrlFlagHelp('start only; required'),
    '--rtmp-url URL            start only: rtmp(s):// destination; repeat for several outputs',
    `--stream-key-file FILE    start only: one stream key per line, in the order of the URLs (else ${STREAM_KEY_VARIABLE}, one output)`,
    '--record                  start only: also record the stream',
    DRY_RUN_HELP,
    'Stream keys are secrets: never a flag, never printed (redacted like the API secret).',
  ],
  examples: [`${STREAM_KEY_VARIABLE}=… videosdk-record livestream start --room abcd-efgh-ijkl --template-url https://rec.example.com/ --rtmp-url rtmp://a.rtmp.youtube.com/live2`],
  options: { ...LIVE_OPTIONS, 'rtmp-url': { type: 'string', multiple: true }, 'stream-key-file': { type: 'string' } },
  positionals: ['start|stop|list'],
  checkWith: 'check with `livestream list` before trying again',
  async run(context) {
    const { out } = context;
    const { action, roomId } = actionOf(context, 'livestream');
    if (action === 'stop') return stop(context, 'Live stream', ENDPOINTS.livestreamEnd, roomId, () => videoSdk(context).livestreams.stop({ roomId }));
    if (action === 'list') {
      const { data } = await videoSdk(context).livestreams.list({ roomId });
      const streams = data.map(summariseLivestream);
      if (out.json) out.data({ roomId, total: streams.length, streams });
      else if (streams.length === 0) out.note(`no live streams for room ${roomId}`);
      else for (const s of streams) out.line(entryLine([s.start, `session ${s.sessionId ?? '?'}`, s.end ? `ended ${s.end}` : 'live', s.outputs.join(' ') || '(no outputs listed)']));
      return EXIT.ok;
    }
    const urls = rtmpUrls(context);
    const keys = await readStreamKeys(context, urls.length);
    const outputs: RtmpOutput[] = urls.map((url, i) => ({ url, streamKey: keys[i]! }));
    const template = await templateUrlFromFlags(context, roomId, 'livestream');
    if (!out.json) for (const note of overrideNotes(template.overrides)) out.note(note);
    const body = { roomId, outputs, templateUrl: template.templateUrl, config: liveConfig(context, template) };
    if (dryRun(context, 'POST', ENDPOINTS.livestreamStart, body, { overrides: template.overrides })) return EXIT.ok;
    const { message, data } = await videoSdk(context).livestreams.start(body);
    if (out.json) out.data({ ok: true, roomId, message, outputs: urls, reply: data ?? null, request: body, overrides: template.overrides });
    else out.line(`Live stream of room ${roomId} to ${urls.length} output${urls.length === 1 ? '' : 's'} requested: ${message}`);
    return EXIT.ok;
  },
};
