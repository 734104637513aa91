/**
 * The live meeting source: joins a VideoSDK meeting as the hidden recorder and runs its lifecycle
 * (join, re-join after a network blip, leave, errors), handing participants to `ShownParticipants`,
 * media to `Consumption` and the live layout topic to `LayoutSubscription`.
 */
import { type FeatureParams, NO_FEATURES } from '../../config/feature-params.js';
import type { RecordingOptions } from '../../config/options.js';
import { DEFAULT_OUTPUT, LAYOUT_TOPICS } from '../../config/output.js';
import type { MediaDemand, MeetingSource } from '../../meeting/source.js';
import { type MeetingFailure, optionsInForce, optionsOverridden, statusChanged } from '../../meeting/state.js';
import type { MeetingStore } from '../../meeting/store.js';
import { markPhase } from '../../meeting/phases.js';
import { Consumption, settle, wantsOf } from './consumption.js';
import { LayoutSubscription } from './layout-subscription.js';
import { LiveFeatures } from './live-features.js';
import { ShownParticipants } from './participants.js';
import { checkRecorderParams, sdkLoadFailure } from './recorder-errors.js';
import { type VideoSdkSourceParams, joinTimeoutMs, recorderInitOptions } from './join-options.js';
import {
  CONNECTION_FAILED,
  ENTRY_DENIED,
  explainSdkError,
  initFailure,
  isFatalSdkError,
  joinFailure,
  joinTimeoutFailure,
  leaveOutcome,
  replacesFailure,
} from './videosdk-errors.js';
import { type RecorderPhase, everyoneLeft, isDone, mediaPatched, nextPhase } from './videosdk-transitions.js';
import {
  type MeetingEventName,
  type SdkMeeting,
  type VideoSdkLike,
  payloadCode,
  payloadPeerIds,
  payloadString,
  SOCKET_STATE_EVENT,
} from './videosdk-types.js';

export type { SdkMeeting, SdkParticipant, SdkStream, VideoSdkLike } from './videosdk-types.js';
export { pickVideoSdk } from './pick-sdk.js';
export type { VideoSdkSourceParams } from './join-options.js';

const NO_DEMAND: MediaDemand = { video: new Set(), share: new Set(), audio: new Set(), tileSizes: new Map() };

/** Joins a VideoSDK meeting as the hidden recorder and feeds a MeetingStore from it. */
export class VideoSdkSource implements MeetingSource {
  private store?: MeetingStore;
  private meeting?: SdkMeeting;
  private sdk?: VideoSdkLike;
  private sdkPromise?: Promise<VideoSdkLike>;
  private phase: RecorderPhase = 'joining';
  private joinTimer?: ReturnType<typeof setTimeout>;
  private subscribeTimer?: ReturnType<typeof setTimeout>;
  private lastDemand: MediaDemand = NO_DEMAND;
  private readonly meetingListeners: Array<readonly [MeetingEventName, (payload: unknown, second?: unknown) => void]> = [];
  private readonly warned = new Set<string>();
  private readonly consumption = new Consumption({
    dropTrack: (id, kind) => this.patch(id, kind === 'video' ? { videoTrack: undefined } : { audioTrack: undefined }),
    restoreTrack: (id, sdk, kind) => this.participants?.restoreTrack(id, sdk, kind),
    retry: () => this.reconcile(),
    warnOnce: (key, text) => this.warnOnce(key, text),
  }, this.params.retryDelayMs);
  private readonly layout: LayoutSubscription;
  private participants?: ShownParticipants;
  /** Graphics topics and captions (their reading code loads with the first message). */
  private live?: LiveFeatures;

  constructor(
    private readonly params: VideoSdkSourceParams,
    sdk: VideoSdkLike | Promise<VideoSdkLike>,
    private readonly features: Pick<FeatureParams, 'captions' | 'chat'> = NO_FEATURES,
  ) {
    this.layout = new LayoutSubscription(
      (options) => this.applyOverrides(options),
      (key, text) => this.warnOnce(key, text),
      LAYOUT_TOPICS[params.output ?? DEFAULT_OUTPUT],
      params.retryDelayMs,
    );
    if (sdk instanceof Promise) {
      // start() reports the failure; this only keeps an early rejection from being "unhandled".
      sdk.catch(() => undefined);
      this.sdkPromise = sdk;
    } else {
      this.sdk = sdk;
    }
  }

