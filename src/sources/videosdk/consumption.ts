/**
 * What the recorder receives of each participant: which webcam and mic streams are consumed, the
 * calls still in flight, retries after a failed call, and the quality/viewport hints already sent.
 * Only what changed reaches the SDK, so the cost of a recording follows what is on screen.
 */
import type { Quality, RecordingOptions } from '../../config/options.js';
import type { MediaDemand } from '../../meeting/source.js';
import type { MeetingState } from '../../meeting/state.js';
import { markPhase } from '../../meeting/phases.js';
import type { SdkParticipant } from './videosdk-types.js';

/** What the page wants of one participant right now. */
export interface Want {
  readonly video: boolean;
  readonly mic: boolean;
  /** The tile's size on screen, for the viewport hint (only while video is wanted). */
  readonly tile?: { readonly width: number; readonly height: number } | undefined;
  /** Whether a webcam / share track is shown now: hints are only worth sending for those. */
  readonly showsVideo: boolean;
  readonly showsShare: boolean;
}

/** What the page wants of each shown participant, from the app's last demand and the options in force. */
export function wantsOf(ids: Iterable<string>, state: MeetingState, demand: MediaDemand, options: RecordingOptions): Map<string, Want> {
  const wants = new Map<string, Want>();
  for (const id of ids) {
    const shown = state.participants.get(id);
    const video = options.mode !== 'audio' && demand.video.has(id);
    wants.set(id, {
      video,
      mic: demand.audio.has(id),
      tile: video ? demand.tileSizes.get(id) : undefined,
      showsVideo: shown?.videoTrack !== undefined,
      showsShare: shown?.shareTrack !== undefined,
    });
  }
  return wants;
}

/** How the bookkeeping reaches the rest of the source. */
export interface ConsumptionHooks {
  /** A stream is no longer wanted: stop showing its track at once (whether or not the SDK says so). */
  dropTrack(id: string, kind: 'video' | 'audio'): void;
  /** A stop call failed, so the stream still flows: show its track again. */
  restoreTrack(id: string, sdk: SdkParticipant, kind: 'video' | 'audio'): void;
  /** Called a second after a failed call: the source reconciles again. */
  retry(): void;
  warnOnce(key: string, text: string): void;
}

/** One participant's consumption state. */
interface Consumer {
  sdk: SdkParticipant;
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

/** How long a failed consume or stop call waits before the retry (ms), unless the source says otherwise. */
export const RETRY_DELAY_MS = 1_000;

/** Routes a call's rejection into `onError` (the SDK rejects consume calls while reconnecting). */
export function settle(run: () => Promise<unknown> | void, onError: (error: unknown) => void, onDone?: () => void): void {
  try {
    const result = run();
    if (result instanceof Promise) result.catch(onError).finally(onDone);
    else onDone?.();
  } catch (error) {
    onError(error);
    onDone?.();
  }
}

/** The consumption bookkeeping of every participant the recorder shows or still receives. */
export class Consumption {
  private readonly consumers = new Map<string, Consumer>();
  /** People no longer shown (now viewers) whose media is still consumed: stopped on the next reconcile. */
  private readonly orphans = new Map<string, Consumer>();
  private retryTimer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(
    private readonly hooks: ConsumptionHooks,
    private readonly retryDelayMs: number = RETRY_DELAY_MS,
  ) {}

  /** Starts following a participant, or moves the bookkeeping to a new SDK object for the same id. */
  follow(id: string, sdk: SdkParticipant): void {
    const known = this.consumers.get(id);
    if (known) {
      known.sdk = sdk;
      return;
    }
    const orphan = this.orphans.get(id);
    this.orphans.delete(id);
    this.consumers.set(id, orphan ? { ...orphan, sdk } : blankConsumer(sdk));
  }

  /** Stops following a participant; if they are still in the meeting, what flows is stopped next time. */
  forget(id: string, stillInMeeting: boolean): void {
    const consumer = this.consumers.get(id);
    this.consumers.delete(id);
    if (!stillInMeeting) this.orphans.delete(id);
    else if (consumer && (consumer.video || consumer.mic)) this.orphans.set(id, consumer);
  }

  /** The SDK re-joined: it closed its receive transport, so nothing is consumed and no hint holds. */
  reset(): void {
    // Calls still in flight settle on the old records, so they cannot revert the new ones.
    for (const [id, consumer] of this.consumers) this.consumers.set(id, blankConsumer(consumer.sdk));
    this.orphans.clear();
  }

