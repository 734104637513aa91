/** Run-time controls of the simulated meeting: the source factory hands them to the preview panel (and, for page tests only, to `window.recDemo`). */
import type { AgentState } from '../../meeting/state.js';

/** Who a simulated PubSub message comes from (default: the host app, `host`). */
export interface PublishSender {
  /** A participant id (their display name becomes the sender name) or any id. */
  readonly id?: string;
  readonly name?: string;
}

/** How a simulated transcription result is delivered. */
export interface TranscribeOptions {
  /** False: words still being recognised, replaced by the next result (default true). */
  readonly final?: boolean;
}

/** Controls for the simulated meeting. Unknown participant ids are ignored. */
export interface DemoControls {
  /** Makes a participant the active speaker (null: nobody speaks). */
  speak(participantId: string | null): void;
  /** Pins a participant's camera (pins are kept in pin order). */
  pin(participantId: string): void;
  unpin(participantId: string): void;
  /** Starts a screen share by this participant (stopping any other share). */
  startShare(participantId: string): void;
  stopShare(): void;
  /** Adds a participant; returns the new id (p<N>). */
  join(displayName?: string): string;
  leave(participantId: string): void;
  setCamera(participantId: string, on: boolean): void;
  setMic(participantId: string, on: boolean): void;
  /** Turns automatic simulated speaking (speakers taking turns) on or off. */
  setAutoSpeak(on: boolean): void;
  /**
   * Delivers a PubSub message as a host app publishes it, e.g.
   * `publish('RECORDING_GRAPHICS', JSON.stringify({ banner: { text: 'Live' } }))`, or a `CHAT` line.
   */
  publish(topic: string, message: string, sender?: PublishSender): void;
  /** Delivers a transcription result for a participant, as VideoSDK's `transcription-text` does. */
  transcribe(participantId: string, text: string, options?: TranscribeOptions): void;
  /** Turns the simulated transcription of whoever speaks (three results a second) on or off. */
  setAutoTranscribe(on: boolean): void;
  /** Adds an AI agent; returns its id (a<N>). */
  joinAgent(displayName?: string): string;
  /** Sets an agent's state; `speaking` makes it the active speaker. */
  setAgentState(participantId: string, state: AgentState): void;
}

declare global {
  interface Window {
    /** A test hook: the simulated meeting's controls, present only when the page runs it. Product code never reads it. */
    recDemo?: DemoControls;
  }
}
