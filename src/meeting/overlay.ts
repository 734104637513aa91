/**
 * The overlay part of MeetingState: live graphics (banner, lower third, logo, background), the toast
 * inbox and the current caption. Plain data; the reducers that fill it load on first use.
 */
import type { GraphicsPatch } from '../config/graphics-topics.js';

/**
 * The graphics set live. A key that is absent was never set by a message (the URL's starting value
 * shows); `null` means a message cleared it.
 */
export type LiveGraphics = Omit<GraphicsPatch, 'toast'>;

/** A toast asked for: shown for `durationMs`, after the ones before it. */
export interface ToastRequest {
  /** Increasing: the display queue shows each request once, in this order. */
  readonly seq: number;
  readonly text: string;
  readonly durationMs: number;
  /** `chat` toasts (from the CHAT topic) carry the sender's name and show only with `chat=1`. */
  readonly kind: 'graphic' | 'chat';
  readonly sender?: string;
}

/** The caption on screen: one speaker's latest words. */
export interface Caption {
  /** Increasing: a new speaker starts a new caption (a new element, a fresh fade). */
  readonly seq: number;
  readonly speakerId: string;
  readonly speakerName: string;
  /** Final text so far (its tail, bounded). */
  readonly text: string;
  /** Words still being recognised, replaced by the next interim or final result. */
  readonly interim: string;
  /** When the latest words arrived (ms, `performance.now()`): the caption fades after a silence. */
  readonly updatedAt: number;
}

/** Everything overlaid on the tiles. */
export interface Overlay {
  readonly graphics: LiveGraphics;
  /** The newest toast requests, oldest first (bounded: the newest win). */
  readonly toasts: readonly ToastRequest[];
  /** Toasts up to this seq are withdrawn (`toast: null`), including one on screen. */
  readonly toastsClearedThrough: number;
  readonly caption?: Caption;
  /** The last seq handed to a toast or a caption. */
  readonly sequence: number;
}

/** A caption fades after this long without new words from its speaker; their next words start a new one. */
export const CAPTION_HOLD_MS = 4000;

/** An overlay with nothing on it. */
export const EMPTY_OVERLAY: Overlay = Object.freeze({ graphics: {}, toasts: [], toastsClearedThrough: 0, sequence: 0 });