  async start(store: MeetingStore): Promise<void> {
    this.store = store;
    this.participants = new ShownParticipants(store, this.consumption, {
      isRecorder: (id) => this.isRecorder(id),
      lookup: (id) => this.meeting?.participants.get(id),
      holding: () => this.phase === 'reconnecting',
      changed: () => this.reconcile(),
      warnOnce: (key, text) => this.warnOnce(key, text),
      agentTranscription: (payload) => this.live?.agentTranscription(payload),
    });
    this.live = new LiveFeatures(store, this.features, (key, text) => this.warnOnce(key, text), this.params.retryDelayMs);
    const invalid = checkRecorderParams(this.params);
    if (invalid) return this.fail(invalid);
    let sdk: VideoSdkLike;
    try {
      sdk = this.sdk ?? (await this.sdkPromise!);
    } catch (error) {
      return this.fail(sdkLoadFailure(error));
    }
    if (this.phase === 'stopped') return;
    this.sdk = sdk;
    let meeting: SdkMeeting;
    try {
      sdk.config(this.params.token);
      meeting = sdk.initMeeting(recorderInitOptions(this.params));
    } catch (error) {
      return this.fail(initFailure(error));
    }
    this.meeting = meeting;
    this.listen(meeting);
    this.joinTimer = setTimeout(() => this.onJoinTimeout(), joinTimeoutMs(this.params));
    try {
      markPhase('join');
      await meeting.join();
      markPhase('join-acked');
    } catch (error) {
      if (!isDone(this.phase)) this.fail(joinFailure(error));
    }
  }

  demand(demand: MediaDemand): void {
    this.lastDemand = demand;
    this.reconcile();
  }

  stop(): void {
    if (this.phase === 'stopped') return;
    const wasIn = !isDone(this.phase);
    this.phase = nextPhase(this.phase, 'stop');
    clearTimeout(this.joinTimer);
    clearTimeout(this.subscribeTimer);
    this.participants?.clear();
    this.consumption.stop();
    this.layout.stop();
    this.live?.stop();
    const meeting = this.meeting;
    if (!meeting) return;
    for (const [event, listener] of this.meetingListeners) meeting.off(event, listener);
    this.meetingListeners.length = 0;
    if (wasIn) settle(() => meeting.leave(), () => undefined);
  }

  /** Registers every meeting listener; called before `join()` so no early event is missed. */
  private listen(meeting: SdkMeeting): void {
    const participants = this.participants!;
    const on = (event: MeetingEventName, listener: (payload: unknown, second?: unknown) => void): void => {
      const guarded = (payload: unknown, second?: unknown): void => {
        if (this.phase !== 'stopped') listener(payload, second);
      };
      meeting.on(event, guarded);
      this.meetingListeners.push([event, guarded]);
    };
    on('meeting-joined', (payload) => this.onJoined(payload));
    on('meeting-left', (payload) => this.onLeft(payload));
    on('meeting-state-changed', (payload) => this.onConnectionState(payloadString(payload, 'state')));
    // The SDK says RECONNECTING only when a reconnect attempt fails; a dropped socket is the earlier sign.
    on(SOCKET_STATE_EVENT, (payload) => {
      if (payloadString(payload, 'state') === 'SOCKET_DISCONNECTED') this.onConnectionState('RECONNECTING');
    });
    on('error', (payload) => this.onSdkError(payload));
    // The SDK only emits this when the recorder's entry is denied: no error, no state change, so say it here.
    on('entry-responded', (id, decision) => {
      if (decision === 'denied' && typeof id === 'string' && this.isRecorder(id)) this.fail(ENTRY_DENIED);
    });
    participants.listen(on);
    this.live?.listen(on);
  }

  private get storeOrThrow(): MeetingStore {
    if (!this.store) throw new Error('VideoSdkSource used before start()');
    return this.store;
  }

  private patch(id: string, patch: Parameters<typeof mediaPatched>[2]): void {
    this.storeOrThrow.update((s) => mediaPatched(s, id, patch));
  }

  /** Puts a failure on the frame; a generic one never replaces the specific code already shown. */
  private fail(failure: MeetingFailure): void {
    clearTimeout(this.joinTimer);
    const store = this.storeOrThrow;
    if (store.state.status === 'error' && !replacesFailure(store.state.failure, failure)) return;
    console.error(`Recording template: ${failure.code}: ${failure.message}`);
    store.update((s) => statusChanged(s, 'error', { failure }));
  }

