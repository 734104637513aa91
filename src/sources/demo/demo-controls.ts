/** Run-time controls of the simulated meeting: used by tests (`window.recDemo`) and the preview panel. */

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
}

declare global {
  interface Window {
    /** The simulated meeting's controls, present only when the page runs the simulated meeting. */
    recDemo?: DemoControls;
  }
}
