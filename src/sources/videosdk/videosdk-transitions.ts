/** Pure MeetingState transitions the VideoSDK source needs beyond those in state.ts. */
import { type MeetingState, type Participant, type Pin, participantUpdated } from '../../meeting/state.js';

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
  Pick<Participant, 'webcamOn' | 'micOn' | 'screenShareOn' | 'videoTrack' | 'audioTrack' | 'shareTrack' | 'shareAudioTrack'>
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
