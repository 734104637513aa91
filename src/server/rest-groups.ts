/**
 * The client's REST groups: recordings, participant tracks and single-participant recordings, HLS,
 * RTMP live streams and rooms. Each method checks its options, has VideoSDK's server SDK send them
 * (its paths, its token) and parses the answer; being async, a bad option rejects like any other failure.
 */
import type { CreateRoomOptions, EgressHandle, StartHlsInput, StartRecordingInput, StartRtmpInput, VideoSDK } from '@videosdk.live/server-sdk';
import type { ZodType } from 'zod';
import { fromConfigObject, type RestConfig } from '../config/rest-config.js';
import { defined, optionalChoice, optionalCount, optionalText, optionalUrl, requireChoice, requireId, requirePathId, requireStreamKey } from './checks.js';
import { invalidOptions } from './errors.js';
import type { CallSpec } from './http.js';
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

/** Sends one call through the transport. */
export type Send = <T>(spec: CallSpec<T>) => Promise<T>;

// The SDK's start inputs type no raw `config` (it maps its own `composition`, which has no `mode`):
// ours is the REST body's `config` as documented, which the SDK passes through unchanged.
type WithConfig<T> = T & { readonly config?: RestConfig | LiveConfig | undefined };

const rawOf = (handle: EgressHandle): unknown => handle.raw;

