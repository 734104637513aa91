/**
 * VideoSDK's REST endpoints and their request bodies, exactly as documented (../shared/VIDEOSDK.md):
 * each library method takes one of these, and the test server enforces the same contract.
 */
import type { RestConfig } from '../config/rest-config.js';

/** The track kinds participant-track recording accepts. */
export const TRACK_KINDS = ['audio', 'video', 'screen_audio', 'screen_video'] as const;
/** One participant track kind. */
export type TrackKind = (typeof TRACK_KINDS)[number];
/** The file formats a single-participant recording may be written in. */
export const PARTICIPANT_FILE_FORMATS = ['webm', 'mp4'] as const;
/** One single-participant recording file format. */
export type ParticipantFileFormat = (typeof PARTICIPANT_FILE_FORMATS)[number];
/** What a room closes on by itself. */
export const AUTO_CLOSE_TYPES = ['session-ends', 'session-end-and-deactivate'] as const;

/** The endpoints, relative to the API base, as VideoSDK's server SDK sends them (the lists have no trailing /). */
export const ENDPOINTS = {
  start: '/v2/recordings/start',
  end: '/v2/recordings/end',
  list: '/v2/recordings',
  recording: '/v2/recordings/',
  trackStart: '/v2/recordings/participant/track/start',
  trackStop: '/v2/recordings/participant/track/stop',
  participantStart: '/v2/recordings/participant/start',
  participantStop: '/v2/recordings/participant/stop',
  hlsStart: '/v2/hls/start',
  hlsEnd: '/v2/hls/end',
  hlsList: '/v2/hls',
  livestreamStart: '/v2/livestreams/start',
  livestreamEnd: '/v2/livestreams/end',
  livestreamList: '/v2/livestreams',
  rooms: '/v2/rooms',
} as const;

/** `transcription` in a start body. */
export interface TranscriptionRequest {
  enabled: boolean;
  summary?: { enabled: boolean; prompt?: string };
}

/** The `config` of an HLS or RTMP start: a recording's, plus whether to record the stream too. */
export interface LiveConfig extends RestConfig {
  recording?: { enabled: boolean };
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

/** Body of every `…/end` call (recordings, HLS, live streams). */
export interface EndBody {
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

/** Body of `POST /v2/recordings/participant/start`. */
export interface ParticipantStartBody {
  roomId: string;
  participantId: string;
  fileFormat?: ParticipantFileFormat;
  webhookUrl?: string;
  bucketDirPath?: string;
}

/** Body of `POST /v2/recordings/participant/stop`. */
export interface ParticipantStopBody {
  roomId: string;
  participantId: string;
}

/** Body of `POST /v2/hls/start`. */
export interface StartHlsBody {
  roomId: string;
  templateUrl?: string;
  config?: LiveConfig;
  transcription?: TranscriptionRequest;
}

/** One RTMP destination of a live stream; the stream key is a secret. */
export interface RtmpOutput {
  url: string;
  streamKey: string;
}

/** Body of `POST /v2/livestreams/start`. */
export interface StartLivestreamBody {
  roomId: string;
  outputs: RtmpOutput[];
  templateUrl?: string;
  config?: LiveConfig;
  transcription?: TranscriptionRequest;
}

/** What a room starts by itself when its session begins. */
export interface AutoStartConfig {
  recording?: { templateUrl?: string; config?: RestConfig; awsDirPath?: string };
  hls?: { templateUrl?: string; config?: LiveConfig };
}

/** Body of `POST /v2/rooms`. */
export interface CreateRoomBody {
  customRoomId?: string;
  webhook?: { endPoint: string; events: string[] };
  autoCloseConfig?: { type: (typeof AUTO_CLOSE_TYPES)[number]; duration: number };
  autoStartConfig?: AutoStartConfig;
}

/** Query of the paged lists (`GET /v2/recordings`, `GET /v2/hls/`). */
export interface PageQuery {
  page?: number;
  perPage?: number;
}
