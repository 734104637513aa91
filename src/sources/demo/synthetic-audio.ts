/** Synthetic microphones: soft speech-like tones from one shared, lazily created AudioContext. */

/** A participant's synthetic microphone: silent until `setSpeaking(true)`, then a soft speech-like tone. */
export class SyntheticVoice {
  readonly track: MediaStreamTrack;
  private readonly output: MediaStreamAudioDestinationNode;
  private sounding?: { readonly level: GainNode; readonly sources: readonly OscillatorNode[] };

  constructor(
    private readonly ctx: AudioContext,
    private readonly pitchHz: number,
  ) {
    this.output = ctx.createMediaStreamDestination();
    const track = this.output.stream.getAudioTracks()[0];
    if (!track) throw new Error('createMediaStreamDestination() returned no audio track.');
    this.track = track;
  }

  /** Whether the tone is currently sounding. */
  get speaking(): boolean {
    return this.sounding !== undefined;
  }

  /** Starts or fades out the tone; oscillators exist only while speaking, so silent voices cost nothing. */
  setSpeaking(on: boolean): void {
    if (on === this.speaking) return;
    const { ctx } = this;
    const t = ctx.currentTime;
    if (!on) {
      const { level, sources } = this.sounding as NonNullable<typeof this.sounding>;
      this.sounding = undefined;
      level.gain.setTargetAtTime(0, t, 0.04);
      for (const source of sources) source.stop(t + 0.3);
      sources[0]?.addEventListener('ended', () => level.disconnect(), { once: true });
      return;
    }
    // A filtered triangle wave whose loudness follows syllable-rate wobble and whose pitch drifts
    // like intonation: recognisably "someone talking" without being a harsh beep.
    const voice = new OscillatorNode(ctx, { type: 'triangle', frequency: this.pitchHz });
    const filter = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: 900, Q: 0.7 });
    const envelope = new GainNode(ctx, { gain: 0.5 });
    const syllables = new OscillatorNode(ctx, { type: 'sine', frequency: 4.3 });
    const syllableDepth = new GainNode(ctx, { gain: 0.35 });
    const phrases = new OscillatorNode(ctx, { type: 'sine', frequency: 0.9 });
    const phraseDepth = new GainNode(ctx, { gain: 0.15 });
    const intonation = new OscillatorNode(ctx, { type: 'sine', frequency: 0.6 });
    const intonationDepth = new GainNode(ctx, { gain: this.pitchHz * 0.06 });
    const level = new GainNode(ctx, { gain: 0 });
    voice.connect(filter).connect(envelope).connect(level).connect(this.output);
    syllables.connect(syllableDepth).connect(envelope.gain);
    phrases.connect(phraseDepth).connect(envelope.gain);
    intonation.connect(intonationDepth).connect(voice.frequency);
    level.gain.setTargetAtTime(SPEAKING_GAIN, t, 0.05);
    const sources = [voice, syllables, phrases, intonation];
    for (const source of sources) source.start(t);
    this.sounding = { level, sources };
  }

  stop(): void {
    this.setSpeaking(false);
    this.track.stop();
    this.output.disconnect();
  }
}

/** Peak gain of a speaking voice: quiet, so a recording of the demo is pleasant to hear. */
export const SPEAKING_GAIN = 0.06;

/** A lazily created AudioContext shared by every voice; audio is best effort and never throws. */
export class SyntheticAudio {
  private ctx?: AudioContext;
  private unavailable = false;
  private closed = false;

  /** A new voice, or undefined when this browser cannot make audio (logged once). */
  voice(pitchHz: number): SyntheticVoice | undefined {
    const ctx = this.context();
    if (!ctx) return undefined;
    try {
      return new SyntheticVoice(ctx, pitchHz);
    } catch (error) {
      this.giveUp(error);
      return undefined;
    }
  }

  /** The context's state, or 'unavailable' (for diagnostics and tests). */
  get state(): AudioContextState | 'unavailable' | 'unused' {
    if (this.unavailable) return 'unavailable';
    return this.ctx?.state ?? 'unused';
  }

  /** Closes the context; later `voice()` calls return undefined. Resolves once it is closed. */
  close(): Promise<void> {
    this.closed = true;
    const ctx = this.ctx;
    if (!ctx || ctx.state === 'closed') return Promise.resolve();
    return ctx.close().catch((error: unknown) => console.warn('Closing the demo AudioContext failed:', error));
  }

  private context(): AudioContext | undefined {
    if (this.unavailable || this.closed) return undefined;
    if (this.ctx) return this.ctx;
    try {
      const ctx = new AudioContext();
      this.ctx = ctx;
      if (ctx.state === 'suspended') {
        ctx.resume().catch(() => undefined);
        // Resuming needs a user gesture unless autoplay is allowed; the tracks exist either way.
        console.info(
          'Demo audio is suspended by the autoplay policy; it starts after a click, or run Chromium with --autoplay-policy=no-user-gesture-required.',
        );
      }
      return ctx;
    } catch (error) {
      this.giveUp(error);
      return undefined;
    }
  }

  private giveUp(error: unknown): void {
    if (this.unavailable) return;
    this.unavailable = true;
    console.warn('Demo audio is unavailable in this browser; participants will be silent.', error);
  }
}
