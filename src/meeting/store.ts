/** The one place the current MeetingState lives; sources write it, the app element reads it. */
import { type MeetingState, emptyMeeting } from './state.js';

/** A listener called after each change with the new state. */
export type MeetingListener = (state: MeetingState) => void;

/** Holds the meeting state and notifies subscribers of each change. */
export class MeetingStore {
  private current: MeetingState;
  private readonly listeners = new Set<MeetingListener>();

  constructor(initial: MeetingState = emptyMeeting()) {
    this.current = initial;
  }

  get state(): MeetingState {
    return this.current;
  }

  /** Applies a pure transition; listeners run only if the state actually changed. */
  update(transition: (state: MeetingState) => MeetingState): void {
    const updated = transition(this.current);
    if (updated === this.current) return;
    this.current = updated;
    for (const listener of this.listeners) listener(updated);
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: MeetingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
