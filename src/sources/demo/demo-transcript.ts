/**
 * Simulated real-time transcription: whoever speaks produces words about three times a second
 * (interim results that grow), then the final sentence, as VideoSDK's transcription delivers them.
 */
import type { MeetingState } from '../../meeting/state.js';
import type { CaptionInput } from '../../overlay/overlay-reducer.js';
import type { Random } from './demo-random.js';

/** One result every this many ms: three a second. */
export const TRANSCRIPT_TICK_MS = 333;

/** What the simulated speakers say (several scripts, so captions show every font path). */
export const DEMO_SENTENCES: readonly string[] = [
  'Thanks everyone for joining, let us get started with the quarterly numbers.',
  'The new recording template keeps the layout steady when speakers alternate.',
  'Could you share the slide with the timeline for the launch?',
  'Revenue grew twelve percent, mostly from the new regions 🚀',
  'Gracias a todos, la próxima reunión es el martes a las diez.',
  '我们下周一之前完成测试。',
  'شكراً لكم، سنرسل الملخص بعد الاجتماع.',
  'I think we should ask the agent to summarise the action items.',
  'Let us take questions from the audience now.',
  'Das Protokoll schicke ich heute Nachmittag an alle.',
];

/** What the transcript needs from the meeting it runs in. */
export interface TranscriptHost {
  state(): MeetingState | undefined;
  caption(input: CaptionInput): void;
}

/** Produces transcription results for the active speaker while it is on. */
export class DemoTranscript {
  private timer?: ReturnType<typeof setInterval>;
  private speakerId: string | null = null;
  private words: readonly string[] = [];
  private separator = ' ';
  private said = 0;

  constructor(
    private readonly random: Random,
    private readonly host: TranscriptHost,
  ) {}

  /** Whether results are being produced. */
  get on(): boolean {
    return this.timer !== undefined;
  }

  /** Starts or stops producing results. */
  set(on: boolean): void {
    if (on && !this.timer) this.timer = setInterval(() => this.tick(), TRANSCRIPT_TICK_MS);
    if (!on && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private tick(): void {
    const state = this.host.state();
    const speaker = state?.activeSpeakerId ? state.participants.get(state.activeSpeakerId) : undefined;
    if (!speaker || !speaker.micOn) {
      this.speakerId = null;
      return;
    }
    if (speaker.id !== this.speakerId || this.said > this.words.length) {
      this.speakerId = speaker.id;
      const sentence = DEMO_SENTENCES[Math.floor(this.random() * DEMO_SENTENCES.length)]!;
      // CJK has no spaces: it grows a few characters at a time instead of a word at a time.
      this.separator = /\s/.test(sentence) ? ' ' : '';
      this.words = this.separator ? sentence.split(' ') : (sentence.match(/.{1,3}/gu) ?? [sentence]);
      this.said = 0;
    }
    this.said += 1;
    const final = this.said >= this.words.length;
    const text = this.words.slice(0, this.said).join(this.separator);
    this.host.caption({ speakerId: speaker.id, speakerName: speaker.displayName, text, final, at: performance.now() });
    if (final) this.said += 1;
  }
}