  private warnOnce(key: string, text: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`Recording template: ${text}`);
  }

  private isRecorder(id: string): boolean {
    return id === this.meeting?.localParticipant?.id || id === this.params.participantId;
  }

  // Lifecycle

  /**
   * The first join, or the SDK's re-join after its socket dropped: it then closed its receive
   * transport (nothing is consumed any more) and its PubSub (no subscription holds), and it re-adds
   * the room's peers as new Participant objects. The frame stays as it was while that happens.
   */
  private onJoined(payload: unknown): void {
    const meeting = this.meeting;
    if (!meeting || isDone(this.phase)) return;
    markPhase('meeting-joined');
    const participants = this.participants!;
    const rejoin = this.phase !== 'joining';
    this.phase = nextPhase(this.phase, 'joined');
    clearTimeout(this.joinTimer);
    this.storeOrThrow.update((s) => statusChanged(s, 'live'));
    const peers = payloadPeerIds(payload);
    if (rejoin) {
      this.consumption.reset();
      // Whoever left while the recorder was away is not in the room's peer list (the SDK sends no participant-left).
      if (peers) for (const id of [...participants.ids()]) if (!peers.has(id)) participants.remove(id);
    }
    // participant-joined normally covers those already in the room; the map is the safety net.
    for (const participant of meeting.participants.values()) {
      if (!peers || peers.has(participant.id)) participants.add(participant);
    }
    participants.adoptMeetingView(meeting.activeSpeakerId, meeting.activePresenterId, meeting.pinnedParticipants);
    if (rejoin) participants.dropStaleTracksLater(this.params.staleTrackGraceMs);
    this.reconcile();
    // The first subscribe starts the SDK's PubSub worker (over 100 ms on a loaded core): after the
    // SDK has handed over the room's peers and their cameras were asked for, not before.
    clearTimeout(this.subscribeTimer);
    this.subscribeTimer = setTimeout(() => {
      if (isDone(this.phase)) return;
      this.layout.subscribe(meeting.pubSub);
      this.live?.subscribe(meeting.pubSub);
    });
  }

  private onJoinTimeout(): void {
    if (this.phase !== 'joining' || this.storeOrThrow.state.status !== 'loading') return;
    this.fail(joinTimeoutFailure(joinTimeoutMs(this.params)));
  }

  private onLeft(payload: unknown): void {
    if (isDone(this.phase)) return;
    this.phase = nextPhase(this.phase, 'left');
    const store = this.storeOrThrow;
    const outcome = leaveOutcome(payload);
    if ('failure' in outcome) {
      this.fail(outcome.failure);
    } else if (store.state.status !== 'error') {
      clearTimeout(this.joinTimer);
      store.update((s) => statusChanged(s, 'ended', { endReason: outcome.endReason }));
    }
    this.participants?.clear();
    this.consumption.stop();
    this.layout.stop();
    this.live?.stop();
    store.update(everyoneLeft);
  }

  private onConnectionState(state: string | null): void {
    const store = this.storeOrThrow;
    const status = store.state.status;
    if (isDone(this.phase) || status === 'ended') return;
    switch (state) {
      case 'RECONNECTING':
      case 'DISCONNECTED':
        // Keep participants and tracks: the last frames stay on screen while the SDK reconnects.
        if (this.phase === 'live' && status === 'live') {
          this.phase = nextPhase(this.phase, 'connection-lost');
          store.update((s) => statusChanged(s, 'reconnecting'));
        }
        break;
      case 'CONNECTED':
        // Back without a re-join (a re-join clears `reconnecting` in onJoined and brings new streams).
        if (this.phase === 'reconnecting') {
          this.phase = nextPhase(this.phase, 'connection-back');
          store.update((s) => statusChanged(s, 'live'));
          this.participants?.dropStaleTracks();
          this.reconcile();
        }
        break;
      case 'FAILED':
        this.fail(CONNECTION_FAILED);
        break;
    }
  }

  private onSdkError(payload: unknown): void {
    if (isDone(this.phase)) return;
    const { code, message } = payloadCode(payload);
    const explained = explainSdkError(code ?? 'UNKNOWN', message);
    if (this.phase === 'joining' || (code !== null && isFatalSdkError(code))) {
      this.fail(explained);
    } else {
      this.warnOnce(`error:${explained.code}`, `VideoSDK error ${explained.code}: ${explained.message} The recording goes on.`);
    }
  }

  // Consumption: cost grows with what is on screen

  private reconcile(): void {
    if (this.phase !== 'live' || !this.store || !this.participants) return;
    const options = optionsInForce(this.params.options, this.store.state);
    const wants = wantsOf(this.participants.ids(), this.store.state, this.lastDemand, options);
    this.consumption.reconcile(wants, options.quality);
  }

  private applyOverrides(options: Partial<RecordingOptions>): void {
    if (isDone(this.phase) || Object.keys(options).length === 0) return;
    this.storeOrThrow.update((s) => optionsOverridden(s, options));
    this.reconcile();
  }
}
