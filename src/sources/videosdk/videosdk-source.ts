/**
 * The live meeting source: joins a VideoSDK meeting as the hidden recorder, maps every SDK event into
 * the MeetingStore, consumes only the media that is on screen or heard, and applies live layout
 * messages. The SDK itself is loaded on demand (`loadVideoSdk`), as its own chunk.
 */
import type { message as PubSubMessage } from '@videosdk.live/js-sdk';
import { RECORDING_LAYOUT_TOPIC, parseLayoutMessage } from '../../config/layout-message.js';
import type { Quality, RecordingOptions } from '../../config/options.js';
import { checkRecorderParams, sdkLoadFailure } from './recorder-errors.js';
import { explainLeaveReason, explainSdkError, isFailedLeave, isFatalSdkError } from './videosdk-errors.js';
import type { MediaDemand, MeetingSource } from '../../meeting/source.js';
import {
  type MeetingFailure,
  type Pin,
  optionsOverridden,
  participantJoined,
  participantLeft,
  presenterChanged,
  speakerChanged,
  statusChanged,
} from '../../meeting/state.js';
import type { MeetingStore } from '../../meeting/store.js';
import { type MediaPatch, everyoneLeft, mediaPatched, pinsReplaced } from './videosdk-transitions.js';
import {
  type InitMeetingOptions,
  type MeetingEventName,
  type ParticipantEventName,
  type SdkMeeting,
  type SdkParticipant,
  type SdkStream,
  type VideoSdkLike,
  isShownMode,
  payloadCode,
  payloadMediaStatus,
  payloadParticipantId,
  payloadPin,
  payloadString,
} from './videosdk-types.js';

export type { SdkMeeting, SdkParticipant, SdkStream, VideoSdkLike } from './videosdk-types.js';

/** What the recorder joins with: VideoSDK's URL parameters and the page's options. */
export interface VideoSdkSourceParams {
  readonly token: string;
  readonly meetingId: string;
  /** The recorder's id, appended by VideoSDK; joining under it is what hides the recorder. */
  readonly participantId?: string;
  readonly options: RecordingOptions;
  /** How long to wait for `meeting-joined` before showing an error (ms; default 30 s). */
  readonly joinTimeoutMs?: number;
}

/** The most the SDK lets a subscriber ask for: VideoSDK's low/med/high are SD/HD/Full HD. */
const MAX_RESOLUTION: Readonly<Record<Quality, NonNullable<InitMeetingOptions['maxResolution']>>> = {
  low: 'sd',
  med: 'hd',
  high: 'hd',
};

const DEFAULT_JOIN_TIMEOUT_MS = 30_000;
const RETRY_DELAY_MS = 1_000;

const NO_DEMAND: MediaDemand = {
  video: new Set(),
  share: new Set(),
  audio: new Set(),
  tileSizes: new Map(),
};

/** A shown participant the source listens to, and what it consumes of them. */
interface Attached {
  readonly sdk: SdkParticipant;
  readonly listeners: ReadonlyArray<readonly [ParticipantEventName, (payload: unknown) => void]>;
  video: boolean;
  mic: boolean;
  /** Bumped on each consume/stop call, so a late rejection only reverts the latest intent. */
  videoOp: number;
  micOp: number;
  /** Consume/stop calls not settled yet. */
  pending: number;
  viewport: string | null;
  videoQuality: Quality | null;
  shareQuality: Quality | null;
}

/** A stream-enabled/disabled payload, checked before use. */
function asStream(payload: unknown): SdkStream | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const s = payload as Partial<SdkStream>;
  if (typeof s.kind !== 'string' || typeof s.track !== 'object' || s.track === null) return null;
  return s as SdkStream;
}

/** Routes a call's rejection into `onError` (the SDK rejects consume calls while reconnecting). */
function settle(run: () => Promise<unknown> | void, onError: (error: unknown) => void, onDone?: () => void): void {
  try {
    const result = run();
    if (result instanceof Promise) result.catch(onError).finally(onDone);
    else onDone?.();
  } catch (error) {
    onError(error);
    onDone?.();
  }
}

