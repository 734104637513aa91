/**
 * The REST contract the fake VideoSDK enforces, restated from ../shared/VIDEOSDK.md independently of
 * the client (so a client bug cannot hide behind a shared schema) and typed against the client's
 * body types: strict bodies (an undocumented field is a violation), documented queries, join tokens.
 */
import { type JWTPayload, jwtVerify } from 'jose';
import { z } from 'zod';
import { LAYOUT_PRIORITIES, LAYOUT_TYPES, MODES, ORIENTATIONS, QUALITIES, THEMES } from '../../src/config/options.js';
import {
  type CreateRoomBody, type EndBody, ENDPOINTS, type ParticipantStartBody, type ParticipantStopBody, type StartHlsBody, type StartLivestreamBody,
  type StartRecordingBody, TRACK_KINDS, type TrackStartBody, type TrackStopBody,
} from '../../src/server/rest-bodies.js';

const Id = z.string().min(1);
const urlWith = (protocols: readonly string[], what: string) => z.string().refine((s) => URL.canParse(s) && protocols.includes(new URL(s).protocol), what);
const HttpsUrl = urlWith(['https:'], 'an https URL');
const HttpUrl = urlWith(['https:', 'http:'], 'an http(s) URL');
const RtmpUrl = urlWith(['rtmp:', 'rtmps:'], 'an rtmp(s) URL');

const configOf = (maxGrid: number) =>
  z.strictObject({
    layout: z.strictObject({ type: z.enum(LAYOUT_TYPES), priority: z.enum(LAYOUT_PRIORITIES), gridSize: z.number().int().min(1).max(maxGrid) }),
    theme: z.enum(THEMES),
    mode: z.enum(MODES),
    quality: z.enum(QUALITIES),
    orientation: z.enum(ORIENTATIONS),
  });
const RecordingConfig = configOf(4);
// HLS and RTMP: the docs allow a grid of up to 25, and `recording: {enabled}` beside the layout.
const LiveConfig = configOf(25).extend({ recording: z.strictObject({ enabled: z.boolean() }).optional() });
const Transcription = z.strictObject({ enabled: z.boolean(), summary: z.strictObject({ enabled: z.boolean(), prompt: z.string().optional() }).optional() });

const StartBody = z.strictObject({
  roomId: Id,
  templateUrl: HttpUrl.optional(),
  transcription: Transcription.optional(),
  config: RecordingConfig.optional(),
  webhookUrl: HttpUrl.optional(),
  awsDirPath: z.string().min(1).optional(),
  preSignedUrl: HttpsUrl.optional(),
}) satisfies z.ZodType<StartRecordingBody>;
const End = z.strictObject({ roomId: Id }) satisfies z.ZodType<EndBody>;
const TrackStart = z.strictObject({
  roomId: Id, participantId: Id, kind: z.enum(TRACK_KINDS), fileFormat: z.literal('webm'), webhookUrl: HttpUrl.optional(), bucketDirPath: z.string().min(1).optional(),
}) satisfies z.ZodType<TrackStartBody>;
const TrackStop = z.strictObject({ roomId: Id, participantId: Id, kind: z.enum(TRACK_KINDS) }) satisfies z.ZodType<TrackStopBody>;
const ParticipantStart = z.strictObject({
  roomId: Id, participantId: Id, fileFormat: z.enum(['webm', 'mp4']).optional(), webhookUrl: HttpUrl.optional(), bucketDirPath: z.string().min(1).optional(),
}) satisfies z.ZodType<ParticipantStartBody>;
const ParticipantStop = z.strictObject({ roomId: Id, participantId: Id }) satisfies z.ZodType<ParticipantStopBody>;
const HlsStart = z.strictObject({ roomId: Id, templateUrl: HttpUrl.optional(), config: LiveConfig.optional(), transcription: Transcription.optional() }) satisfies z.ZodType<StartHlsBody>;
const LivestreamStart = z.strictObject({
  roomId: Id,
  outputs: z.array(z.strictObject({ url: RtmpUrl, streamKey: z.string().min(1) })).min(1),
  templateUrl: HttpUrl.optional(),
  config: LiveConfig.optional(),
  transcription: Transcription.optional(),
}) satisfies z.ZodType<StartLivestreamBody>;
const CreateRoom = z.strictObject({
  customRoomId: Id.optional(),
  webhook: z.strictObject({ endPoint: HttpUrl, events: z.array(z.string().min(1)) }).optional(),
  autoCloseConfig: z.strictObject({ type: z.enum(['session-ends', 'session-end-and-deactivate']), duration: z.number().int().positive() }).optional(),
  autoStartConfig: z
    .strictObject({
      recording: z.strictObject({ templateUrl: HttpUrl.optional(), config: RecordingConfig.optional(), awsDirPath: z.string().min(1).optional() }).optional(),
      hls: z.strictObject({ templateUrl: HttpUrl.optional(), config: LiveConfig.optional() }).optional(),
    })
    .optional(),
}) satisfies z.ZodType<CreateRoomBody>;

