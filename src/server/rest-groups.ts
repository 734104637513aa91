/**
 * The client's REST groups: recordings, participant tracks and single-participant recordings, HLS,
 * RTMP live streams and rooms. Each method checks its options, builds exactly the documented body
 * and parses the answer; being async, a bad option rejects like any other failure.
 */
import type { ZodType } from 'zod';
import { fromConfigObject, type RestConfig } from '../config/rest-config.js';
import { defined, optionalChoice, optionalCount, optionalText, optionalUrl, requireChoice, requireId, requirePathId, requireStreamKey } from './checks.js';
import { invalidOptions } from './errors.js';
import type { RequestSpec } from './http.js';
import {
  type CreateRoomBody, type EndBody, ENDPOINTS, type LiveConfig, type PageQuery, PARTICIPANT_FILE_FORMATS, type ParticipantStartBody,
  type ParticipantStopBody, type StartHlsBody, type StartLivestreamBody, type StartRecordingBody, TRACK_KINDS, type TrackStartBody,
  type TrackStopBody, type TranscriptionRequest,
} from './rest-bodies.js';
import {
  type Acknowledgement, acknowledgement, type HlsList, HlsListSchema, type HlsStarted, HlsStartedSchema, type LivestreamList,
  LivestreamListSchema, parseReply, type RecordingEntry, RecordingEntrySchema, type RecordingList, RecordingListSchema, type Room, RoomSchema,
} from './rest-replies.js';

/** Per call: an abort signal for this request only. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** The REST groups of the client. */
export interface RestGroups {
  readonly recordings: {
    start(body: StartRecordingBody, call?: CallOptions): Promise<Acknowledgement>;
    stop(body: EndBody, call?: CallOptions): Promise<Acknowledgement>;
    list(query: { roomId: string; sessionId?: string } & PageQuery, call?: CallOptions): Promise<RecordingList>;
    get(options: { id: string }, call?: CallOptions): Promise<RecordingEntry>;
    delete(options: { id: string }, call?: CallOptions): Promise<Acknowledgement>;
  };
  readonly tracks: {
    start(body: Omit<TrackStartBody, 'fileFormat'> & { fileFormat?: 'webm' }, call?: CallOptions): Promise<Acknowledgement>;
    stop(body: TrackStopBody, call?: CallOptions): Promise<Acknowledgement>;
  };
  readonly participantRecordings: {
    start(body: ParticipantStartBody, call?: CallOptions): Promise<Acknowledgement>;
    stop(body: ParticipantStopBody, call?: CallOptions): Promise<Acknowledgement>;
  };
  readonly hls: {
    start(body: StartHlsBody, call?: CallOptions): Promise<HlsStarted>;
    stop(body: EndBody, call?: CallOptions): Promise<Acknowledgement>;
    list(query: { roomId: string } & PageQuery, call?: CallOptions): Promise<HlsList>;
  };
  readonly livestreams: {
    start(body: StartLivestreamBody, call?: CallOptions): Promise<Acknowledgement>;
    stop(body: EndBody, call?: CallOptions): Promise<Acknowledgement>;
    list(query: { roomId: string }, call?: CallOptions): Promise<LivestreamList>;
  };
  readonly rooms: { create(body?: CreateRoomBody, call?: CallOptions): Promise<Room> };
}

const HTTP = ['https:', 'http:'] as const;
const MAX_PER_PAGE = 100;

function checkConfig<T extends RestConfig | LiveConfig>(config: T | undefined, name: string): T | undefined {
  if (config === undefined) return undefined;
  const read = fromConfigObject(config);
  if (!read.ok) throw invalidOptions(`${name}: ${read.error}`);
  const [warning] = read.warnings;
  if (warning) throw invalidOptions(`${name}.${warning.option}=${JSON.stringify(warning.value)} is not valid; accepted: ${warning.accepted}`);
  const recording = (config as LiveConfig).recording;
  if (recording !== undefined && typeof recording?.enabled !== 'boolean') throw invalidOptions(`${name}.recording is not valid; accepted: {enabled: true|false}`);
  return config;
}