/** Joins a VideoSDK meeting as the hidden recorder and feeds a MeetingStore from it. */
export class VideoSdkSource implements MeetingSource {
  private store?: MeetingStore;
  private meeting?: SdkMeeting;
  private sdk?: VideoSdkLike;
  private sdkPromise?: Promise<VideoSdkLike>;
  private joined = false;
  private reconnecting = false;
  private left = false;
  private stopped = false;
  private subscribed = false;
  private liveLayoutSeen = false;
  private joinTimer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private lastDemand: MediaDemand = NO_DEMAND;
  private readonly attached = new Map<string, Attached>();
  /** People no longer shown (now viewers) whose media is still consumed: stopped when connected. */
  private readonly orphans = new Map<string, Attached>();
  private readonly meetingListeners: Array<readonly [MeetingEventName, (payload: unknown) => void]> = [];
  private readonly warned = new Set<string>();
  /** The SDK's view, which may name people not (yet) shown: re-applied when they are. */
  private speakerId: string | null = null;
  private presenterId: string | null = null;
  private readonly pins = new Map<string, { cam: boolean; share: boolean }>();
  private readonly layoutListeners = {
    onMessageReceived: (message: PubSubMessage): void => this.onLiveLayout(message),
    onOldMessagesReceived: (messages: PubSubMessage[]): void => this.onOldLayouts(messages),
  };

  constructor(
    private readonly params: VideoSdkSourceParams,
    sdk: VideoSdkLike | Promise<VideoSdkLike>,
  ) {
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
    const invalid = checkRecorderParams(this.params);
    if (invalid) return this.fail(invalid);
    let sdk: VideoSdkLike;
    try {
      sdk = this.sdk ?? (await this.sdkPromise!);
    } catch (error) {
      return this.fail(sdkLoadFailure(error));
    }
    if (this.stopped) return;
    this.sdk = sdk;
    let meeting: SdkMeeting;
    try {
      sdk.config(this.params.token);
      meeting = sdk.initMeeting(this.initOptions());
    } catch (error) {
      const { code, message } = payloadCode(error);
      return this.fail(
        code !== null
          ? explainSdkError(code, message)
          : { code: 'SDK_INIT_FAILED', message: 'VideoSDK could not set up the meeting: check the token and meetingId.' },
      );
    }
    this.meeting = meeting;
    this.listen(meeting);
    this.joinTimer = setTimeout(() => this.onJoinTimeout(), this.params.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS);
    try {
      await meeting.join();
    } catch (error) {
      if (this.stopped || this.left || this.store.state.status === 'error') return;
      const { code, message } = payloadCode(error);
      const detail = error instanceof Error ? error.message : message;
      this.fail(
        code !== null
          ? explainSdkError(code, message)
          : {
              code: 'JOIN_FAILED',
              message: `Could not join the meeting${detail ? ` (${explainSdkError('', detail).message})` : ''}: check the network, the token and the meetingId.`,
            },
      );
    }
  }

