/**
 * VideoSDK's recording REST endpoints: request bodies exactly as documented and the list response
 * schema. Shared by the client and by the test server that enforces the same contract.
 */
import { z } from 'zod';
import type { RestConfig } from '../config/rest-config.js';

/** The track kinds participant-track recording accepts. */
export const TRACK_KINDS = ['audio', 'video', 'screen_audio', 'screen_video'] as const;
/** One participant track kind. */
export type TrackKind = (typeof TRACK_KINDS)[number];

/** The endpoints the launcher calls, relative to the API base. */
export const ENDPOINTS = {
  start: '/v2/recordings/start',
  end: '/v2/recordings/end',
  list: '/v2/recordings',
  trackStart: '/v2/recordings/participant/track/start',
  trackStop: '/v2/recordings/participant/track/stop',
} as const;

/** `transcription` in the start body. */
export interface TranscriptionRequest {
  enabled: boolean;
  summary?: { enabled: boolean; prompt?: string };
}

/** Body of `POST /v2/recordings/start`. */
export interface StartRecordingBody {
  roomId: string;
  templateUrl?: string;
  transcription?: TranscriptionRequest;
  config?: RestConfig;
  webhookUrl?: string;
  awsDirPath?: string;
  preSignedUrl?: string;
}

/** Body of `POST /v2/recordings/end`. */
export interface EndRecordingBody {
  roomId: string;
}

/** Body of `POST /v2/recordings/participant/track/start`. */
export interface TrackStartBody {
  roomId: string;
  participantId: string;
  kind: TrackKind;
  fileFormat: 'webm';
  webhookUrl?: string;
  bucketDirPath?: string;
}

/** Body of `POST /v2/recordings/participant/track/stop`. */
export interface TrackStopBody {
  roomId: string;
  participantId: string;
  kind: TrackKind;
}

/** Query of `GET /v2/recordings`. */
export interface ListQuery {
  roomId: string;
  sessionId?: string;
  page: number;
  perPage: number;
}

const NumberLike = z.union([z.number(), z.string()]);

/** One recording in `GET /v2/recordings` (extra fields tolerated; the file is absent while processing). */
export const RecordingEntrySchema = z.looseObject({
  id: z.string(),
  roomId: z.string().optional(),
  sessionId: z.string().optional(),
  file: z
    .looseObject({
      fileUrl: z.string().optional(),
      filePath: z.string().optional(),
      size: NumberLike.optional(),
      type: z.string().optional(),
      meta: z
        .looseObject({ resolution: z.unknown().optional(), duration: NumberLike.optional() })
        .nullish(),
    })
    .nullish(),
  createdAt: z.string().optional(),
});
export type RecordingEntry = z.infer<typeof RecordingEntrySchema>;

/** The response of `GET /v2/recordings`. */
export const RecordingListSchema = z.looseObject({
  pageInfo: z.looseObject({
    currentPage: z.number(),
    perPage: z.number(),
    lastPage: z.number(),
    total: z.number(),
  }),
  data: z.array(RecordingEntrySchema),
});
export type RecordingList = z.infer<typeof RecordingListSchema>;