/** The groups over one transport's `send`. */
export function restGroups(send: Send): RestGroups {
  const call = <T>(run: (sdk: VideoSDK) => Promise<T>, options?: CallOptions, secrets?: readonly (string | undefined)[]): Promise<T> =>
    send({ send: run, signal: options?.signal, ...(secrets ? { secrets } : {}) });
  const ack = async (run: (sdk: VideoSDK) => Promise<unknown>, options?: CallOptions, secrets?: readonly (string | undefined)[]): Promise<Acknowledgement> =>
    acknowledgement(await call(run, options, secrets));
  const parsed = async <T>(run: (sdk: VideoSDK) => Promise<unknown>, options: CallOptions | undefined, schema: ZodType<T>, what: string, endpoint: string): Promise<T> =>
    parseReply(await call(run, options), schema, what, endpoint);
  const page = (query: PageQuery) => ({ page: optionalCount(query.page, 'page', 10_000), perPage: optionalCount(query.perPage, 'perPage', MAX_PER_PAGE) });
  const room = (body: { roomId: string }) => requireId(body?.roomId, 'roomId');
  const composition = (templateUrl: string | undefined) => (templateUrl === undefined ? {} : { composition: { layout: { custom: templateUrl } } });

  return {
    recordings: {
      start: async (body, options) => {
        const roomId = room(body);
        const preSignedUrl = optionalUrl(body.preSignedUrl, 'preSignedUrl', ['https:']);
        const input: WithConfig<StartRecordingInput> = defined({
          ...composition(optionalUrl(body.templateUrl, 'templateUrl', HTTP)),
          transcription: checkTranscription(body.transcription),
          config: checkConfig(body.config, 'config'),
          webhookUrl: optionalUrl(body.webhookUrl, 'webhookUrl', HTTP),
          dirPath: optionalText(body.awsDirPath, 'awsDirPath', 1024),
          preSignedUrl,
        });
        return ack(async (sdk) => rawOf(await sdk.recordings.start(roomId, input)), options, [preSignedUrl]);
      },
      stop: async (body, options) => {
        const roomId = room(body);
        return ack((sdk) => sdk.recordings.stop(roomId), options);
      },
      list: async (query, options) => {
        const request = { roomId: room(query), sessionId: query?.sessionId === undefined ? undefined : requireId(query.sessionId, 'sessionId'), ...page(query) };
        // The SDK's own list() keeps only a cursor, not VideoSDK's pageInfo: the raw GET keeps both.
        return parsed((sdk) => sdk.api.get(ENDPOINTS.list, { query: request }), options, RecordingListSchema, 'a list of recordings', `GET ${ENDPOINTS.list}`);
      },
      get: async (request, options) => {
        const id = requirePathId(request?.id, 'id');
        return parsed((sdk) => sdk.recordings.get(id), options, RecordingEntrySchema, 'a recording', `GET ${ENDPOINTS.recording}{id}`);
      },
      delete: async (request, options) => {
        const id = requirePathId(request?.id, 'id');
        return ack((sdk) => sdk.recordings.delete(id), options);
      },
    },
    tracks: {
      start: async (body, options) => {
        const { roomId, participantId, webhookUrl, bucketDirPath } = participantTarget(body);
        const kind = requireChoice(body.kind, 'kind', TRACK_KINDS);
        const fileFormat = optionalChoice(body.fileFormat, 'fileFormat', ['webm']) ?? 'webm';
        return ack((sdk) => sdk.recordings.track.start(roomId, defined({ participantId, kind, fileFormat, webhookUrl, dirPath: bucketDirPath })), options);
      },
      stop: async (body, options) => {
        const [roomId, participantId, kind] = [room(body), requireId(body.participantId, 'participantId'), requireChoice(body.kind, 'kind', TRACK_KINDS)];
        return ack((sdk) => sdk.recordings.track.stop(roomId, participantId, kind), options);
      },
    },
    participantRecordings: {
      start: async (body, options) => {
        const { roomId, participantId, webhookUrl, bucketDirPath } = participantTarget(body);
        const fileFormat = optionalChoice(body.fileFormat, 'fileFormat', PARTICIPANT_FILE_FORMATS);
        return ack((sdk) => sdk.recordings.participant.start(roomId, defined({ participantId, fileFormat, webhookUrl, dirPath: bucketDirPath })), options);
      },
      stop: async (body, options) => {
        const [roomId, participantId] = [room(body), requireId(body.participantId, 'participantId')];
        return ack((sdk) => sdk.recordings.participant.stop(roomId, participantId), options);
      },
    },
    hls: {
      start: async (body, options) => {
        const roomId = room(body);
        const input: WithConfig<StartHlsInput> = defined({
          ...composition(optionalUrl(body.templateUrl, 'templateUrl', HTTP)),
          config: checkConfig(body.config, 'config'),
          transcription: checkTranscription(body.transcription),
        });
        return parsed(async (sdk) => rawOf(await sdk.hls.start(roomId, input)), options, HlsStartedSchema, 'an HLS start answer', `POST ${ENDPOINTS.hlsStart}`);
      },
      stop: async (body, options) => {
        const roomId = room(body);
        return ack((sdk) => sdk.hls.stop(roomId), options);
      },
      list: async (query, options) => {
        const request = { roomId: room(query), ...page(query) };
        return parsed((sdk) => sdk.api.get(ENDPOINTS.hlsList, { query: request }), options, HlsListSchema, 'a list of HLS streams', `GET ${ENDPOINTS.hlsList}`);
      },
    },
    livestreams: {
      start: async (body, options) => {
        const outputs = rtmpOutputs(body?.outputs);
        const roomId = room(body);
        const input: WithConfig<StartRtmpInput> = defined({
          streams: outputs,
          ...composition(optionalUrl(body.templateUrl, 'templateUrl', HTTP)),
          config: checkConfig(body.config, 'config'),
          transcription: checkTranscription(body.transcription),
        });
        return ack(async (sdk) => rawOf(await sdk.rtmp.start(roomId, input)), options, outputs.map((output) => output.streamKey));
      },
      stop: async (body, options) => {
        const roomId = room(body);
        return ack((sdk) => sdk.rtmp.stop(roomId), options);
      },
      list: async (query, options) => {
        const request = { roomId: room(query) };
        return parsed((sdk) => sdk.api.get(ENDPOINTS.livestreamList, { query: request }), options, LivestreamListSchema, 'a list of live streams', `GET ${ENDPOINTS.livestreamList}`);
      },
    },
    rooms: {
      create: async (body = {}, options) => {
        const input = toRoomOptions(checkRoom(body));
        return parsed((sdk) => sdk.rooms.create(input), options, RoomSchema, 'a room', `POST ${ENDPOINTS.rooms}`);
      },
    },
  };
}

/** The REST body of a room in the SDK's words (it renames webhook.endPoint and autoCloseConfig.duration). */
function toRoomOptions(body: CreateRoomBody): CreateRoomOptions {
  const { webhook, autoCloseConfig, autoStartConfig, customRoomId } = body;
  return defined({
    customRoomId,
    webhook: webhook === undefined ? undefined : { url: webhook.endPoint, events: webhook.events },
    autoCloseConfig: autoCloseConfig === undefined ? undefined : { type: autoCloseConfig.type, afterInactiveSeconds: autoCloseConfig.duration },
    // Our config mapping, passed through as the REST body documents it (the SDK types its own).
    autoStartConfig: autoStartConfig as CreateRoomOptions['autoStartConfig'],
  });
}