function checkTranscription(value: TranscriptionRequest | undefined): TranscriptionRequest | undefined {
  if (value !== undefined && typeof value?.enabled !== 'boolean') throw invalidOptions('transcription is not valid; accepted: {enabled: true|false, summary?: {enabled, prompt?}}');
  return value;
}

function checkRoom(body: CreateRoomBody): CreateRoomBody {
  const { customRoomId, webhook, autoCloseConfig, autoStartConfig } = body;
  if (webhook !== undefined) {
    if (optionalUrl(webhook?.endPoint, 'webhook.endPoint', HTTP) === undefined) throw invalidOptions('webhook.endPoint is required');
    if (!Array.isArray(webhook.events) || webhook.events.some((e) => typeof e !== 'string' || e.trim() === '')) {
      throw invalidOptions('webhook.events is not valid; accepted: a list of webhook types or patterns such as "recording-*"');
    }
  }
  for (const part of ['recording', 'hls'] as const) {
    checkConfig(autoStartConfig?.[part]?.config, `autoStartConfig.${part}.config`);
    optionalUrl(autoStartConfig?.[part]?.templateUrl, `autoStartConfig.${part}.templateUrl`, HTTP);
  }
  return defined({ customRoomId: customRoomId === undefined ? undefined : requireId(customRoomId, 'customRoomId'), webhook, autoCloseConfig, autoStartConfig });
}

function rtmpOutputs(outputs: StartLivestreamBody['outputs'] | undefined): StartLivestreamBody['outputs'] {
  if (!Array.isArray(outputs) || outputs.length === 0) throw invalidOptions('outputs is not valid; accepted: a non-empty list of {url, streamKey}');
  return outputs.map((output, i) => {
    const url = optionalUrl(output?.url, `outputs[${i}].url`, ['rtmp:', 'rtmps:']);
    if (url === undefined) throw invalidOptions(`outputs[${i}].url is required; accepted: an rtmp or rtmps URL`);
    return { url, streamKey: requireStreamKey(output.streamKey, `outputs[${i}].streamKey`) };
  });
}

/** Whose recording, and where its webhooks and files go: shared by tracks and single-participant recordings. */
function participantTarget(body: { roomId: string; participantId: string; webhookUrl?: string; bucketDirPath?: string }) {
  return {
    roomId: requireId(body?.roomId, 'roomId'),
    participantId: requireId(body.participantId, 'participantId'),
    webhookUrl: optionalUrl(body.webhookUrl, 'webhookUrl', HTTP),
    bucketDirPath: optionalText(body.bucketDirPath, 'bucketDirPath', 1024),
  };
}

