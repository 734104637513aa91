/**
 * One-line explanations of VideoSDK's `error` and `meeting-left` codes for a person watching the
 * recording. Part of the recorder's chunk: the preview never downloads these tables.
 */
import type { MeetingFailure } from '../../meeting/state.js';
import { cleanDetail } from './recorder-errors.js';
import { payloadCode } from './videosdk-types.js';

/** VideoSDK's `error` codes that are join, token or account problems, with what to do about them. */
const SDK_ERRORS: Readonly<Record<number, string>> = {
  3047: 'Unable to join the meeting: check the network and the meetingId.',
  4001: 'The API key in the token is missing or invalid: mint the token with your VideoSDK API key.',
  4002: 'The token is empty, invalid or expired: mint a fresh token that outlives the wait until the recorder joins.',
  4003: 'The meetingId is missing or invalid: pass the room id of an existing VideoSDK room.',
  4004: 'The participantId is missing or invalid: keep the participantId VideoSDK appends to the URL.',
  4005: 'This participantId has already joined from another device: only one recorder may use it.',
  4006: 'The VideoSDK account is deactivated: contact VideoSDK support.',
  4007: 'The VideoSDK account is discontinued: contact VideoSDK support.',
  4008: 'The token\'s permissions are invalid: use allow_join (never ask_join together with others).',
  4009: 'The meeting has reached its maximum number of participants.',
  4010: 'The meeting has reached its maximum number of speakers.',
  4022: 'The token is not valid for this meetingId: mint it for this room or without roomId.',
  4023: 'The token is bound to another participantId: mint the recorder\'s token without participantId.',
  4024: 'The token\'s role cannot join a meeting: use the rtc role (crawler is REST only).',
  4025: 'The request does not match the account\'s security configuration (allowed domains or IPs).',
  4026: 'The organisation has reached its limit of speakers: contact VideoSDK to raise it.',
  4027: 'The organisation has reached its limit of viewers: contact VideoSDK to raise it.',
  4041: 'The organisation has reached its limit of receive-only participants: contact VideoSDK to raise it.',
  4052: 'This meetingId is disabled: use an active room.',
  4053: 'The API key in the token is deactivated: use an active key.',
};

/** Errors about single media operations: the recording can go on without them. */
const NON_FATAL_SDK_ERRORS: Readonly<Record<number, string>> = {
  3065: 'The meeting is reconnecting; the operation will be retried.',
  4073: 'Setting a participant\'s video quality failed.',
  4080: 'Receiving a participant\'s microphone failed.',
  4081: 'Receiving a participant\'s camera failed.',
  4082: 'Stopping a participant\'s microphone failed.',
  4083: 'Stopping a participant\'s camera failed.',
  4088: 'Subscribing to live layout messages failed.',
};

/** Explains a VideoSDK `error` code in one line a person watching the recording can act on. */
export function explainSdkError(code: number | string, message?: string): MeetingFailure {
  const numeric = typeof code === 'number' ? code : Number(code);
  const known = SDK_ERRORS[numeric] ?? NON_FATAL_SDK_ERRORS[numeric];
  const detail = cleanDetail(message);
  const text = known ?? (detail ? `VideoSDK reported: ${detail}` : 'VideoSDK reported an error without details.');
  return { code: String(code), message: text };
}

/** True for `error` codes after which the recorder cannot be in the meeting (join, token, account). */
export function isFatalSdkError(code: number | string): boolean {
  return SDK_ERRORS[typeof code === 'number' ? code : Number(code)] !== undefined;
}