  /** A new consumer starts at the SDK's defaults: its hints are sent again. */
  streamStarted(id: string, kind: string): void {
    const consumer = this.consumers.get(id);
    if (!consumer) return;
    if (kind === 'video') {
      consumer.viewport = null;
      consumer.videoQuality = null;
    } else if (kind === 'share') {
      consumer.shareQuality = null;
    }
  }

  /** Whether the webcam / mic of `id` is consumed (or being consumed). */
  consumes(id: string): { video: boolean; mic: boolean } {
    const consumer = this.consumers.get(id);
    return { video: consumer?.video ?? false, mic: consumer?.mic ?? false };
  }

  /** Brings consumption and hints in line with what the page wants; sends only what changed. */
  reconcile(wants: ReadonlyMap<string, Want>, quality: Quality): void {
    if (this.stopped) return;
    for (const [id, consumer] of this.consumers) {
      const want = wants.get(id) ?? { video: false, mic: false, showsVideo: false, showsShare: false };
      if (want.video !== consumer.video) this.consume(id, consumer, 'video', want.video);
      if (want.mic !== consumer.mic) this.consume(id, consumer, 'audio', want.mic);
      this.hint(id, consumer, quality, want);
    }
    for (const [id, orphan] of this.orphans) {
      if (!orphan.video && !orphan.mic && orphan.pending === 0) this.orphans.delete(id);
      if (orphan.video) this.consume(id, orphan, 'video', false);
      if (orphan.mic) this.consume(id, orphan, 'audio', false);
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.consumers.clear();
    this.orphans.clear();
  }

  private consume(id: string, consumer: Consumer, kind: 'video' | 'audio', want: boolean): void {
    const video = kind === 'video';
    if (video) consumer.video = want;
    else consumer.mic = want;
    const op = video ? ++consumer.videoOp : ++consumer.micOp;
    if (!want) {
      if (video) {
        consumer.viewport = null;
        consumer.videoQuality = null;
      }
      this.hooks.dropTrack(id, kind);
    }
    const sdk = consumer.sdk;
    if (video && want) markPhase('consume', id);
    consumer.pending += 1;
    settle(
      () =>
        video
          ? want ? sdk.consumeWebcamStreams() : sdk.stopConsumingWebcamStreams()
          : want ? sdk.consumeMicStreams() : sdk.stopConsumingMicStreams(),
      (error) => {
        if ((video ? consumer.videoOp : consumer.micOp) === op) {
          if (video) consumer.video = !want;
          else consumer.mic = !want;
          if (!want && this.consumers.get(id) === consumer) this.hooks.restoreTrack(id, sdk, kind);
        }
        this.scheduleRetry();
        const what = video ? 'a camera' : 'a microphone';
        this.hooks.warnOnce(`consume-${kind}:${want}`, `could not ${want ? 'receive' : 'stop receiving'} ${what} (${String(error)}); retrying.`);
      },
      () => {
        consumer.pending -= 1;
      },
    );
  }

  /** After a failed consume/stop call, reconciles once more a little later. */
  private scheduleRetry(): void {
    if (this.retryTimer !== undefined || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.hooks.retry();
    }, this.retryDelayMs);
  }

  /** Quality and viewport hints, sent once per stream and again only when they change. */
  private hint(id: string, consumer: Consumer, quality: Quality, want: Want): void {
    const sdk = consumer.sdk;
    if (want.showsVideo && consumer.video) {
      if (consumer.videoQuality !== quality) {
        consumer.videoQuality = quality;
        settle(() => sdk.setQuality(receiveQuality(quality)), () => undefined);
      }
      const tile = want.tile;
      if (tile && tile.width > 0 && tile.height > 0) {
        const width = Math.round(tile.width);
        const height = Math.round(tile.height);
        const key = `${width}x${height}`;
        if (consumer.viewport !== key) {
          consumer.viewport = key;
          markPhase('viewport', id);
          settle(() => sdk.setViewPort(width, height), () => undefined);
        }
      }
    }
    if (want.showsShare && consumer.shareQuality !== quality) {
      consumer.shareQuality = quality;
      settle(() => sdk.setScreenShareQuality(receiveQuality(quality)), () => undefined);
    }
  }
}

function blankConsumer(sdk: SdkParticipant): Consumer {
  return { sdk, video: false, mic: false, videoOp: 0, micOp: 0, pending: 0, viewport: null, videoQuality: null, shareQuality: null };
}

/** What to receive for a recording tier: the SDK's best layer is high, ultra included. */
function receiveQuality(quality: Quality): 'low' | 'med' | 'high' {
  return quality === 'ultra' ? 'high' : quality;
}
