/** The interface every meeting source (simulated or VideoSDK) implements. */
import type { MeetingStore } from './store.js';

/** What the page currently needs from the source, so cost grows with what is on screen. */
export interface MediaDemand {
  /** Participants whose webcam video is on screen. */
  readonly video: ReadonlySet<string>;
  /** Participants whose screen share is on screen. */
  readonly share: ReadonlySet<string>;
  /** Participants whose audio must be heard (everyone shown or heard: all of them, in practice). */
  readonly audio: ReadonlySet<string>;
  /** Pixel size of each video tile on screen, by participant id, for quality/viewport hints. */
  readonly tileSizes: ReadonlyMap<string, { width: number; height: number }>;
}

/** Feeds a MeetingStore from a meeting. */
export interface MeetingSource {
  /** Starts feeding `store`. Failures are reported into the store (status `error`), never thrown. */
  start(store: MeetingStore): Promise<void>;
  /** Tells the source what is on screen; it consumes (or synthesises) only that media. */
  demand(demand: MediaDemand): void;
  /** Leaves the meeting and releases every track. */
  stop(): void;
}
