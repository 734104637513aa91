/**
 * Where both sources hand live graphics messages and transcription results. Only this inbox loads
 * with the page: it holds what arrives (bounded) while the processing code loads on the first item,
 * then passes everything on to it.
 */
import type { MeetingStore } from '../meeting/store.js';
import type { CaptionInput, TopicInput } from './overlay-reducer.js';
import type { OverlayItem, OverlayProcessor } from './overlay-processor.js';

/** Held while the processing code loads: all of a join's history, and the newest live items. */
const MAX_BUFFERED_HISTORY = 1000;
const MAX_BUFFERED_LIVE = 64;

/** What the feed does with what arrives. */
export interface OverlayFeedOptions {
  /** Whether transcription results become captions. */
  readonly captions: boolean;
  /** Whether CHAT messages become toasts. */
  readonly chat: boolean;
  /** Loads the processing code (tests pass it directly). */
  readonly load?: () => Promise<typeof import('./overlay-processor.js')>;
}

const isHistory = (item: OverlayItem): boolean => item.kind === 'message' && item.input.history;

/** Feeds a store's overlay from messages and captions. */
export class OverlayFeed {
  private processor?: OverlayProcessor;
  private loading = false;
  private failed = false;
  private stopped = false;
  private buffered: OverlayItem[] = [];

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
    if (this.options.captions) this.take({ kind: 'caption', input });
  }

  /** Stops writing to the store (the meeting is over). */
  stop(): void {
    this.stopped = true;
    this.buffered = [];
    this.processor?.stop();
  }

  private take(item: OverlayItem): void {
    if (this.stopped || this.failed) return;
    if (this.processor) return this.processor.take(item);
    this.buffered.push(item);
    const history = this.buffered.filter(isHistory);
    if (history.length > MAX_BUFFERED_HISTORY || this.buffered.length - history.length > MAX_BUFFERED_LIVE) {
      const kept = new Set([...history.slice(-MAX_BUFFERED_HISTORY), ...this.buffered.filter((i) => !isHistory(i)).slice(-MAX_BUFFERED_LIVE)]);
      this.buffered = this.buffered.filter((i) => kept.has(i));
    }
    if (!this.loading) void this.loadProcessor();
  }

  private async loadProcessor(): Promise<void> {
    this.loading = true;
    let processor: OverlayProcessor;
    try {
      const { OverlayProcessor } = await (this.options.load ?? (() => import('./overlay-processor.js')))();
      if (this.stopped) return;
      processor = new OverlayProcessor(this.store, this.options.chat);
    } catch (error) {
      this.failed = true;
      this.buffered = [];
      console.warn(`Recording template: the live graphics code did not load (${String(error)}); graphics and captions are not shown.`);
      return;
    }
    const items = this.buffered;
    this.buffered = [];
    this.processor = processor;
    for (const item of items) processor.take(item);
  }
}