const LEAVE_REASONS: Readonly<Record<number, string>> = {
  1001: 'The connection to VideoSDK was lost.',
  1002: 'The recorder was removed from the meeting.',
  1003: 'The recorder was removed because its mode changed to viewer.',
  1004: 'The recorder was removed because media relay stopped.',
  1005: 'The recorder switched to another room.',
  1006: 'The meeting was closed.',
  1007: 'The recorder was disconnected for an unknown reason.',
  1008: 'Everyone was removed from the meeting.',
  1009: 'The meeting was ended through the API.',
  1010: 'The recorder was removed through the API.',
  1011: 'Another participant joined with the recorder\'s participantId.',
  1101: 'The recorder left the meeting.',
  1102: 'The connection to VideoSDK was lost and every reconnect attempt failed.',
  1103: 'The recorder failed to join the meeting: check the token, the meetingId and the network.',
  1104: 'The recorder failed to switch rooms.',
};

/** Explains a VideoSDK `meeting-left` code in one line. */
export function explainLeaveReason(code: number): string {
  return LEAVE_REASONS[code] ?? `The recorder left the meeting (VideoSDK code ${code}).`;
}

/** Leave codes that mean something went wrong (the recording would otherwise end on a blank frame). */
const FAILED_LEAVES: ReadonlySet<number> = new Set([1001, 1007, 1011, 1102, 1103, 1104]);

/** True when a `meeting-left` code is a failure to show as an error rather than a normal end. */
export function isFailedLeave(code: number): boolean {
  return FAILED_LEAVES.has(code);
}

/** Why `initMeeting` threw, for the frame. */
export function initFailure(error: unknown): MeetingFailure {
  const { code, message } = payloadCode(error);
  if (code !== null) return explainSdkError(code, message);
  return { code: 'SDK_INIT_FAILED', message: 'VideoSDK could not set up the meeting: check the token and meetingId.' };
}

/** Why `join()` rejected, for the frame: VideoSDK's code when it gave one. */
export function joinFailure(error: unknown): MeetingFailure {
  const { code, message } = payloadCode(error);
  if (code !== null) return explainSdkError(code, message);
  const detail = error instanceof Error ? error.message : message;
  const why = detail ? ` (${explainSdkError('', detail).message})` : '';
  return { code: 'JOIN_FAILED', message: `Could not join the meeting${why}: check the network, the token and the meetingId.` };
}

/** Failures that only say "something went wrong": a specific code already on the frame wins over them. */
const GENERIC_FAILURES = new Set(['CONNECTION_FAILED', 'JOIN_FAILED']);

/** Whether `next` should replace the failure on the frame: only a specific one replaces a generic one. */
export function replacesFailure(shown: MeetingFailure | undefined, next: MeetingFailure): boolean {
  return shown === undefined || (GENERIC_FAILURES.has(shown.code) && !GENERIC_FAILURES.has(next.code));
}

/** The recorder asked to enter and was refused (its token has `ask_join`, or the host said no). */
export const ENTRY_DENIED: MeetingFailure = {
  code: 'ENTRY_DENIED',
  message: 'The recorder was refused entry to the meeting: mint its token with allow_join so it needs no approval.',
};

/** The connection failed (VideoSDK's FAILED state) without a more specific code. */
export const CONNECTION_FAILED: MeetingFailure = {
  code: 'CONNECTION_FAILED',
  message: 'The connection to VideoSDK failed: check the recorder\'s network access.',
};

/** No `meeting-joined` within the join timeout. */
export function joinTimeoutFailure(timeoutMs: number): MeetingFailure {
  const seconds = Math.round(timeoutMs / 1000);
  return {
    code: 'JOIN_TIMEOUT',
    message: `The recorder could not join the meeting within ${seconds} s: check its network access and the meetingId.`,
  };
}

/** What a `meeting-left` payload means for the frame: an error for the failure codes, else the end. */
export function leaveOutcome(payload: unknown): { failure: MeetingFailure } | { endReason: string } {
  const { code } = payloadCode(payload);
  const numeric = typeof code === 'number' ? code : Number(code);
  if (Number.isFinite(numeric) && isFailedLeave(numeric)) return { failure: { code: String(numeric), message: explainLeaveReason(numeric) } };
  return { endReason: code === null ? 'unknown' : String(code) };
}
