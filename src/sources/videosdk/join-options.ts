/** How the recorder joins: VideoSDK's URL parameters, the page's options and the SDK options they become. */
import type { Quality, RecordingOptions } from '../../config/options.js';
import type { Output } from '../../config/output.js';
import type { InitMeetingOptions } from './videosdk-types.js';

/** What the recorder joins with: VideoSDK's URL parameters and the page's options. */
export interface VideoSdkSourceParams {
  readonly token: string;
  readonly meetingId: string;
  /** The recorder's id, appended by VideoSDK; joining under it is what hides the recorder. */
  readonly participantId?: string;
  readonly options: RecordingOptions;
  /** What VideoSDK films the page for; picks the live layout topic (default `recording`). */
  readonly output?: Output;
  /** How long to wait for `meeting-joined` before showing an error (ms; default 30 s). */
  readonly joinTimeoutMs?: number;
  /** After a re-join, how long a track kept from before it waits for its replacement (ms; default 3 s). */
  readonly staleTrackGraceMs?: number;
  /** How long a failed consume call or PubSub subscribe waits before its first retry (ms; default 1 s). */
  readonly retryDelayMs?: number;
}

/** The most the SDK lets a subscriber ask for: VideoSDK's low/med/high are SD/HD/Full HD. */
const MAX_RESOLUTION: Readonly<Record<Quality, NonNullable<InitMeetingOptions['maxResolution']>>> = {
  low: 'sd',
  med: 'hd',
  high: 'hd',
  ultra: 'hd',
};

const DEFAULT_JOIN_TIMEOUT_MS = 30_000;

/** How long the recorder waits for `meeting-joined` before it shows an error. */
export function joinTimeoutMs(params: VideoSdkSourceParams): number {
  return params.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS;
}

/** `initMeeting` options for the hidden recorder: its own id, no media of its own, and nothing consumed unasked. */
export function recorderInitOptions(params: VideoSdkSourceParams): InitMeetingOptions {
  const { meetingId, participantId, options } = params;
  return {
    meetingId,
    ...(participantId ? { participantId } : {}),
    name: 'recorder',
    micEnabled: false,
    webcamEnabled: false,
    mode: 'SEND_AND_RECV',
    autoConsume: false,
    maxResolution: MAX_RESOLUTION[options.quality],
  };
}