/** Each POST endpoint's body schema. */
export const POST_BODIES: Readonly<Record<string, z.ZodType>> = {
  [ENDPOINTS.start]: StartBody,
  [ENDPOINTS.end]: End,
  [ENDPOINTS.trackStart]: TrackStart,
  [ENDPOINTS.trackStop]: TrackStop,
  [ENDPOINTS.participantStart]: ParticipantStart,
  [ENDPOINTS.participantStop]: ParticipantStop,
  [ENDPOINTS.hlsStart]: HlsStart,
  [ENDPOINTS.hlsEnd]: End,
  [ENDPOINTS.livestreamStart]: LivestreamStart,
  [ENDPOINTS.livestreamEnd]: End,
  [ENDPOINTS.rooms]: CreateRoom,
};

/** The output= each start's templateUrl must carry. */
export const TEMPLATE_OUTPUT: Readonly<Record<string, string>> = {
  [ENDPOINTS.start]: 'recording',
  [ENDPOINTS.hlsStart]: 'hls',
  [ENDPOINTS.livestreamStart]: 'livestream',
};

/** Where VideoSDK serves its webhook public key (as the server SDK fetches it). */
export const PUBLIC_KEY_PATH = '/v2/public/rsa-public-key';

/** A recording's own path: /v2/recordings/{id}. */
export const RECORDING_PATH = /^\/v2\/recordings\/([A-Za-z0-9_-]+)$/;

/** The query parameters each GET endpoint documents (roomId required on the lists). */
export function getQueryProblems(path: string, query: URLSearchParams): string[] {
  const allowed = path === ENDPOINTS.list ? ['roomId', 'sessionId', 'page', 'perPage'] : path === ENDPOINTS.hlsList ? ['roomId', 'page', 'perPage'] : path === ENDPOINTS.livestreamList ? ['roomId'] : RECORDING_PATH.test(path) || path === PUBLIC_KEY_PATH ? [] : undefined;
  if (allowed === undefined) return ['unknown endpoint'];
  const problems = [...query.keys()].filter((name) => !allowed.includes(name)).map((name) => `undocumented query ${name}`);
  if (allowed.includes('roomId') && !query.get('roomId')) problems.push('roomId query is required');
  return problems;
}

const PERMISSION_VALUES = ['allow_join', 'ask_join', 'allow_mod'];

/** Checks a REST token's claims as VideoSDK documents them; returns the problems found. */
export function restClaimProblems(claims: JWTPayload, apiKey: string): string[] {
  const problems: string[] = [];
  if (claims.apikey !== apiKey) problems.push('token: apikey does not match');
  if (claims.version !== 2) problems.push('token: version must be 2');
  const permissions = claims.permissions;
  if (!Array.isArray(permissions) || permissions.length === 0 || !permissions.every((p) => PERMISSION_VALUES.includes(String(p)))) {
    problems.push('token: permissions must be a non-empty list of allow_join, ask_join, allow_mod');
  } else if (permissions.includes('ask_join') && permissions.length > 1) {
    problems.push('token: ask_join cannot be combined');
  }
  const roles = claims.roles;
  if (roles !== undefined && (!Array.isArray(roles) || roles.some((r) => r !== 'rtc' && r !== 'crawler'))) problems.push('token: roles must be rtc and/or crawler');
  if (Array.isArray(roles) && roles.length === 1 && roles[0] === 'rtc') problems.push('token: an rtc-only token cannot call the REST API');
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') problems.push('token: iat and exp are required');
  else if (claims.exp - claims.iat > 3600) problems.push('token: a REST token should be short-lived (at most 1h)');
  if (claims.participantId !== undefined) problems.push('token: a REST token must not be bound to a participant');
  return problems;
}

/**
 * The join token inside a templateUrl must join (the room, when it is named), never as a fixed
 * participant, for long enough; the URL must carry the output it is filmed for.
 */
export async function templateProblems(templateUrl: string, roomId: string | undefined, output: string, secret: Uint8Array, apiKey: string): Promise<string[]> {
  const problems: string[] = [];
  const url = new URL(templateUrl);
  const token = url.searchParams.get('token');
  if (roomId !== undefined && url.searchParams.get('meetingId') !== roomId) problems.push('templateUrl: meetingId must be the roomId');
  if (url.searchParams.has('participantId')) problems.push("templateUrl: participantId is VideoSDK's to add");
  if (url.searchParams.getAll('output').join(',') !== output) problems.push(`templateUrl: output must be ${output}, once`);
  if (token === null) return [...problems, 'templateUrl: no token'];
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
    if (payload.apikey !== apiKey) problems.push('join token: apikey does not match');
    if (payload.version !== 2) problems.push('join token: version must be 2');
    if (!Array.isArray(payload.permissions) || !payload.permissions.includes('allow_join')) problems.push('join token: needs allow_join');
    if (payload.participantId !== undefined) problems.push('join token: must not be bound to a participant');
    if (payload.roomId !== undefined && payload.roomId !== roomId) problems.push('join token: bound to another room');
    if (Array.isArray(payload.roles) && !payload.roles.includes('rtc')) problems.push('join token: roles without rtc cannot join');
    if ((payload.exp ?? 0) - Date.now() / 1000 < 600) problems.push('join token: expires too soon to outlive the join');
  } catch {
    problems.push('join token: signature does not verify');
  }
  return problems;
}
