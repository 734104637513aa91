/** Automatic speaking turns of the simulated meeting: a seeded random participant with the mic on speaks next. */
import type { MeetingState } from '../../meeting/state.js';
import { type Random, randomInt } from './demo-random.js';

/** What the turns need from the meeting they run in. */
export interface TurnHost {
  /** Whether the meeting runs (started, not stopped). */
  running(): boolean;
  state(): MeetingState | undefined;
  /** Makes a participant the active speaker. */
  speak(participantId: string): void;
}

/** Hands the floor around on a timer while automatic speaking is on. */
export class SpeakingTurns {
  private timer?: ReturnType<typeof setTimeout>;

  /** `random` is a stream of its own, so names do not depend on how long the meeting has run. */
  constructor(
    private readonly random: Random,
    private readonly turnMs: { readonly min: number; readonly max: number },
    private auto: boolean,
    private readonly host: TurnHost,
  ) {}

  /** Whether speakers take turns automatically. */
  get on(): boolean {
    return this.auto;
  }

  /** Turns automatic speaking on or off (restarting the timer). */
  set(on: boolean): void {
    this.auto = on;
    this.clear();
    if (on) this.schedule();
  }

  /** Starts the timer for the next turn, unless one is pending or turns are off. */
  schedule(): void {
    if (!this.host.running() || !this.auto || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.take();
      this.schedule();
    }, randomInt(this.random, this.turnMs.min, this.turnMs.max));
  }

  /** Cancels the pending turn. */
  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Hands the floor to a seeded random participant with the mic on (someone else when possible). */
  take(): void {
    const state = this.host.state();
    if (!state || !this.host.running()) return;
    const withMic = [...state.participants.values()].filter((p) => p.micOn);
    const others = withMic.filter((p) => p.id !== state.activeSpeakerId);
    const pool = others.length > 0 ? others : withMic;
    const next = pool[Math.floor(this.random() * pool.length)];
    if (next) this.host.speak(next.id);
  }
}