  demand(demand: MediaDemand): void {
    this.lastDemand = demand;
    this.reconcile();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.joinTimer);
    clearTimeout(this.retryTimer);
    for (const id of [...this.attached.keys()]) this.detach(id);
    this.orphans.clear();
    const meeting = this.meeting;
    if (!meeting) return;
    for (const [event, listener] of this.meetingListeners) meeting.off(event, listener);
    this.meetingListeners.length = 0;
    if (this.subscribed) {
      settle(
        () => meeting.pubSub.unsubscribe(RECORDING_LAYOUT_TOPIC, this.layoutListeners),
        () => undefined,
      );
    }
    if (!this.left) settle(() => meeting.leave(), () => undefined);
    this.left = true;
  }

  private initOptions(): InitMeetingOptions {
    const { meetingId, participantId, options } = this.params;
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

  /** Registers every meeting listener; called before `join()` so no early event is missed. */
  private listen(meeting: SdkMeeting): void {
    const on = (event: MeetingEventName, listener: (payload: unknown) => void): void => {
      const guarded = (payload: unknown): void => {
        if (!this.stopped) listener(payload);
      };
      meeting.on(event, guarded);
      this.meetingListeners.push([event, guarded]);
    };
    on('meeting-joined', () => this.onJoined());
    on('meeting-left', (payload) => this.onLeft(payload));
    on('meeting-state-changed', (payload) => this.onConnectionState(payloadString(payload, 'state')));
    on('error', (payload) => this.onSdkError(payload));
    on('participant-joined', (payload) => this.onParticipantJoined(payload));
    on('participant-left', (payload) => {
      const id = payloadParticipantId(payload);
      if (id === null) return;
      this.remove(id);
      this.orphans.delete(id);
    });
    on('participant-mode-changed', (payload) => this.onModeChanged(payload));
    on('speaker-changed', (payload) => this.onSpeaker(typeof payload === 'string' && payload ? payload : null));
    on('presenter-changed', (payload) => this.onPresenter(typeof payload === 'string' && payload ? payload : null));
    on('pin-state-changed', (payload) => this.onPin(payload));
  }

  private get storeOrThrow(): MeetingStore {
    if (!this.store) throw new Error('VideoSdkSource used before start()');
    return this.store;
  }

  private effectiveOptions(): RecordingOptions {
    return { ...this.params.options, ...this.store?.state.optionOverrides };
  }

  private fail(failure: MeetingFailure): void {
    clearTimeout(this.joinTimer);
    console.error(`Recording template: ${failure.code}: ${failure.message}`);
    this.storeOrThrow.update((s) => statusChanged(s, 'error', { failure }));
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

  private onJoined(): void {
    const meeting = this.meeting;
    if (!meeting || this.left) return;
    this.joined = true;
    this.reconnecting = false;
    clearTimeout(this.joinTimer);
    this.storeOrThrow.update((s) => statusChanged(s, 'live'));
    // participant-joined normally covers those already in the room; the map is the safety net.
    for (const participant of meeting.participants.values()) this.add(participant);
    if (typeof meeting.activeSpeakerId === 'string' && meeting.activeSpeakerId) this.speakerId ??= meeting.activeSpeakerId;
    if (typeof meeting.activePresenterId === 'string' && meeting.activePresenterId) {
      this.presenterId ??= meeting.activePresenterId;
    }
    if (meeting.pinnedParticipants instanceof Map) {
      for (const [id, pin] of meeting.pinnedParticipants) {
        if (!this.pins.has(id) && (pin.cam || pin.share)) this.pins.set(id, { cam: pin.cam, share: pin.share });
      }
    }
    this.syncMirrors();
    this.subscribeLayout(meeting);
    this.reconcile();
  }

  private onJoinTimeout(): void {
    if (this.joined || this.stopped || this.left || this.storeOrThrow.state.status !== 'loading') return;
    const seconds = Math.round((this.params.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS) / 1000);
    this.fail({
      code: 'JOIN_TIMEOUT',
      message: `The recorder could not join the meeting within ${seconds} s: check its network access and the meetingId.`,
    });
  }

  private onLeft(payload: unknown): void {
    if (this.left) return;
    this.left = true;
    const { code } = payloadCode(payload);
    const numeric = typeof code === 'number' ? code : Number(code);
    const store = this.storeOrThrow;
    if (Number.isFinite(numeric) && isFailedLeave(numeric)) {
      this.fail({ code: String(numeric), message: explainLeaveReason(numeric) });
    } else {
      clearTimeout(this.joinTimer);
      store.update((s) => statusChanged(s, 'ended', { endReason: code === null ? 'unknown' : String(code) }));
    }
    for (const id of [...this.attached.keys()]) this.detach(id);
    this.orphans.clear();
    store.update(everyoneLeft);
  }

  private onConnectionState(state: string | null): void {
    const store = this.storeOrThrow;
    const status = store.state.status;
    if (this.left || status === 'ended') return;
    switch (state) {
      case 'RECONNECTING':
      case 'DISCONNECTED':
        // Keep participants and tracks: the last frames stay on screen while the SDK reconnects.
        if (this.joined && status === 'live') {
          this.reconnecting = true;
          store.update((s) => statusChanged(s, 'reconnecting'));
        }
        break;
      case 'CONNECTED':
        if (this.reconnecting) {
          this.reconnecting = false;
          store.update((s) => statusChanged(s, 'live'));
          this.reconcile();
        }
        break;
      case 'FAILED':
        this.fail({
          code: 'CONNECTION_FAILED',
          message: 'The connection to VideoSDK failed: check the recorder\'s network access.',
        });
        break;
    }
  }

  private onSdkError(payload: unknown): void {
    if (this.left) return;
    const { code, message } = payloadCode(payload);
    const explained = explainSdkError(code ?? 'UNKNOWN', message);
    if (!this.joined || (code !== null && isFatalSdkError(code))) {
      this.fail(explained);
    } else {
      this.warnOnce(`error:${explained.code}`, `VideoSDK error ${explained.code}: ${explained.message} The recording goes on.`);
    }
  }

  // Participants

  private onParticipantJoined(payload: unknown): void {
    const id = payloadParticipantId(payload);
    if (id === null) return;
    const fromMap = this.meeting?.participants.get(id);
    if (fromMap) this.add(fromMap);
    else if (typeof payload === 'object' && payload !== null && typeof (payload as SdkParticipant).on === 'function') {
      this.add(payload as SdkParticipant);
    }
  }

  private onModeChanged(payload: unknown): void {
    const id = payloadParticipantId(payload);
    if (id === null || this.isRecorder(id)) return;
    const mode = payloadString(payload, 'mode');
    const participant = this.meeting?.participants.get(id);
    if (isShownMode(mode ?? participant?.mode)) {
      if (participant && !this.attached.has(id)) this.add(participant, mode);
    } else {
      const attached = this.attached.get(id);
      this.remove(id);
      // Still in the meeting: stop what was consumed of them, so consumption matches the screen.
      if (attached && (attached.video || attached.mic)) this.orphans.set(id, attached);
      this.reconcile();
    }
  }

  /** Shows a participant (if their mode is shown) and follows their media. */
  private add(participant: SdkParticipant, mode: string | null = null): void {
    const id = participant.id;
    if (typeof id !== 'string' || participant.local || this.isRecorder(id)) return;
    if (!isShownMode(mode ?? participant.mode)) return;
    const store = this.storeOrThrow;
    if (this.attached.has(id)) {
      store.update((s) => mediaPatched(s, id, this.flagsOf(participant)));
      return;
    }
    const listeners: Array<readonly [ParticipantEventName, (payload: unknown) => void]> = [
      ['stream-enabled', (payload) => this.onStream(id, payload, true)],
      ['stream-disabled', (payload) => this.onStream(id, payload, false)],
      ['media-status-changed', (payload) => this.onMediaStatus(id, payload)],
    ];
    for (const [event, listener] of listeners) participant.on(event, listener);
    const orphan = this.orphans.get(id);
    this.orphans.delete(id);
    this.attached.set(id, {
      sdk: participant,
      listeners,
      video: orphan?.video ?? false,
      mic: orphan?.mic ?? false,
      videoOp: orphan?.videoOp ?? 0,
      micOp: orphan?.micOp ?? 0,
      pending: orphan?.pending ?? 0,
      viewport: null,
      videoQuality: null,
      shareQuality: null,
    });
    const tracks: MediaPatch = {};
    for (const stream of participant.streams?.values() ?? []) Object.assign(tracks, this.trackPatch(stream, true));
    store.update((s) =>
      participantJoined(s, {
        id,
        displayName: typeof participant.displayName === 'string' ? participant.displayName : '',
        ...this.flagsOf(participant),
        ...tracks,
      }),
    );
    this.syncMirrors();
    this.reconcile();
  }

  private remove(id: string): void {
    this.detach(id);
    this.storeOrThrow.update((s) => participantLeft(s, id));
  }

  /** Stops listening to a participant and forgets what was consumed (the SDK drops their consumers). */
  private detach(id: string): void {
    const attached = this.attached.get(id);
    if (!attached) return;
    for (const [event, listener] of attached.listeners) {
      settle(() => attached.sdk.off(event, listener), () => undefined);
    }
    this.attached.delete(id);
  }

  private flagsOf(participant: SdkParticipant): MediaPatch {
    return {
      webcamOn: participant.webcamOn === true,
      micOn: participant.micOn === true,
      screenShareOn: participant.screenShareOn === true,
    };
  }

  // Media

  private trackPatch(stream: SdkStream, enabled: boolean): MediaPatch {
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

  private onStream(id: string, payload: unknown, enabled: boolean): void {
    const attached = this.attached.get(id);
    const stream = asStream(payload);
    if (!attached || !stream) return;
    const store = this.storeOrThrow;
    if (enabled) {
      // A new consumer starts at the SDK's defaults: hints are sent again for it.
      if (stream.kind === 'video') {
        attached.viewport = null;
        attached.videoQuality = null;
      } else if (stream.kind === 'share') {
        attached.shareQuality = null;
      }
      store.update((s) => mediaPatched(s, id, this.trackPatch(stream, true)));
      this.reconcile();
      return;
    }
    const current = store.state.participants.get(id);
    const field = ({ video: 'videoTrack', audio: 'audioTrack', share: 'shareTrack', shareAudio: 'shareAudioTrack' } as const)[
      stream.kind
    ];
    // Only clear the track this stream carried: a newer stream may already have replaced it.
    if (current && current[field] !== stream.track) return;
    store.update((s) => mediaPatched(s, id, { ...this.trackPatch(stream, false), ...this.flagsOf(attached.sdk) }));
  }

  private onMediaStatus(id: string, payload: unknown): void {
    const attached = this.attached.get(id);
    if (!attached) return;
    const status = payloadMediaStatus(payload);
    const flags = this.flagsOf(attached.sdk);
    const on = status?.on;
    const patch: MediaPatch = {
      webcamOn: status?.kind === 'video' && on !== undefined ? on : flags.webcamOn,
      micOn: status?.kind === 'audio' && on !== undefined ? on : flags.micOn,
      screenShareOn: status?.kind === 'share' && on !== undefined ? on : flags.screenShareOn,
    };
    this.storeOrThrow.update((s) => mediaPatched(s, id, patch));
  }

  // Speaker, presenter, pins

  private onSpeaker(id: string | null): void {
    this.speakerId = id;
    const shown = id !== null && this.attached.has(id) ? id : null;
    this.storeOrThrow.update((s) => speakerChanged(s, shown, performance.now()));
  }

  private onPresenter(id: string | null): void {
    this.presenterId = id;
    this.storeOrThrow.update((s) => presenterChanged(s, id !== null && this.attached.has(id) ? id : null));
  }

  private onPin(payload: unknown): void {
    const pin = payloadPin(payload);
    if (!pin) {
      this.warnOnce('pin-payload', 'ignored a pin-state-changed event without a participant id and state.');
      return;
    }
    const previous = this.pins.get(pin.participantId) ?? { cam: false, share: false };
    const next = { cam: pin.cam ?? previous.cam, share: pin.share ?? previous.share };
    if (next.cam || next.share) this.pins.set(pin.participantId, next);
    else this.pins.delete(pin.participantId);
    this.syncMirrors();
  }

  /** Re-applies the SDK's speaker, presenter and pins once the people they name are shown. */
  private syncMirrors(): void {
    const store = this.storeOrThrow;
    const pins: Pin[] = [...this.pins].map(([participantId, p]) => ({ participantId, cam: p.cam, share: p.share }));
    store.update((s) => pinsReplaced(s, pins));
    const presenter = this.presenterId !== null && this.attached.has(this.presenterId) ? this.presenterId : null;
    store.update((s) => presenterChanged(s, presenter));
    const speaker = this.speakerId;
    if (speaker !== null && this.attached.has(speaker) && store.state.activeSpeakerId !== speaker) {
      store.update((s) => speakerChanged(s, speaker, performance.now()));
    }
  }

  // Consumption: cost grows with what is on screen

  /** Brings consumption and quality hints in line with the last demand; sends only what changed. */
  private reconcile(): void {
    if (!this.joined || this.reconnecting || this.left || this.stopped || !this.store) return;
    const options = this.effectiveOptions();
    const demand = this.lastDemand;
    for (const [id, attached] of this.attached) {
      const wantVideo = options.mode !== 'audio' && demand.video.has(id);
      const wantMic = demand.audio.has(id);
      if (wantVideo !== attached.video) this.consumeVideo(id, attached, wantVideo);
      if (wantMic !== attached.mic) this.consumeMic(id, attached, wantMic);
      this.hint(id, attached, options.quality, wantVideo ? demand.tileSizes.get(id) : undefined);
    }
    for (const [id, orphan] of this.orphans) {
      if (!orphan.video && !orphan.mic && orphan.pending === 0) this.orphans.delete(id);
      if (orphan.video) this.consumeVideo(id, orphan, false);
      if (orphan.mic) this.consumeMic(id, orphan, false);
    }
  }

  private consumeVideo(id: string, attached: Attached, want: boolean): void {
    attached.video = want;
    const op = ++attached.videoOp;
    if (!want) {
      attached.viewport = null;
      attached.videoQuality = null;
      // Off screen: the track is no longer shown, whether or not the SDK says stream-disabled.
      this.storeOrThrow.update((s) => mediaPatched(s, id, { videoTrack: undefined }));
    }
    attached.pending += 1;
    settle(
      () => (want ? attached.sdk.consumeWebcamStreams() : attached.sdk.stopConsumingWebcamStreams()),
      (error) => {
        if (attached.videoOp === op) {
          attached.video = !want;
          if (!want) this.restoreTrack(id, attached, 'video');
        }
        this.scheduleRetry();
        this.warnOnce(`consume-video:${want}`, `could not ${want ? 'receive' : 'stop receiving'} a camera (${String(error)}); retrying.`);
      },
      () => {
        attached.pending -= 1;
      },
    );
  }

  private consumeMic(id: string, attached: Attached, want: boolean): void {
    attached.mic = want;
    const op = ++attached.micOp;
    if (!want) this.storeOrThrow.update((s) => mediaPatched(s, id, { audioTrack: undefined }));
    attached.pending += 1;
    settle(
      () => (want ? attached.sdk.consumeMicStreams() : attached.sdk.stopConsumingMicStreams()),
      (error) => {
        if (attached.micOp === op) {
          attached.mic = !want;
          if (!want) this.restoreTrack(id, attached, 'audio');
        }
        this.scheduleRetry();
        this.warnOnce(`consume-mic:${want}`, `could not ${want ? 'receive' : 'stop receiving'} a microphone (${String(error)}); retrying.`);
      },
      () => {
        attached.pending -= 1;
      },
    );
  }

  /** After a failed consume/stop call, tries once more a second later (or on reconnect). */
  private scheduleRetry(): void {
    if (this.retryTimer !== undefined || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.reconcile();
    }, RETRY_DELAY_MS);
  }

  /** A stop that failed leaves the stream flowing: show its track again (it was dropped optimistically). */
  private restoreTrack(id: string, attached: Attached, kind: 'video' | 'audio'): void {
    if (this.attached.get(id) !== attached) return;
    for (const stream of attached.sdk.streams.values()) {
      if (stream.kind === kind) this.storeOrThrow.update((s) => mediaPatched(s, id, this.trackPatch(stream, true)));
    }
  }

  /** Quality and viewport hints, sent once per stream and again only when they change. */
  private hint(id: string, attached: Attached, quality: Quality, tile: { width: number; height: number } | undefined): void {
    const participant = this.storeOrThrow.state.participants.get(id);
    if (!participant) return;
    if (participant.videoTrack && attached.video) {
      if (attached.videoQuality !== quality) {
        attached.videoQuality = quality;
        settle(() => attached.sdk.setQuality(quality), () => undefined);
      }
      if (tile && tile.width > 0 && tile.height > 0) {
        const width = Math.round(tile.width);
        const height = Math.round(tile.height);
        const key = `${width}x${height}`;
        if (attached.viewport !== key) {
          attached.viewport = key;
          settle(() => attached.sdk.setViewPort(width, height), () => undefined);
        }
      }
    }
    if (participant.shareTrack && attached.shareQuality !== quality) {
      attached.shareQuality = quality;
      settle(() => attached.sdk.setScreenShareQuality(quality), () => undefined);
    }
  }

  // Live layout changes (PubSub)

  private subscribeLayout(meeting: SdkMeeting): void {
    if (this.subscribed) return;
    this.subscribed = true;
    settle(
      () => meeting.pubSub.subscribe(RECORDING_LAYOUT_TOPIC, this.layoutListeners),
      (error) => {
        this.subscribed = false;
        this.warnOnce('pubsub', `live layout changes are unavailable: subscribing to ${RECORDING_LAYOUT_TOPIC} failed (${String(error)}).`);
      },
    );
  }

  /** Persisted messages, oldest first: folded into one change (the newest wins per option). */
  private onOldLayouts(messages: readonly PubSubMessage[]): void {
    if (this.stopped || this.left || this.liveLayoutSeen || !Array.isArray(messages)) return;
    const combined: Partial<RecordingOptions> = {};
    for (const message of messages) Object.assign(combined, this.readLayout(message));
    this.applyOverrides(combined);
  }

  private onLiveLayout(message: PubSubMessage): void {
    if (this.stopped || this.left) return;
    this.liveLayoutSeen = true;
    this.applyOverrides(this.readLayout(message));
  }

  /** The options in one message; a malformed one is ignored with one warning saying why. */
  private readLayout(message: PubSubMessage): Partial<RecordingOptions> {
    const text = typeof message?.message === 'string' ? message.message : null;
    const from = typeof message?.senderId === 'string' ? ` from ${message.senderId}` : '';
    if (text === null) {
      console.warn(`Recording template: ignored a ${RECORDING_LAYOUT_TOPIC} message${from}: it has no text.`);
      return {};
    }
    const parsed = parseLayoutMessage(text);
    if (!parsed.ok) {
      console.warn(`Recording template: ignored a ${RECORDING_LAYOUT_TOPIC} message${from}: ${parsed.error}.`);
      return {};
    }
    if (parsed.warnings.length > 0) {
      console.warn(
        `Recording template: in a ${RECORDING_LAYOUT_TOPIC} message${from}: ${parsed.warnings.map((w) => w.message).join(' ')}`,
      );
    }
    return parsed.options;
  }

  private applyOverrides(options: Partial<RecordingOptions>): void {
    if (Object.keys(options).length === 0) return;
    this.storeOrThrow.update((s) => optionsOverridden(s, options));
    this.reconcile();
  }
}

/**
 * Loads the SDK as its own chunk. Rejects with an Error when it cannot be loaded; pass the promise
 * straight to `new VideoSdkSource(params, loadVideoSdk())` and `start()` turns that into an error frame.
 */
export async function loadVideoSdk(): Promise<VideoSdkLike> {
  const loaded: unknown = await import('@videosdk.live/js-sdk');
  const sdk = pickVideoSdk(loaded);
  if (!sdk) throw new Error('the @videosdk.live/js-sdk module has no VideoSDK export');
  return sdk;
}

function isVideoSdkLike(value: unknown): value is VideoSdkLike {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const candidate = value as Partial<VideoSdkLike>;
  return typeof candidate.config === 'function' && typeof candidate.initMeeting === 'function';
}

/** The VideoSDK export of the SDK module, whether the bundler exposes it named or under `default`. */
export function pickVideoSdk(module: unknown): VideoSdkLike | null {
  if (typeof module !== 'object' || module === null) return null;
  const named = (module as { VideoSDK?: unknown }).VideoSDK;
  if (isVideoSdkLike(named)) return named;
  const fallback = (module as { default?: { VideoSDK?: unknown } }).default?.VideoSDK;
  return isVideoSdkLike(fallback) ? fallback : null;
}
