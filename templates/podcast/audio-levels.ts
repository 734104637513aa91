/** Live microphone levels per participant, from Web Audio analysers on their audio tracks. */
import type { Participant } from '../../src/meeting/state.js';

interface Meter {
  readonly track: MediaStreamTrack;
  readonly source: MediaStreamAudioSourceNode;
  readonly analyser: AnalyserNode;
}

/** Reads each participant's level (0–1); nothing until the audio context may run. */
export class AudioLevels {
  private context?: AudioContext;
  private readonly meters = new Map<string, Meter>();
  private readonly samples = new Float32Array(256);
  private sink?: GainNode;

  /** Whether levels are measured (the autoplay policy may hold the audio context until a click). */
  get running(): boolean {
    return this.context?.state === 'running';
  }

  /** Follows the meeting: an analyser per audio track, removed when the track goes. */
  sync(participants: ReadonlyMap<string, Participant>): void {
    for (const [id, meter] of this.meters) {
      if (participants.get(id)?.audioTrack !== meter.track) this.drop(id);
    }
    for (const [id, participant] of participants) {
      const track = participant.audioTrack;
      if (!track || this.meters.has(id)) continue;
      const context = this.ensureContext();
      const source = context.createMediaStreamSource(new MediaStream([track]));
      const analyser = context.createAnalyser();
      analyser.fftSize = this.samples.length;
      source.connect(analyser);
      // Analysers are pulled by the destination; a silent gain keeps them running without a second playback.
      analyser.connect(this.sink!);
      this.meters.set(id, { track, source, analyser });
    }
  }

  /** The participant's level now, 0–1 (RMS, scaled for speech); undefined when not measured. */
  level(id: string): number | undefined {
    const meter = this.meters.get(id);
    if (!meter || !this.running) return undefined;
    meter.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const s of this.samples) sum += s * s;
    return Math.min(1, Math.sqrt(sum / this.samples.length) * 4);
  }

  close(): void {
    for (const id of [...this.meters.keys()]) this.drop(id);
    void this.context?.close();
    this.context = undefined;
    document.removeEventListener('pointerdown', this.resume);
  }

  private drop(id: string): void {
    const meter = this.meters.get(id);
    meter?.source.disconnect();
    meter?.analyser.disconnect();
    this.meters.delete(id);
  }

  private resume = (): void => {
    void this.context?.resume();
  };

  private ensureContext(): AudioContext {
    if (!this.context) {
      this.context = new AudioContext();
      this.sink = this.context.createGain();
      this.sink.gain.value = 0;
      this.sink.connect(this.context.destination);
      this.resume();
      document.addEventListener('pointerdown', this.resume);
    }
    return this.context;
  }
}
