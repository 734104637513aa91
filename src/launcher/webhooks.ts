/**
 * The recording webhooks VideoSDK documents, as zod schemas: anything else is an unknown shape.
 * Extra fields are tolerated (VideoSDK may add some); missing or mistyped documented fields are not.
 */
import { z } from 'zod';
import { TRACK_KINDS } from './rest-api.js';

const Id = z.string().min(1).max(512);
const FileUrl = z.string().min(1).max(8192);

const SessionData = z.looseObject({ meetingId: Id, sessionId: Id });
const TrackData = z.looseObject({ meetingId: Id, sessionId: Id, participantId: Id, kind: z.enum(TRACK_KINDS) });

/** Every documented recording webhook, discriminated by webhookType. */
export const RecordingWebhookSchema = z.discriminatedUnion('webhookType', [
  z.looseObject({
    webhookType: z.enum(['recording-starting', 'recording-started', 'recording-stopping', 'recording-failed']),
    data: SessionData,
  }),
  z.looseObject({
    webhookType: z.literal('recording-stopped'),
    data: z.looseObject({ meetingId: Id, sessionId: Id, filePath: FileUrl, fileUrl: FileUrl }),
  }),
  z.looseObject({
    webhookType: z.enum([
      'participant-track-recording-starting',
      'participant-track-recording-started',
      'participant-track-recording-stopping',
      'participant-track-recording-failed',
    ]),
    data: TrackData,
  }),
  z.looseObject({
    webhookType: z.literal('participant-track-recording-stopped'),
    data: z.looseObject({
      meetingId: Id,
      sessionId: Id,
      participantId: Id,
      kind: z.enum(TRACK_KINDS),
      fileDetails: z.array(z.looseObject({ filePath: FileUrl, fileUrl: FileUrl })).max(100),
    }),
  }),
]);

/** One documented recording webhook, validated. */
export type RecordingWebhook = z.infer<typeof RecordingWebhookSchema>;
/** The webhookType values the receiver accepts. */
export type WebhookType = RecordingWebhook['webhookType'];

/** The state a webhook reports: its type without the `recording-` prefix. */
export type RecordingState = 'starting' | 'started' | 'stopping' | 'stopped' | 'failed';

/** Validates a parsed JSON body; the error names the first problem. */
export function parseWebhook(body: unknown): { ok: true; webhook: RecordingWebhook } | { ok: false; error: string } {
  const result = RecordingWebhookSchema.safeParse(body);
  if (result.success) return { ok: true, webhook: result.data };
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  return { ok: false, error: `not a documented recording webhook (${path}: ${issue?.message ?? 'invalid'})` };
}

/** The state a webhook reports and whether it is a participant track's. */
export function webhookState(webhook: RecordingWebhook): { state: RecordingState; track: boolean } {
  const track = webhook.webhookType.startsWith('participant-track-');
  const state = webhook.webhookType.slice(webhook.webhookType.lastIndexOf('-') + 1) as RecordingState;
  return { state, track };
}

/** The file URLs a stopped webhook carries (none for other states). */
export function webhookFileUrls(webhook: RecordingWebhook): string[] {
  if (webhook.webhookType === 'recording-stopped') return [webhook.data.fileUrl];
  if (webhook.webhookType === 'participant-track-recording-stopped') {
    return webhook.data.fileDetails.map((file) => file.fileUrl);
  }
  return [];
}
