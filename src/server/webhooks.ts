/**
 * Every webhook VideoSDK documents (recording, participant and track recording, HLS, RTMP live
 * stream, transcription) as zod schemas: anything else is an unknown shape. Extra fields are
 * tolerated (VideoSDK may add some); missing or mistyped documented fields are not.
 */
import { z } from 'zod';
import { TRACK_KINDS } from './rest-bodies.js';

const Id = z.string().min(1).max(512);
const Url = z.string().min(1).max(8192);
const Session = { meetingId: Id, sessionId: Id };
const Track = { ...Session, participantId: Id, kind: z.enum(TRACK_KINDS) };
const FileDetails = z.array(z.looseObject({ filePath: Url, fileUrl: Url })).max(100);

function webhook<const T extends readonly [string, ...string[]], S extends z.ZodRawShape>(types: T, data: S) {
  return z.looseObject({ webhookType: z.enum(types), data: z.looseObject(data) });
}

/** Every documented webhook, discriminated by webhookType. */
export const WebhookEventSchema = z.discriminatedUnion('webhookType', [
  webhook(['recording-starting', 'recording-started', 'recording-stopping', 'recording-failed'], Session),
  webhook(['recording-stopped'], { ...Session, filePath: Url, fileUrl: Url }),
  webhook(['participant-track-recording-starting', 'participant-track-recording-started', 'participant-track-recording-stopping', 'participant-track-recording-failed'], Track),
  webhook(['participant-track-recording-stopped'], { ...Track, fileDetails: FileDetails }),
  // The single-participant recording's payload is documented only as {meetingId, sessionId, …}.
  webhook(['participant-recording-starting', 'participant-recording-started', 'participant-recording-stopping', 'participant-recording-failed'], { ...Session, participantId: Id.optional() }),
  webhook(['participant-recording-stopped'], { ...Session, participantId: Id.optional(), filePath: Url.optional(), fileUrl: Url.optional() }),
  webhook(['hls-starting', 'hls-stopping', 'hls-stopped', 'hls-failed'], Session),
  // The playback URLs may still be missing when the stream has started; once playable they are there.
  webhook(['hls-started'], { ...Session, playbackHlsUrl: Url.optional(), livestreamUrl: Url.optional() }),
  webhook(['hls-playable'], { ...Session, playbackHlsUrl: Url, livestreamUrl: Url }),
  webhook(['livestream-starting', 'livestream-started', 'livestream-stopping', 'livestream-stopped', 'livestream-failed'], Session),
  webhook(['transcription-started', 'transcription-stopped', 'transcription-failed', 'transcription-completed'], Session),
]);

/** One documented webhook, validated. */
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;
/** The webhookType values VideoSDK documents. */
export type WebhookType = WebhookEvent['webhookType'];

/** Every documented webhookType, in the order of the schema. */
export const WEBHOOK_TYPES: readonly WebhookType[] = WebhookEventSchema.options.flatMap((option) => option.shape.webhookType.options);

/** What a webhook is about: its type without the state at the end. */
export type WebhookFamily = 'recording' | 'participant-track-recording' | 'participant-recording' | 'hls' | 'livestream' | 'transcription';
/** The state a webhook reports: the last word of its type. */
export type WebhookState = 'starting' | 'started' | 'playable' | 'stopping' | 'stopped' | 'failed' | 'completed';

/** The webhook types that end a run: stopped, failed, and a transcription's completed. */
export const TERMINAL_WEBHOOK_TYPES: readonly WebhookType[] = WEBHOOK_TYPES.filter((type) => /-(stopped|failed|completed)$/.test(type));

/** The family and state of a webhook type. */
export function webhookKind(type: WebhookType): { family: WebhookFamily; state: WebhookState } {
  const cut = type.lastIndexOf('-');
  return { family: type.slice(0, cut) as WebhookFamily, state: type.slice(cut + 1) as WebhookState };
}

/** Validates a parsed JSON body; the error names the first problem. */
export function parseWebhook(body: unknown): { ok: true; event: WebhookEvent } | { ok: false; error: string } {
  const result = WebhookEventSchema.safeParse(body);
  if (result.success) return { ok: true, event: result.data };
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  return { ok: false, error: `not a documented VideoSDK webhook (${path}: ${issue?.message ?? 'invalid'})` };
}

/** The URLs a webhook hands over: recorded files, or where an HLS stream plays. */
export function webhookUrls(event: WebhookEvent): string[] {
  switch (event.webhookType) {
    case 'recording-stopped':
      return [event.data.fileUrl];
    case 'participant-track-recording-stopped':
      return event.data.fileDetails.map((file) => file.fileUrl);
    case 'participant-recording-stopped':
      return event.data.fileUrl === undefined ? [] : [event.data.fileUrl];
    case 'hls-started':
    case 'hls-playable':
      return [event.data.playbackHlsUrl, event.data.livestreamUrl].filter((url): url is string => url !== undefined);
    default:
      return [];
  }
}
