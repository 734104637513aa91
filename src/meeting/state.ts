/**
 * MeetingState: plain immutable data describing the meeting as the recorder sees it, and the pure
 * transitions every source (simulated or VideoSDK) applies to it.
 */
import type { RecordingOptions } from '../config/options.js';
import type { Overlay } from './overlay.js';

/** What an AI agent is doing, as VideoSDK's `AgentParticipant.agentState` reports it. */
export type AgentState = 'idle' | 'listening' | 'thinking' | 'speaking';

/** A participant who may appear on screen and is heard (SEND_AND_RECV only; never the recorder). */
export interface Participant {
  readonly id: string;
  readonly displayName: string;
  readonly webcamOn: boolean;
  readonly micOn: boolean;
  readonly screenShareOn: boolean;
  /** Webcam video, present while it is on and consumed. */
  readonly videoTrack?: MediaStreamTrack;
  /** Microphone audio, present while it is on and consumed. */
  readonly audioTrack?: MediaStreamTrack;
  readonly shareTrack?: MediaStreamTrack;
  readonly shareAudioTrack?: MediaStreamTrack;
  /** Monotonic join sequence number: a stable order for tie-breaks. */
  readonly joinOrder: number;
  /** When this participant last started or stopped speaking (ms, the source's clock); 0 = never. */
  readonly lastActiveAt: number;
  /** An AI agent (VideoSDK's `AgentParticipant`): its tile says so. */
  readonly isAgent?: boolean;
  /** The agent's state, shown on its tile. */
  readonly agentState?: AgentState;
  /** Heard but never shown (the joining app set `metaData.hideFromRecording`). */
  readonly hiddenFromRecording?: boolean;
  /** The media flags are the SDK's first all-false ones, not yet confirmed by the server. */
  readonly mediaPending?: boolean;
}

/** A pin, in pin order: camera and/or screen share pinned. */
export interface Pin {
  readonly participantId: string;
  readonly cam: boolean;
  readonly share: boolean;
}

/** The connection's life: what `<html data-state>` is derived from. */
export type ConnectionStatus = 'loading' | 'live' | 'reconnecting' | 'ended' | 'error';

/** A failure shown on the recorded frame: a code and a one-line human explanation. */
export interface MeetingFailure {
  readonly code: string;
  readonly message: string;
}

/** The meeting as the template renders it. */
export interface MeetingState {
  readonly status: ConnectionStatus;
  /** Participants in join order. */
  readonly participants: ReadonlyMap<string, Participant>;
  readonly activeSpeakerId: string | null;
  /** When the current active speaker started speaking (ms); dwell is measured from here. */
  readonly speakingSince: number;
  readonly presenterId: string | null;
  readonly pins: readonly Pin[];
  /** Options changed live (PubSub `RECORDING_LAYOUT`), layered over the URL's. */
  readonly optionOverrides: Partial<RecordingOptions>;
  readonly failure?: MeetingFailure;
  /** Why the meeting ended (e.g. VideoSDK's `meeting-left` code). */
  readonly endReason?: string;
  /** The last join sequence number handed out. */
  readonly joinSequence: number;
  /** Bumped on every transition: a cheap change check for subscribers. */
  readonly revision: number;
  /** Live graphics, toasts and captions; absent until the first one arrives. */
  readonly overlay?: Overlay;
}

/** A meeting with nobody in it yet. */
export function emptyMeeting(): MeetingState {
  return {
    status: 'loading',
    participants: new Map(),
    activeSpeakerId: null,
    speakingSince: 0,
    presenterId: null,
    pins: [],
    optionOverrides: {},
    joinSequence: 0,
    revision: 0,
  };
}

function next(state: MeetingState, patch: Partial<MeetingState>): MeetingState {
  return { ...state, ...patch, revision: state.revision + 1 };
}

/** The fields a source supplies for a joining participant. */
export type JoiningParticipant = Pick<Participant, 'id' | 'displayName'> &
  Partial<Omit<Participant, 'id' | 'displayName' | 'joinOrder'>>;

/** Adds (or refreshes) a participant, keeping an existing one's place and history. */
export function participantJoined(state: MeetingState, joining: JoiningParticipant): MeetingState {
  const existing = state.participants.get(joining.id);
  const joinOrder = existing?.joinOrder ?? state.joinSequence + 1;
  const participant: Participant = {
    webcamOn: false,
    micOn: false,
    screenShareOn: false,
    lastActiveAt: 0,
    ...existing,
    ...joining,
    joinOrder,
  };
  const participants = new Map(state.participants);
  participants.set(participant.id, participant);
  return next(state, { participants, joinSequence: Math.max(state.joinSequence, joinOrder) });
}

