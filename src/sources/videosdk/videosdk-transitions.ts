/** Pure MeetingState transitions the VideoSDK source needs beyond those in state.ts, and the media patches SDK streams and flags become. */
import { type MeetingState, type Participant, type Pin, participantUpdated } from '../../meeting/state.js';
import type { SdkParticipant, SdkStream } from './videosdk-types.js';

/**
 * Replaces the pins with the SDK's pin list (in pin order), keeping only participants in the state,
 * so a pin that arrived before its participant was shown takes its rightful place later.
 */
export function pinsReplaced(state: MeetingState, pins: readonly Pin[]): MeetingState {
  const kept = pins.filter((p) => (p.cam || p.share) && state.participants.has(p.participantId));
  const same =
    kept.length === state.pins.length &&
    kept.every((p, i) => {
      const q = state.pins[i];
      return q !== undefined && q.participantId === p.participantId && q.cam === p.cam && q.share === p.share;
    });
  if (same) return state;
  return { ...state, pins: kept, revision: state.revision + 1 };
}

/** The media fields of a participant a source may set or clear. */
export type MediaPatch = Partial<
  Pick<Participant, 'webcamOn' | 'micOn' | 'screenShareOn' | 'videoTrack' | 'audioTrack' | 'shareTrack' | 'shareAudioTrack' | 'mediaPending'>
>;

/**
 * Applies a media patch to one participant (an explicit `undefined` clears a track); returns the
 * same state when nothing changes, so stores skip no-op notifications.
 */
export function mediaPatched(state: MeetingState, id: string, patch: MediaPatch): MeetingState {
  const existing = state.participants.get(id);
  if (!existing) return state;
  const keys = Object.keys(patch) as (keyof MediaPatch)[];
  if (keys.every((k) => existing[k] === patch[k])) return state;
  return participantUpdated(state, id, patch);
}

/** Removes every participant at once (the meeting is over): their tracks are no longer referenced. */
export function everyoneLeft(state: MeetingState): MeetingState {
  if (state.participants.size === 0 && state.activeSpeakerId === null && state.presenterId === null && state.pins.length === 0) {
    return state;
  }
  return {
    ...state,
    participants: new Map(),
    activeSpeakerId: null,
    presenterId: null,
    pins: [],
    revision: state.revision + 1,
  };
}

/** The flag each stream kind sets. */
export const FLAG_FIELDS = { video: 'webcamOn', audio: 'micOn', share: 'screenShareOn' } as const;
/** The track field each stream kind fills. */
export const TRACK_FIELDS = { video: 'videoTrack', audio: 'audioTrack', share: 'shareTrack', shareAudio: 'shareAudioTrack' } as const;

/** A stream-enabled/disabled payload, checked before use. */
export function asStream(payload: unknown): SdkStream | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const s = payload as Partial<SdkStream>;
  if (typeof s.kind !== 'string' || typeof s.track !== 'object' || s.track === null) return null;
  return s as SdkStream;
}

/** The store fields a stream sets when it starts, or clears when it stops. */
export function trackPatch(stream: SdkStream, enabled: boolean): MediaPatch {
  const track = enabled ? stream.track : undefined;
  switch (stream.kind) {
    case 'video':
      return enabled ? { videoTrack: track, webcamOn: true } : { videoTrack: undefined };
    case 'audio':
      return enabled ? { audioTrack: track, micOn: true } : { audioTrack: undefined };
    case 'share':
      return enabled ? { shareTrack: track, screenShareOn: true } : { shareTrack: undefined };
    case 'shareAudio':
      return { shareAudioTrack: track };
  }
}

/** The media flags an SDK participant object reports. */
export function flagsOf(participant: SdkParticipant): MediaPatch {
  return { webcamOn: participant.webcamOn === true, micOn: participant.micOn === true, screenShareOn: participant.screenShareOn === true };
}

/**
 * Clears the tracks `stale` picks (kept from before a re-join) and sets each flag to what is known
 * now: the SDK object's flag, or a fresh track of that kind (a stream-enabled since the re-join).
 */
export function stalePatch(p: Participant, sdk: SdkParticipant, stale: (track: MediaStreamTrack) => boolean): MediaPatch {
  const fresh = (track: MediaStreamTrack | undefined): boolean => track !== undefined && !stale(track);
  const gone = (track: MediaStreamTrack | undefined): boolean => track !== undefined && stale(track);
  return {
    webcamOn: sdk.webcamOn === true || fresh(p.videoTrack),
    micOn: sdk.micOn === true || fresh(p.audioTrack),
    screenShareOn: sdk.screenShareOn === true || fresh(p.shareTrack),
    ...(gone(p.videoTrack) ? { videoTrack: undefined } : {}),
    ...(gone(p.audioTrack) ? { audioTrack: undefined } : {}),
    ...(gone(p.shareTrack) ? { shareTrack: undefined } : {}),
    ...(gone(p.shareAudioTrack) ? { shareAudioTrack: undefined } : {}),
  };
}

/** Where the recorder is in its meeting: joining, in it (or reconnecting to it), or done with it. */
export type RecorderPhase = 'joining' | 'live' | 'reconnecting' | 'left' | 'stopped';
/** What moves the recorder between phases: the SDK's join/connection/leave events and our own stop(). */
export type PhaseEvent = 'joined' | 'connection-lost' | 'connection-back' | 'left' | 'stop';

/** The recorder's next phase; `left` and `stopped` are final (a stop still moves `left` to `stopped`). */
export function nextPhase(phase: RecorderPhase, event: PhaseEvent): RecorderPhase {
  if (event === 'stop') return 'stopped';
  if (phase === 'left' || phase === 'stopped') return phase;
  switch (event) {
    case 'joined':
      return 'live';
    case 'left':
      return 'left';
    case 'connection-lost':
      return phase === 'live' ? 'reconnecting' : phase;
    case 'connection-back':
      return phase === 'reconnecting' ? 'live' : phase;
  }
}

/** Whether the recorder has left or been stopped: nothing it hears changes the frame any more. */
export function isDone(phase: RecorderPhase): boolean {
  return phase === 'left' || phase === 'stopped';
}
