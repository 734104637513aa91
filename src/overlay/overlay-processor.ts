/**
 * The overlay's processing, loaded with its reducers on first use: each message and transcription
 * result folded into one pending overlay, written to the store at most every FLUSH_MS, so a flood
 * costs a bounded amount of work and memory (the newest wins).
 */
import { MalformedWarnings } from '../config/malformed-warnings.js';
import { EMPTY_OVERLAY, type Overlay } from '../meeting/overlay.js';
import { overlayChanged } from '../meeting/state.js';
import type { MeetingStore } from '../meeting/store.js';
import { type CaptionInput, type TopicInput, applyCaption, readTopicMessage } from './overlay-reducer.js';

/** The store is written at most this often (ms). */
export const FLUSH_MS = 50;
/** A repeated transcription result (VideoSDK hands an agent's to every agent) within this window is dropped. */
const DUPLICATE_WINDOW_MS = 1500;

/** One thing to fold into the overlay. */
export type OverlayItem = { readonly kind: 'message'; readonly input: TopicInput } | { readonly kind: 'caption'; readonly input: CaptionInput };

/** Folds items into the store's overlay. */
export class OverlayProcessor {
  private stopped = false;
  private pending?: Overlay;
  private flushTimer?: ReturnType<typeof setTimeout>;
  private readonly malformed = new MalformedWarnings('graphics messages');
  private readonly recentCaptions: Array<{ readonly key: string; readonly at: number }> = [];

  /** `chat`: whether CHAT messages become toasts. */
  constructor(
    private readonly store: MeetingStore,
    private readonly chat: boolean,
  ) {}

  take(item: OverlayItem): void {
    if (this.stopped) return;
    const base = this.pending ?? this.store.state.overlay ?? EMPTY_OVERLAY;
    if (item.kind === 'caption') {
      if (this.isRepeat(item.input)) return;
      this.pending = applyCaption(base, item.input);
    } else {
      const reading = readTopicMessage(item.input, this.chat);
      if (!reading.ok) {
        this.warnMalformed(item.input, reading.error);
        return;
      }
      this.pending = reading.apply(base);
    }
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.flushTimer);
    this.pending = undefined;
  }

  private flush(): void {
    this.flushTimer = undefined;
    const overlay = this.pending;
    this.pending = undefined;
    if (overlay && !this.stopped) this.store.update((state) => overlayChanged(state, overlay));
  }

  private warnMalformed(input: TopicInput, error: string): void {
    const from = input.senderId ? ` from ${input.senderId}` : '';
    this.malformed.warn(`Recording template: ignored a ${input.topic} message${from}: ${error}.`);
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
