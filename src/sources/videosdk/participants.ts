/**
 * The participants the recorder shows, mapped from the SDK's Participant objects into the store:
 * who is shown (SEND_AND_RECV only, never the recorder), their media flags and tracks, and the SDK's
 * speaker, presenter and pins, re-applied once the people they name are shown.
 */
import type { AgentState, Pin } from '../../meeting/state.js';
import { participantJoined, participantLeft, participantUpdated, presenterChanged, speakerChanged } from '../../meeting/state.js';
import type { MeetingStore } from '../../meeting/store.js';
import { markPhase } from '../../meeting/phases.js';
import { agentFields, bindAgent, isSdkAgent } from './agents.js';
import { type Consumption, settle } from './consumption.js';
import {
  FLAG_FIELDS,
  type MediaPatch,
  TRACK_FIELDS,
  asStream,
  flagsOf,
  mediaPatched,
  pinsReplaced,
  stalePatch,
  trackPatch,
} from './videosdk-transitions.js';
import {
  type MeetingEventName,
  type ParticipantEventName,
  type SdkParticipant,
  isShownMode,
  payloadMediaStatus,
  payloadParticipantId,
  payloadPin,
  payloadString,
} from './videosdk-types.js';

/** A shown participant's SDK object and the listeners bound to it. */
interface Shown {
  readonly sdk: SdkParticipant;
  readonly listeners: ReadonlyArray<readonly [ParticipantEventName, (payload: unknown) => void]>;
  /** Stops following an agent's state and transcriptions. */
  readonly unbindAgent?: () => void;
}

/** How long after a re-join a track kept from before it may wait for its replacement. */
const STALE_TRACK_GRACE_MS = 3_000;

/** How the participants reach the rest of the source. */
export interface ParticipantHooks {
  isRecorder(id: string): boolean;
  /** The SDK's current object for an id (the meeting's participants map). */
  lookup(id: string): SdkParticipant | undefined;
  /** What is shown changed: consumption catches up. */
  changed(): void;
  /** True while the SDK reconnects: streams it closes then keep their last frame on screen. */
  holding(): boolean;
  warnOnce(key: string, text: string): void;
  /** An agent's `agent-transcription-received` payload (captions). */
  agentTranscription?(payload: unknown): void;
}

