/**
 * The part of `@videosdk.live/js-sdk` the recorder uses, cut from the package's own types (so an SDK
 * upgrade that changes them breaks the build), and readers for event payloads whose runtime shape
 * differs from the typings. Type-only imports: this file never pulls the SDK into a bundle.
 */
import type { Meeting, Participant, Stream, VideoSDK } from '@videosdk.live/js-sdk';

/** A remote stream as the recorder reads it. */
export type SdkStream = Pick<Stream, 'id' | 'kind' | 'track'>;

/** A participant as the recorder reads and drives it. */
export type SdkParticipant = Pick<
  Participant,
  | 'id'
  | 'displayName'
  | 'local'
  | 'mode'
  | 'webcamOn'
  | 'micOn'
  | 'screenShareOn'
  | 'screenShareAudioOn'
  | 'pinState'
  | 'on'
  | 'off'
  | 'consumeWebcamStreams'
  | 'stopConsumingWebcamStreams'
  | 'consumeMicStreams'
  | 'stopConsumingMicStreams'
  | 'setQuality'
  | 'setScreenShareQuality'
  | 'setViewPort'
> & { readonly streams: ReadonlyMap<string, SdkStream> };

/** The meeting as the recorder reads and drives it. */
export type SdkMeeting = Pick<
  Meeting,
  'id' | 'join' | 'leave' | 'on' | 'off' | 'activeSpeakerId' | 'activePresenterId' | 'pinnedParticipants'
> & {
  readonly participants: ReadonlyMap<string, SdkParticipant>;
  readonly localParticipant: Pick<Participant, 'id'>;
  readonly pubSub: Pick<Meeting['pubSub'], 'subscribe' | 'unsubscribe'>;
};

/** The options `VideoSDK.initMeeting` takes, exactly as the package declares them. */
export type InitMeetingOptions = Parameters<(typeof VideoSDK)['initMeeting']>[0];

/** The SDK entry points the recorder calls: the real `VideoSDK` class, or the test fake. */
export interface VideoSdkLike {
  config: (typeof VideoSDK)['config'];
  initMeeting(options: InitMeetingOptions): SdkMeeting;
}

/** Compile-time proof that the real SDK fits: this line fails to typecheck if the package drifts. */
export type RealSdkFits = typeof VideoSDK extends VideoSdkLike ? true : never;
export const realSdkFits: RealSdkFits = true;

/** A meeting event name, as the package's `Meeting.on` accepts it. */
export type MeetingEventName = Parameters<Meeting['on']>[0];

/**
 * Emitted by the runtime (`{state: "SOCKET_DISCONNECTED"}`) the moment its signalling socket drops,
 * before it closes its transports; the typings do not declare it.
 */
export const SOCKET_STATE_EVENT = 'socket-state-changed' as MeetingEventName;

/** A participant event name, as the package's `Participant.on` accepts it. */
export type ParticipantEventName = Parameters<Participant['on']>[0];

/** The modes whose participants are shown and heard (`CONFERENCE` is the deprecated alias). */
export function isShownMode(mode: unknown): boolean {
  return mode === undefined || mode === 'SEND_AND_RECV' || mode === 'CONFERENCE';
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** The participant id in a payload that is either an id, a participant, or `{participantId|peerId}`. */
export function payloadParticipantId(payload: unknown): string | null {
  if (typeof payload === 'string') return payload;
  const r = record(payload);
  if (!r) return null;
  for (const key of ['participantId', 'peerId', 'id']) {
    const value = r[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return null;
}

/** The `{code, message}` of a `meeting-left` / `error` payload (or a thrown SdkError). */
export function payloadCode(payload: unknown): { code: number | string | null; message?: string } {
  const r = record(payload);
  if (!r) return { code: typeof payload === 'number' ? payload : null };
  const code = typeof r.code === 'number' || typeof r.code === 'string' ? r.code : null;
  const message = typeof r.message === 'string' ? r.message : undefined;
  return { code, message };
}

/** A string field of a payload object, if present. */
export function payloadString(payload: unknown, key: string): string | null {
  const value = record(payload)?.[key];
  return typeof value === 'string' ? value : null;
}

/**
 * A `pin-state-changed` payload. The runtime sends `{participantId, state: {cam, share}, pinnedBy}`
 * with cam/share possibly missing (unchanged); the typings say `{peerId, state: boolean}`.
 */
export function payloadPin(payload: unknown): { participantId: string; cam?: boolean; share?: boolean } | null {
  const participantId = payloadParticipantId(payload);
  if (participantId === null) return null;
  const state = record(payload)?.state;
  if (typeof state === 'boolean') return { participantId, cam: state, share: state };
  const s = record(state);
  if (!s) return null;
  return {
    participantId,
    cam: typeof s.cam === 'boolean' ? s.cam : undefined,
    share: typeof s.share === 'boolean' ? s.share : undefined,
  };
}

/** A `media-status-changed` payload's status; the runtime sends a boolean, the typings a string. */
export function payloadMediaStatus(payload: unknown): { kind: string; on?: boolean } | null {
  const r = record(payload);
  if (!r || typeof r.kind !== 'string') return null;
  const status = r.newStatus;
  if (typeof status === 'boolean') return { kind: r.kind, on: status };
  if (typeof status === 'string') {
    const s = status.toLowerCase();
    if (['on', 'true', 'enabled', 'enable', 'unmuted'].includes(s)) return { kind: r.kind, on: true };
    if (['off', 'false', 'disabled', 'disable', 'muted'].includes(s)) return { kind: r.kind, on: false };
  }
  return { kind: r.kind };
}

/** The peer ids a `meeting-joined` payload lists (the SDK passes its join reply's `peers`), if it has them. */
export function payloadPeerIds(payload: unknown): ReadonlySet<string> | null {
  const peers = record(payload)?.peers;
  if (!Array.isArray(peers)) return null;
  return new Set(peers.map((peer) => payloadParticipantId(peer)).filter((id): id is string => id !== null));
}