/** Removes a participant and everything that pointed at them (speaker, presenter, pins). */
export function participantLeft(state: MeetingState, id: string): MeetingState {
  if (!state.participants.has(id)) return state;
  const participants = new Map(state.participants);
  participants.delete(id);
  return next(state, {
    participants,
    activeSpeakerId: state.activeSpeakerId === id ? null : state.activeSpeakerId,
    presenterId: state.presenterId === id ? null : state.presenterId,
    pins: state.pins.filter((p) => p.participantId !== id),
  });
}

/** Applies a change to one participant; unknown ids are ignored. */
export function participantUpdated(
  state: MeetingState,
  id: string,
  patch: Partial<Omit<Participant, 'id' | 'joinOrder'>>,
): MeetingState {
  const existing = state.participants.get(id);
  if (!existing) return state;
  const participants = new Map(state.participants);
  participants.set(id, { ...existing, ...patch });
  return next(state, { participants });
}

/**
 * The active speaker changed at `now`. The previous speaker's and the new speaker's last-active
 * times are stamped, which is what speaker order (newest first) is built from.
 */
export function speakerChanged(state: MeetingState, id: string | null, now: number): MeetingState {
  if (id === state.activeSpeakerId) return state;
  if (id !== null && !state.participants.has(id)) return state;
  const participants = new Map(state.participants);
  for (const stamped of [state.activeSpeakerId, id]) {
    const p = stamped === null ? undefined : participants.get(stamped);
    if (p) participants.set(p.id, { ...p, lastActiveAt: now });
  }
  return next(state, { participants, activeSpeakerId: id, speakingSince: now });
}

/** The presenter (screen sharer) changed. */
export function presenterChanged(state: MeetingState, id: string | null): MeetingState {
  if (id === state.presenterId) return state;
  return next(state, { presenterId: id !== null && state.participants.has(id) ? id : null });
}

/** Sets a participant's pin; a pin with neither cam nor share is removed. New pins go last. */
export function pinChanged(
  state: MeetingState,
  participantId: string,
  pin: { cam: boolean; share: boolean },
): MeetingState {
  const index = state.pins.findIndex((p) => p.participantId === participantId);
  const pins = [...state.pins];
  if (!pin.cam && !pin.share) {
    if (index < 0) return state;
    pins.splice(index, 1);
  } else if (index >= 0) {
    pins[index] = { participantId, ...pin };
  } else {
    pins.push({ participantId, ...pin });
  }
  return next(state, { pins });
}

/** Replaces the connection status (and optionally the failure or end reason). */
export function statusChanged(
  state: MeetingState,
  status: ConnectionStatus,
  detail: { failure?: MeetingFailure; endReason?: string } = {},
): MeetingState {
  if (status === state.status && !detail.failure && !detail.endReason) return state;
  return next(state, { status, ...detail });
}

/** The options in force: `base` (the URL's, with any edits) under the live changes the meeting received. */
export function optionsInForce(base: RecordingOptions, state: Pick<MeetingState, 'optionOverrides'>): RecordingOptions {
  return { ...base, ...state.optionOverrides };
}

/** Layers live option changes over the current ones. */
export function optionsOverridden(state: MeetingState, overrides: Partial<RecordingOptions>): MeetingState {
  return next(state, { optionOverrides: { ...state.optionOverrides, ...overrides } });
}

/** Replaces the live graphics, toasts and captions (nothing else changes, so the layout need not be re-planned). */
export function overlayChanged(state: MeetingState, overlay: Overlay): MeetingState {
  if (overlay === state.overlay) return state;
  return next(state, { overlay });
}

/** What `<html data-state>` shows for a meeting: `waiting` when live but nobody can be shown. */
export type PageState = 'loading' | 'waiting' | 'live' | 'ended' | 'error';

/** Derives the page state. Reconnecting keeps the last frame, so it reads as live or waiting. */
export function pageState(state: MeetingState): PageState {
  switch (state.status) {
    case 'loading':
    case 'ended':
    case 'error':
      return state.status;
    case 'live':
    case 'reconnecting':
      return state.participants.size === 0 ? 'waiting' : 'live';
  }
}