/** The groups over one transport's `send`. */
export function restGroups(send: (spec: RequestSpec) => Promise<string>): RestGroups {
  const ack = async (path: string, body: object, call?: CallOptions, secrets?: readonly (string | undefined)[]): Promise<Acknowledgement> =>
    acknowledgement(await send({ method: 'POST', path, body, signal: call?.signal, ...(secrets ? { secrets } : {}) }));
  const parsed = async <T>(spec: RequestSpec, schema: ZodType<T>, what: string): Promise<T> =>
    parseReply(await send(spec), schema, what, `${spec.method} ${spec.path}`);
  const end = (path: string) => async (body: EndBody, call?: CallOptions) => ack(path, { roomId: requireId(body?.roomId, 'roomId') }, call);
  const page = (query: PageQuery) => ({ page: optionalCount(query.page, 'page', 10_000), perPage: optionalCount(query.perPage, 'perPage', MAX_PER_PAGE) });
  const recordingPath = (options: { id: string }) => `${ENDPOINTS.recording}${requirePathId(options?.id, 'id')}`;
  const room = (body: { roomId: string }) => requireId(body?.roomId, 'roomId');

  return {
    recordings: {
      start: async (body, call) => {
        const request = defined({
          roomId: room(body),
          templateUrl: optionalUrl(body.templateUrl, 'templateUrl', HTTP),
          transcription: checkTranscription(body.transcription),
          config: checkConfig(body.config, 'config'),
          webhookUrl: optionalUrl(body.webhookUrl, 'webhookUrl', HTTP),
          awsDirPath: optionalText(body.awsDirPath, 'awsDirPath', 1024),
          preSignedUrl: optionalUrl(body.preSignedUrl, 'preSignedUrl', ['https:']),
        });
        return ack(ENDPOINTS.start, request, call, [request.preSignedUrl]);
      },
      stop: end(ENDPOINTS.end),
      list: async (query, call) => {
        const sessionId = query?.sessionId === undefined ? undefined : requireId(query.sessionId, 'sessionId');
        return parsed({ method: 'GET', path: ENDPOINTS.list, query: { roomId: room(query), sessionId, ...page(query) }, signal: call?.signal }, RecordingListSchema, 'a list of recordings');
      },
      get: async (options, call) => parsed({ method: 'GET', path: recordingPath(options), signal: call?.signal }, RecordingEntrySchema, 'a recording'),
      delete: async (options, call) => acknowledgement(await send({ method: 'DELETE', path: recordingPath(options), signal: call?.signal })),
    },
    tracks: {
      start: async (body, call) => {
        const { roomId, participantId, webhookUrl, bucketDirPath } = participantTarget(body);
        const kind = requireChoice(body.kind, 'kind', TRACK_KINDS);
        const fileFormat = optionalChoice(body.fileFormat, 'fileFormat', ['webm']) ?? 'webm';
        return ack(ENDPOINTS.trackStart, defined({ roomId, participantId, kind, fileFormat, webhookUrl, bucketDirPath }), call);
      },
      stop: async (body, call) =>
        ack(ENDPOINTS.trackStop, { roomId: room(body), participantId: requireId(body.participantId, 'participantId'), kind: requireChoice(body.kind, 'kind', TRACK_KINDS) }, call),
    },
    participantRecordings: {
      start: async (body, call) => {
        const { roomId, participantId, webhookUrl, bucketDirPath } = participantTarget(body);
        const fileFormat = optionalChoice(body.fileFormat, 'fileFormat', PARTICIPANT_FILE_FORMATS);
        return ack(ENDPOINTS.participantStart, defined({ roomId, participantId, fileFormat, webhookUrl, bucketDirPath }), call);
      },
      stop: async (body, call) => ack(ENDPOINTS.participantStop, { roomId: room(body), participantId: requireId(body.participantId, 'participantId') }, call),
    },
    hls: {
      start: async (body, call) => {
        const request = defined({
          roomId: room(body),
          templateUrl: optionalUrl(body.templateUrl, 'templateUrl', HTTP),
          config: checkConfig(body.config, 'config'),
          transcription: checkTranscription(body.transcription),
        });
        return parsed({ method: 'POST', path: ENDPOINTS.hlsStart, body: request, signal: call?.signal }, HlsStartedSchema, 'an HLS start answer');
      },
      stop: end(ENDPOINTS.hlsEnd),
      list: async (query, call) => parsed({ method: 'GET', path: ENDPOINTS.hlsList, query: { roomId: room(query), ...page(query) }, signal: call?.signal }, HlsListSchema, 'a list of HLS streams'),
    },
    livestreams: {
      start: async (body, call) => {
        const outputs = rtmpOutputs(body?.outputs);
        const request = defined({
          roomId: room(body),
          outputs,
          templateUrl: optionalUrl(body.templateUrl, 'templateUrl', HTTP),
          config: checkConfig(body.config, 'config'),
          transcription: checkTranscription(body.transcription),
        });
        return ack(ENDPOINTS.livestreamStart, request, call, outputs.map((output) => output.streamKey));
      },
      stop: end(ENDPOINTS.livestreamEnd),
      list: async (query, call) => parsed({ method: 'GET', path: ENDPOINTS.livestreamList, query: { roomId: room(query) }, signal: call?.signal }, LivestreamListSchema, 'a list of live streams'),
    },
    rooms: {
      create: async (body = {}, call) => parsed({ method: 'POST', path: ENDPOINTS.rooms, body: checkRoom(body), signal: call?.signal }, RoomSchema, 'a room'),
    },
  };
}
