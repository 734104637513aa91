/**
 * VideoSDK's answers as zod schemas: the documented fields are checked, extra ones are kept
 * (VideoSDK may add some), and an answer in another shape is an `api` error naming the field.
 */
import { z } from 'zod';
import { VideoSdkError } from './errors.js';
import { readServerReply } from './server-message.js';

const NumberLike = z.union([z.number(), z.string()]);
const Text = z.string();

/** The paging block of every list. */
export const PageInfoSchema = z.looseObject({ currentPage: z.number(), perPage: z.number(), lastPage: z.number(), total: z.number() });
/** Where a list is: page, page size, last page and total. */
export type PageInfo = z.infer<typeof PageInfoSchema>;

/** One recording (`GET /v2/recordings/{id}`, an item of `GET /v2/recordings`); the file is absent while processing. */
export const RecordingEntrySchema = z.looseObject({
  id: z.string(),
  roomId: Text.optional(),
  sessionId: Text.optional(),
  file: z
    .looseObject({
      fileUrl: Text.optional(),
      filePath: Text.optional(),
      size: NumberLike.optional(),
      type: Text.optional(),
      meta: z.looseObject({ resolution: z.unknown().optional(), duration: NumberLike.optional() }).nullish(),
    })
    .nullish(),
  createdAt: Text.optional(),
});
/** One recording as VideoSDK describes it. */
export type RecordingEntry = z.infer<typeof RecordingEntrySchema>;

/** The response of `GET /v2/recordings`. */
export const RecordingListSchema = z.looseObject({ pageInfo: PageInfoSchema, data: z.array(RecordingEntrySchema) });
/** One page of recordings. */
export type RecordingList = z.infer<typeof RecordingListSchema>;

/** The answer of `POST /v2/hls/start`. */
export const HlsStartedSchema = z.looseObject({
  id: Text.optional(),
  roomId: Text.optional(),
  sessionId: Text.optional(),
  playbackHlsUrl: Text.optional(),
  livestreamUrl: Text.optional(),
});
/** A started HLS stream: where viewers play it. */
export type HlsStarted = z.infer<typeof HlsStartedSchema>;

/** One HLS stream in `GET /v2/hls/`. */
export const HlsEntrySchema = z.looseObject({
  id: z.string(),
  roomId: Text.optional(),
  sessionId: Text.optional(),
  start: Text.nullish(),
  end: Text.nullish(),
  playbackHlsUrl: Text.nullish(),
  livestreamUrl: Text.nullish(),
});
/** One HLS stream as VideoSDK lists it. */
export type HlsEntry = z.infer<typeof HlsEntrySchema>;

/** The response of `GET /v2/hls/`. */
export const HlsListSchema = z.looseObject({ pageInfo: PageInfoSchema, data: z.array(HlsEntrySchema) });
/** One page of HLS streams. */
export type HlsList = z.infer<typeof HlsListSchema>;

/** One RTMP live stream in `GET /v2/livestreams/` (its outputs may carry stream keys: never print them). */
export const LivestreamEntrySchema = z.looseObject({
  id: z.string(),
  roomId: Text.optional(),
  sessionId: Text.optional(),
  start: Text.nullish(),
  end: Text.nullish(),
  outputs: z.array(z.looseObject({ url: Text.optional() })).optional(),
});
/** One live stream as VideoSDK lists it. */
export type LivestreamEntry = z.infer<typeof LivestreamEntrySchema>;

/** The response of `GET /v2/livestreams/` (paging is optional: it is documented with `roomId` only). */
export const LivestreamListSchema = z.looseObject({ pageInfo: PageInfoSchema.optional(), data: z.array(LivestreamEntrySchema) });
/** The live streams of a room. */
export type LivestreamList = z.infer<typeof LivestreamListSchema>;

/** The answer of `POST /v2/rooms`. */
export const RoomSchema = z.looseObject({ roomId: z.string().min(1), customRoomId: Text.optional(), id: Text.optional(), createdAt: Text.optional() });
/** A created room. */
export type Room = z.infer<typeof RoomSchema>;

/** What a start or stop answered: VideoSDK's message, and any fields of an object answer. */
export interface Acknowledgement {
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>> | undefined;
}

/** An answer (as the SDK parsed it) validated by `schema`, or an `api` error naming what was wrong with it. */
export function parseReply<T>(value: unknown, schema: z.ZodType<T>, what: string, endpoint: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    if (typeof value === 'string' || value === undefined) throw new VideoSdkError('api', `VideoSDK sent ${what} that is not JSON: ${readServerReply(value ?? '').message}`, { endpoint });
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected shape';
    throw new VideoSdkError('api', `VideoSDK sent ${what} in an unexpected shape (${where})`, { endpoint });
  }
  return parsed.data;
}

/** A start or stop answer (as the SDK parsed it): a string, or an object kept as it came. */
export function acknowledgement(value: unknown): Acknowledgement {
  const data = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  return { message: readServerReply(typeof value === 'string' ? value : JSON.stringify(value ?? '')).message, data };
}
