/**
 * Where both sources hand live graphics messages and transcription lines: it loads the reducers on
 * the first one, folds whatever arrives into one pending overlay and writes it to the store at most
 * every FLUSH_MS, so a flood costs a bounded amount of work and memory (the newest wins).
 */
import { EMPTY_OVERLAY, type Overlay } from '../meeting/overlay.js';
import { overlayChanged } from '../meeting/state.js';
import type { MeetingStore } from '../meeting/store.js';
import type { CaptionInput, TopicInput } from './overlay-reducer.js';

type Reducers = typeof import('./overlay-reducer.js');

/** The store is written at most this often (ms). */
export const FLUSH_MS = 50;
/** Messages held while the reducers load: all of a join's history, and the newest live ones. */
const MAX_BUFFERED_HISTORY = 1000;
const MAX_BUFFERED_LIVE = 64;
/** Malformed messages warned about one by one, then once more to say the rest are not. */
const MAX_WARNINGS = 10;
/** A repeated transcription result (VideoSDK hands an agent's to every agent) within this window is dropped. */
const DUPLICATE_WINDOW_MS = 1500;

/** What the feed does with what arrives. */
export interface OverlayFeedOptions {
  /** Whether transcription lines become captions. */
  readonly captions: boolean;
  /** Whether CHAT messages become toasts. */
  readonly chat: boolean;
  /** Loads the reducers (tests pass them directly). */
  readonly load?: () => Promise<Reducers>;
}

type Item = { readonly kind: 'message'; readonly input: TopicInput } | { readonly kind: 'caption'; readonly input: CaptionInput };

/** Feeds a store's overlay from messages and captions. */
export class OverlayFeed {
  private reducers?: Reducers;
  private loading?: Promise<void>;
  private failed = false;
  private stopped = false;
  private buffered: Item[] = [];
  private pending?: Overlay;
  private flushTimer?: ReturnType<typeof setTimeout>;
  private warnings = 0;
  private readonly recentCaptions: Array<{ readonly key: string; readonly at: number }> = [];

  constructor(
    private readonly store: MeetingStore,
    private readonly options: OverlayFeedOptions,
  ) {}

  /** A PubSub message on one of the overlay topics. */
  message(input: TopicInput): void {
    this.take({ kind: 'message', input });
  }

  /** A transcription result (ignored unless captions are on). */
  caption(input: CaptionInput): void {
    if (!this.options.captions || this.isRepeat(input)) return;
    this.take({ kind: 'caption', input });
  }

  /** Stops writing to the store (the meeting is over). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.flushTimer);
    this.buffered = [];
    this.pending = undefined;
  }

  private take(item: Item): void {
    if (this.stopped || this.failed) return;
    if (this.reducers) {
      this.reduce(item);
      return;
    }
    this.buffer(item);
    this.loading ??= this.loadReducers();
  }

  private buffer(item: Item): void {
    this.buffered.push(item);
    const history = this.buffered.filter((i) => i.kind === 'message' && i.input.history);
    const live = this.buffered.filter((i) => !(i.kind === 'message' && i.input.history));
    if (history.length > MAX_BUFFERED_HISTORY || live.length > MAX_BUFFERED_LIVE) {
      const keptLive = new Set(live.slice(-MAX_BUFFERED_LIVE));
      const keptHistory = new Set(history.slice(-MAX_BUFFERED_HISTORY));
      this.buffered = this.buffered.filter((i) => keptLive.has(i) || keptHistory.has(i));
    }
  }

  private async loadReducers(): Promise<void> {
    try {
      this.reducers = await (this.options.load ?? (() => import('./overlay-reducer.js')))();
    } catch (error) {
      this.failed = true;
      this.buffered = [];
      console.warn(`Recording template: the live graphics code did not load (${String(error)}); graphics and captions are not shown.`);
      return;
    }
    const items = this.buffered;
    this.buffered = [];
    for (const item of items) this.reduce(item);
  }

  private reduce(item: Item): void {
    if (this.stopped) return;
    const reducers = this.reducers!;
    const base = this.pending ?? this.store.state.overlay ?? EMPTY_OVERLAY;
    if (item.kind === 'caption') {
      this.pending = reducers.applyCaption(base, item.input);
    } else {
      const reading = reducers.readTopicMessage(item.input, this.options.chat);
      if (!reading.ok) {
        this.warnMalformed(item.input, reading.error);
        return;
      }
      this.pending = reading.apply(base);
    }
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const overlay = this.pending;
    this.pending = undefined;
    if (overlay && !this.stopped) this.store.update((state) => overlayChanged(state, overlay));
  }

  private warnMalformed(input: TopicInput, error: string): void {
    this.warnings += 1;
    if (this.warnings > MAX_WARNINGS + 1) return;
    if (this.warnings === MAX_WARNINGS + 1) {
      console.warn(`Recording template: more malformed graphics messages arrived; they are ignored without a warning each.`);
      return;
    }
    const from = input.senderId ? ` from ${input.senderId}` : '';
    console.warn(`Recording template: ignored a ${input.topic} message${from}: ${error}.`);
  }

  private isRepeat(input: CaptionInput): boolean {
    const key = `${input.speakerId}\u0000${input.final ? 'f' : 'i'}\u0000${input.text}`;
    const recent = this.recentCaptions;
    while (recent.length > 0 && input.at - recent[0]!.at > DUPLICATE_WINDOW_MS) recent.shift();
    if (recent.some((r) => r.key === key)) return true;
    recent.push({ key, at: input.at });
    if (recent.length > 16) recent.shift();
    return false;
  }
}
