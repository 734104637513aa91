/**
 * Every webhook VideoSDK documents (recording, participant and track recording, HLS, RTMP live
 * stream, transcription) as zod schemas. A signed webhook is VideoSDK's word: a missing, mistyped or
 * extra field never refuses it (each documented field is optional and a mistyped one reads as
 * absent); only a body that is not an object or a webhookType nobody documents is refused.
 */
import { z } from 'zod';
import { TRACK_KINDS } from './rest-bodies.js';

// Each field delivered when it is there and of the documented type, left out otherwise.
const field = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const Id = field(z.string().min(1).max(512));
const Url = field(z.string().min(1).max(8192));
const Session = { meetingId: Id, sessionId: Id };
const Track = { ...Session, participantId: Id, kind: field(z.enum(TRACK_KINDS)) };
const FileDetails = field(z.array(z.looseObject({ filePath: Url, fileUrl: Url })).max(100));

function webhook<const T extends readonly [string, ...string[]], S extends z.ZodRawShape>(types: T, data: S) {
  return z.looseObject({ webhookType: z.enum(types), data: z.looseObject(data).catch(() => z.looseObject(data).parse({})) });
}

/** Every documented webhook, discriminated by webhookType. */
export const WebhookEventSchema = z.discriminatedUnion('webhookType', [
  webhook(['recording-starting', 'recording-started', 'recording-stopping', 'recording-failed'], Session),
  webhook(['recording-stopped'], { ...Session, filePath: Url, fileUrl: Url }),
  webhook(['participant-track-recording-starting', 'participant-track-recording-started', 'participant-track-recording-stopping', 'participant-track-recording-failed'], Track),
  webhook(['participant-track-recording-stopped'], { ...Track, fileDetails: FileDetails }),
  // The single-participant recording's payload is documented only as {meetingId, sessionId, …}.
  webhook(['participant-recording-starting', 'participant-recording-started', 'participant-recording-stopping', 'participant-recording-failed'], { ...Session, participantId: Id }),
  webhook(['participant-recording-stopped'], { ...Session, participantId: Id, filePath: Url, fileUrl: Url }),
  webhook(['hls-starting', 'hls-stopping', 'hls-stopped', 'hls-failed'], Session),
  webhook(['hls-started'], { ...Session, playbackHlsUrl: Url, livestreamUrl: Url }),
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
    case 'participant-recording-stopped':
      return present([event.data.fileUrl]);
    case 'participant-track-recording-stopped':
      return present((event.data.fileDetails ?? []).map((file) => file.fileUrl));
    case 'hls-started':
    case 'hls-playable':
      return present([event.data.playbackHlsUrl, event.data.livestreamUrl]);
    default:
      return [];
  }
}

function present(urls: readonly (string | undefined)[]): string[] {
  return urls.filter((url): url is string => url !== undefined);
}