/** The shown participants and the SDK's view of speaker, presenter and pins. */
export class ShownParticipants {
  private readonly shown = new Map<string, Shown>();
  private speakerId: string | null = null;
  private presenterId: string | null = null;
  private readonly pins = new Map<string, { cam: boolean; share: boolean }>();
  private staleTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly store: MeetingStore,
    private readonly consumption: Consumption,
    private readonly hooks: ParticipantHooks,
  ) {}

  /** Follows the meeting's participant, speaker, presenter and pin events through `on`. */
  listen(on: (event: MeetingEventName, listener: (payload: unknown) => void) => void): void {
    const idOrNull = (payload: unknown): string | null => (typeof payload === 'string' && payload ? payload : null);
    on('participant-joined', (payload) => this.onJoined(payload));
    on('participant-left', (payload) => {
      const id = payloadParticipantId(payload);
      if (id !== null) this.remove(id);
    });
    on('participant-mode-changed', (payload) => this.onModeChanged(payload));
    on('speaker-changed', (payload) => this.onSpeaker(idOrNull(payload)));
    on('presenter-changed', (payload) => this.onPresenter(idOrNull(payload)));
    on('pin-state-changed', (payload) => this.onPin(payload));
  }

  /** `participant-joined`: the event's own object first, since on a re-join the meeting's map may still hold the old one. */
  onJoined(payload: unknown): void {
    const id = payloadParticipantId(payload);
    if (id === null) return;
    if (typeof payload === 'object' && payload !== null && typeof (payload as SdkParticipant).on === 'function') {
      this.add(payload as SdkParticipant);
    } else {
      const fromMap = this.hooks.lookup(id);
      if (fromMap) this.add(fromMap);
    }
  }

  /** `participant-mode-changed`: viewers leave the screen (and stop being consumed), speakers come on it. */
  onModeChanged(payload: unknown): void {
    const id = payloadParticipantId(payload);
    if (id === null || this.hooks.isRecorder(id)) return;
    const mode = payloadString(payload, 'mode');
    const participant = this.hooks.lookup(id);
    if (isShownMode(mode ?? participant?.mode)) {
      if (participant && !this.shown.has(id)) this.add(participant, mode);
    } else if (this.shown.has(id)) {
      this.remove(id, true);
      this.hooks.changed();
    }
  }

  /** The ids of everyone shown. */
  ids(): IterableIterator<string> {
    return this.shown.keys();
  }

  has(id: string): boolean {
    return this.shown.has(id);
  }

  /**
   * Shows a participant (if their mode is shown) and follows their media. The same id with a new SDK
   * object (the SDK re-joined) keeps its tile, flags and last frames and follows the new object.
   */
  add(participant: SdkParticipant, mode: string | null = null): void {
    const id = participant.id;
    if (typeof id !== 'string' || participant.local || this.hooks.isRecorder(id)) return;
    if (!isShownMode(mode ?? participant.mode)) return;
    const known = this.shown.get(id);
    if (known?.sdk === participant) {
      this.store.update((s) => mediaPatched(s, id, flagsOf(participant)));
      return;
    }
    if (known) this.unbind(known);
    markPhase('peer');
    this.shown.set(id, this.bind(id, participant));
    this.consumption.follow(id, participant);
    const tracks: MediaPatch = {};
    for (const stream of participant.streams?.values() ?? []) Object.assign(tracks, trackPatch(stream, true));
    if (known) {
      // A re-joined SDK's new objects start with every flag false: the old ones stand until its events say otherwise.
      this.store.update((s) => mediaPatched(s, id, tracks));
    } else {
      const displayName = typeof participant.displayName === 'string' ? participant.displayName : '';
      const flags = flagsOf(participant);
      // The SDK's Participant starts with every flag false until the server says what it sends (SDK-FACTS).
      const mediaPending = !Object.values(flags).some(Boolean) && Object.keys(tracks).length === 0;
      this.store.update((s) => participantJoined(s, { id, displayName, ...flags, ...tracks, ...agentFields(participant), mediaPending }));
    }
    this.syncMirrors();
    this.hooks.changed();
  }

  /** Stops showing a participant; `stillInMeeting` when they only became a viewer. */
  remove(id: string, stillInMeeting = false): void {
    const known = this.shown.get(id);
    if (known) this.unbind(known);
    this.shown.delete(id);
    this.consumption.forget(id, stillInMeeting);
    this.store.update((s) => participantLeft(s, id));
  }

  /**
   * After a re-join, the tracks kept from before it (last frames) wait `graceMs` for the new streams;
   * those still shown then belong to media that went off meanwhile and leave the screen.
   */
  dropStaleTracksLater(graceMs: number = STALE_TRACK_GRACE_MS): void {
    clearTimeout(this.staleTimer);
    const before = new Set<MediaStreamTrack>();
    for (const id of this.shown.keys()) {
      const p = this.store.state.participants.get(id);
      for (const track of [p?.videoTrack, p?.audioTrack, p?.shareTrack, p?.shareAudioTrack]) if (track) before.add(track);
    }
    this.staleTimer = setTimeout(() => this.dropStaleTracks((track) => before.has(track)), graceMs);
  }

  /**
   * Takes stale tracks (kept as last frames while the SDK reconnected; by default the ended ones) off
   * the screen, with the flags the SDK's current objects report: they start false after a re-join and
   * no event says that a mic or camera went off meanwhile.
   */
  dropStaleTracks(stale: (track: MediaStreamTrack) => boolean = (track) => track.readyState === 'ended'): void {
    for (const [id, { sdk }] of this.shown) {
      const p = this.store.state.participants.get(id);
      if (!p) continue;
      this.store.update((s) => mediaPatched(s, id, stalePatch(p, sdk, stale)));
    }
    // A share that ended while the recorder was away: its presenter-changed null came while holding.
    const presenter = this.presenterId;
    if (presenter !== null && !this.store.state.participants.get(presenter)?.shareTrack) this.onPresenter(null);
  }

  /** Stops listening to everyone (the meeting is over or the source stops). */
  clear(): void {
    clearTimeout(this.staleTimer);
    for (const known of this.shown.values()) this.unbind(known);
    this.shown.clear();
  }

  onSpeaker(id: string | null): void {
    this.speakerId = id;
    const shown = id !== null && this.shown.has(id) ? id : null;
    this.store.update((s) => speakerChanged(s, shown, performance.now()));
  }

  onPresenter(id: string | null): void {
    // The SDK says "nobody" when its socket drops (it closed the share's consumer): the share stays on stage.
    if (id === null && this.hooks.holding()) return;
    this.presenterId = id;
    this.store.update((s) => presenterChanged(s, id !== null && this.shown.has(id) ? id : null));
  }

  onPin(payload: unknown): void {
    const pin = payloadPin(payload);
    if (!pin) {
      this.hooks.warnOnce('pin-payload', 'ignored a pin-state-changed event without a participant id and state.');
      return;
    }
    const previous = this.pins.get(pin.participantId) ?? { cam: false, share: false };
    const next = { cam: pin.cam ?? previous.cam, share: pin.share ?? previous.share };
    if (next.cam || next.share) this.pins.set(pin.participantId, next);
    else this.pins.delete(pin.participantId);
    this.syncMirrors();
  }

  /** Takes the meeting's speaker, presenter and pins as it reports them on join, where not known yet. */
  adoptMeetingView(speakerId: unknown, presenterId: unknown, pinned: unknown): void {
    if (typeof speakerId === 'string' && speakerId) this.speakerId ??= speakerId;
    if (typeof presenterId === 'string' && presenterId) this.presenterId ??= presenterId;
    if (pinned instanceof Map) {
      for (const [id, pin] of pinned as Map<string, { cam?: boolean; share?: boolean }>) {
        if (!this.pins.has(id) && (pin.cam || pin.share)) this.pins.set(id, { cam: pin.cam === true, share: pin.share === true });
      }
    }
    this.syncMirrors();
  }

  /** Shows a track again after a failed stop call (the stream still flows). */
  restoreTrack(id: string, sdk: SdkParticipant, kind: 'video' | 'audio'): void {
    if (this.shown.get(id)?.sdk !== sdk) return;
    for (const stream of sdk.streams.values()) {
      if (stream.kind === kind) this.store.update((s) => mediaPatched(s, id, trackPatch(stream, true)));
    }
  }

  private bind(id: string, sdk: SdkParticipant): Shown {
    const listeners: Array<readonly [ParticipantEventName, (payload: unknown) => void]> = [
      ['stream-enabled', (payload) => this.onStream(id, sdk, payload, true)],
      ['stream-disabled', (payload) => this.onStream(id, sdk, payload, false)],
      ['media-status-changed', (payload) => this.onMediaStatus(id, sdk, payload)],
    ];
    for (const [event, listener] of listeners) sdk.on(event, listener);
    const unbindAgent = isSdkAgent(sdk)
      ? bindAgent(sdk, {
          state: (state) => this.onAgentState(id, sdk, state),
          transcription: (payload) => this.hooks.agentTranscription?.(payload),
        })
      : undefined;
    return { sdk, listeners, unbindAgent };
  }

  private unbind(known: Shown): void {
    for (const [event, listener] of known.listeners) settle(() => known.sdk.off(event, listener), () => undefined);
    if (known.unbindAgent) settle(known.unbindAgent, () => undefined);
  }

  /** An agent's state; its speech counts as speaking, as a person's does. */
  private onAgentState(id: string, sdk: SdkParticipant, agentState: AgentState): void {
    if (this.shown.get(id)?.sdk !== sdk) return;
    this.store.update((s) => participantUpdated(s, id, { agentState }));
    if (agentState === 'speaking') this.onSpeaker(id);
    else if (this.speakerId === id) this.onSpeaker(null);
  }

  private onStream(id: string, sdk: SdkParticipant, payload: unknown, enabled: boolean): void {
    const stream = asStream(payload);
    if (this.shown.get(id)?.sdk !== sdk || !stream) return;
    if (enabled) {
      if (stream.kind === 'video') markPhase('stream', id);
      this.consumption.streamStarted(id, stream.kind);
      this.store.update((s) => mediaPatched(s, id, { ...trackPatch(stream, true), mediaPending: false }));
      this.hooks.changed();
      return;
    }
    // The SDK closed it because its socket dropped: the last frame stays until the re-join brings a new one.
    if (this.hooks.holding()) return;
    // Only clear the track this stream carried: a newer stream may already have replaced it.
    if (this.store.state.participants.get(id)?.[TRACK_FIELDS[stream.kind]] !== stream.track) return;
    const flag = FLAG_FIELDS[stream.kind as keyof typeof FLAG_FIELDS];
    const flagPatch: MediaPatch = flag ? { [flag]: sdk[flag] === true } : {};
    this.store.update((s) => mediaPatched(s, id, { ...trackPatch(stream, false), ...flagPatch }));
  }

  private onMediaStatus(id: string, sdk: SdkParticipant, payload: unknown): void {
    if (this.shown.get(id)?.sdk !== sdk) return;
    const status = payloadMediaStatus(payload);
    const field = status ? FLAG_FIELDS[status.kind as keyof typeof FLAG_FIELDS] : undefined;
    // Only the flag the event is about: the other flags of a re-joined SDK's new object are not news.
    const patch: MediaPatch = field && status?.on !== undefined ? { [field]: status.on } : flagsOf(sdk);
    this.store.update((s) => mediaPatched(s, id, { ...patch, mediaPending: false }));
  }

  /** Re-applies the SDK's speaker, presenter and pins once the people they name are shown. */
  private syncMirrors(): void {
    const pins: Pin[] = [...this.pins].map(([participantId, p]) => ({ participantId, cam: p.cam, share: p.share }));
    this.store.update((s) => pinsReplaced(s, pins));
    const presenter = this.presenterId !== null && this.shown.has(this.presenterId) ? this.presenterId : null;
    this.store.update((s) => presenterChanged(s, presenter));
    const speaker = this.speakerId;
    if (speaker !== null && this.shown.has(speaker) && this.store.state.activeSpeakerId !== speaker) {
      this.store.update((s) => speakerChanged(s, speaker, performance.now()));
    }
  }
}
