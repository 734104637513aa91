/**
 * Synthetic media for the simulated meeting: canvas-drawn webcam video and slides captured as
 * MediaStreamTracks, and soft speech-like tones from one shared AudioContext.
 */
import { initials } from './demo-names.js';

/** A canvas size in pixels. */
export interface VideoSize {
  readonly width: number;
  readonly height: number;
}

/** The webcam canvas size when none is given (16:9, like a typical 360p camera). */
export const DEFAULT_VIDEO_SIZE: VideoSize = { width: 640, height: 360 };
/** The screen-share canvas size when none is given. */
export const DEFAULT_SLIDE_SIZE: VideoSize = { width: 1280, height: 720 };

const CAPTURE_FPS = 30;

/** A canvas whose drawing is captured as a video track; `draw` renders the frame for time `now`. */
export interface SyntheticCanvas {
  readonly track: MediaStreamTrack;
  /** How many frames have been drawn (a cheap cost probe for tests and benchmarks). */
  readonly framesDrawn: number;
  draw(now: number): void;
  stop(): void;
}

/** A stable hue (0–359) for a text, so a participant keeps their colour across runs with one seed. */
export function hueFor(text: string): number {
  // FNV-1a: a few lines, well spread for short ids.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('Synthetic video needs a 2D canvas context, which this browser did not provide.');
  return ctx;
}

function captureTrack(canvas: HTMLCanvasElement): MediaStreamTrack {
  const track = canvas.captureStream(CAPTURE_FPS).getVideoTracks()[0];
  if (!track) throw new Error('canvas.captureStream() returned no video track.');
  return track;
}

function clockText(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const mm = String(Math.floor(seconds / 60) % 100).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}

const FONT = '"Noto Sans", "Noto Sans SC", "Noto Sans Arabic", "Liberation Sans", sans-serif';
const FONT_WEIGHTS = [400, 500, 600, 700] as const;
const FIXED_TEXT = '0123456789:•  Quarterly review Growth across every region Latency down by a third Presented by';

/** Whether every web font face the canvases need for `text` is loaded already (true when none apply). */
export function canvasFontsLoaded(text: string): boolean {
  return FONT_WEIGHTS.every((w) => document.fonts.check(`${w} 16px ${FONT}`, FIXED_TEXT + text));
}

/**
 * Loads the page's web font faces the canvases use for `text` (a canvas draws with a fallback
 * until then, which would make a still frame depend on timing). Never rejects; gives up after `timeoutMs`.
 */
export async function loadCanvasFonts(text: string, timeoutMs = 3000): Promise<void> {
  if (canvasFontsLoaded(text)) return;
  const loads = Promise.all(FONT_WEIGHTS.map((w) => document.fonts.load(`${w} 16px ${FONT}`, FIXED_TEXT + text)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([loads.then(() => undefined), timeout]);
  } catch (error) {
    console.warn('Fonts for the demo video did not load; it uses fallback fonts.', error);
  } finally {
    clearTimeout(timer);
  }
}

/** A participant's synthetic webcam: their colour, initials, a sweeping bar and a running clock. */
export class SyntheticVideo implements SyntheticCanvas {
  readonly track: MediaStreamTrack;
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private readonly label: string;
  private frames = 0;

  /** `startedAt` is the clock time shown as 00:00. */
  constructor(
    displayName: string,
    private readonly hue: number,
    private readonly startedAt: number,
    size: VideoSize = DEFAULT_VIDEO_SIZE,
  ) {
    this.canvas.width = size.width;
    this.canvas.height = size.height;
    this.ctx = context2d(this.canvas);
    this.label = initials(displayName) || '?';
    this.track = captureTrack(this.canvas);
  }

  get framesDrawn(): number {
    return this.frames;
  }

  draw(now: number): void {
    const { ctx } = this;
    const { width: w, height: h } = this.canvas;
    const elapsed = now - this.startedAt;
    const gradient = ctx.createLinearGradient(0, 0, w, h);
    gradient.addColorStop(0, `hsl(${this.hue} 55% 38%)`);
    gradient.addColorStop(1, `hsl(${(this.hue + 40) % 360} 60% 22%)`);
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, w, h);

    // A soft vertical bar sweeping across every 4 s: motion that shows the track is live.
    const barWidth = w / 8;
    const x = ((elapsed / 4000) % 1) * (w + barWidth) - barWidth;
    ctx.fillStyle = 'rgb(255 255 255 / 0.12)';
    ctx.fillRect(x, 0, barWidth, h);

    const radius = Math.min(w, h) * 0.2;
    ctx.beginPath();
    ctx.arc(w / 2, h / 2, radius, 0, Math.PI * 2);
    ctx.fillStyle = `hsl(${this.hue} 45% 85%)`;
    ctx.fill();
    ctx.fillStyle = `hsl(${this.hue} 50% 25%)`;
    ctx.font = `600 ${Math.round(radius * 0.8)}px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(this.label, w / 2, h / 2);

    ctx.font = `500 ${Math.round(h * 0.06)}px ${FONT}`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillStyle = 'rgb(255 255 255 / 0.8)';
    ctx.fillText(clockText(elapsed), w - h * 0.04, h * 0.04);
    this.frames += 1;
  }

  stop(): void {
    this.track.stop();
    // Releases the canvas backing store right away rather than at garbage collection.
    this.canvas.width = 0;
    this.canvas.height = 0;
  }
}

/** A synthetic shared screen: a 16:9 slide with a title, a bar chart and a moving pointer. */
export class SyntheticSlide implements SyntheticCanvas {
  readonly track: MediaStreamTrack;
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private frames = 0;

  constructor(
    private readonly presenterName: string,
    private readonly hue: number,
    private readonly startedAt: number,
    size: VideoSize = DEFAULT_SLIDE_SIZE,
  ) {
    this.canvas.width = size.width;
    this.canvas.height = size.height;
    this.ctx = context2d(this.canvas);
    this.track = captureTrack(this.canvas);
  }

  get framesDrawn(): number {
    return this.frames;
  }

  draw(now: number): void {
    const { ctx } = this;
    const { width: w, height: h } = this.canvas;
    const elapsed = now - this.startedAt;
    ctx.fillStyle = '#f7f7f4';
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = `hsl(${this.hue} 55% 35%)`;
    ctx.fillRect(0, 0, w, h * 0.16);

    ctx.fillStyle = '#ffffff';
    ctx.font = `700 ${Math.round(h * 0.07)}px ${FONT}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText('Quarterly review', w * 0.05, h * 0.08);

    ctx.fillStyle = '#333333';
    ctx.font = `400 ${Math.round(h * 0.04)}px ${FONT}`;
    ctx.textBaseline = 'top';
    const bullets = ['Growth across every region', 'Latency down by a third', `Presented by ${this.presenterName}`];
    bullets.forEach((line, i) => ctx.fillText(`•  ${line}`, w * 0.06, h * (0.24 + i * 0.08)));

    // A bar chart: fixed data, so a still slide is deterministic.
    const values = [0.35, 0.55, 0.45, 0.7, 0.9];
    const chartLeft = w * 0.55;
    const chartBottom = h * 0.88;
    const slot = (w * 0.4) / values.length;
    values.forEach((v, i) => {
      ctx.fillStyle = `hsl(${(this.hue + i * 25) % 360} 60% ${45 + i * 4}%)`;
      ctx.fillRect(chartLeft + i * slot + slot * 0.15, chartBottom - v * h * 0.5, slot * 0.7, v * h * 0.5);
    });
    ctx.fillStyle = '#999999';
    ctx.fillRect(chartLeft, chartBottom, w * 0.4, 2);

    // A laser pointer tracing a slow ellipse over the chart.
    const angle = (elapsed / 6000) * Math.PI * 2;
    ctx.beginPath();
    ctx.arc(chartLeft + w * 0.2 + Math.cos(angle) * w * 0.15, h * 0.6 + Math.sin(angle) * h * 0.15, h * 0.015, 0, Math.PI * 2);
    ctx.fillStyle = 'rgb(220 30 30 / 0.85)';
    ctx.fill();

    ctx.fillStyle = '#777777';
    ctx.font = `400 ${Math.round(h * 0.03)}px ${FONT}`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(clockText(elapsed), w * 0.97, h * 0.97);
    this.frames += 1;
  }

  stop(): void {
    this.track.stop();
    this.canvas.width = 0;
    this.canvas.height = 0;
  }
}

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

/** One frame of a VP8 clip: its compressed bytes and whether it is a key frame. */
export interface Vp8Frame {
  readonly data: Uint8Array;
  readonly key: boolean;
}

/** A VP8 clip held in memory (parsed from IVF), shared by every participant that plays it. */
export interface Vp8Clip {
  readonly width: number;
  readonly height: number;
  readonly frames: readonly Vp8Frame[];
}

const IVF_HEADER_BYTES = 32;
const IVF_FRAME_HEADER_BYTES = 12;

/** Parses an IVF file holding VP8 frames; throws with a readable message when it is not one. */
export function parseIvf(bytes: Uint8Array): Vp8Clip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.byteLength < IVF_HEADER_BYTES || text(0) !== 'DKIF' || text(8) !== 'VP80') {
    throw new Error('The clip is not an IVF file with VP8 video (make one with `npm run bench`).');
  }
  const frames: Vp8Frame[] = [];
  let at = view.getUint16(6, true);
  while (at + IVF_FRAME_HEADER_BYTES <= bytes.byteLength) {
    const size = view.getUint32(at, true);
    const data = bytes.subarray(at + IVF_FRAME_HEADER_BYTES, at + IVF_FRAME_HEADER_BYTES + size);
    // VP8's frame tag: bit 0 of the first byte is 0 on key frames.
    if (data.byteLength > 0) frames.push({ data, key: ((data[0] ?? 1) & 1) === 0 });
    at += IVF_FRAME_HEADER_BYTES + size;
  }
  if (!frames[0]?.key) throw new Error('The VP8 clip must start with a key frame.');
  return { width: view.getUint16(12, true), height: view.getUint16(14, true), frames };
}

/** Fetches and parses a VP8 IVF clip. */
export async function loadVp8Clip(url: string): Promise<Vp8Clip> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The clip ${url} could not be fetched (HTTP ${response.status}).`);
  return parseIvf(new Uint8Array(await response.arrayBuffer()));
}

/** Chromium's track made from VideoFrames (not yet in TypeScript's DOM types). */
interface FrameTrack extends MediaStreamTrack {
  readonly writable: WritableStream<VideoFrame>;
}
type FrameTrackConstructor = new (init: { kind: 'video' }) => FrameTrack;

function frameTrack(): FrameTrack {
  const Generator = (globalThis as { MediaStreamTrackGenerator?: FrameTrackConstructor }).MediaStreamTrackGenerator;
  if (!Generator || typeof VideoDecoder === 'undefined') {
    throw new Error('Clip video needs WebCodecs and MediaStreamTrackGenerator (Chromium on a secure origin).');
  }
  return new Generator({ kind: 'video' });
}

/**
 * A participant's camera played from a VP8 clip: decoded by the browser (WebCodecs) and pushed into
 * a track at 30 fps while playing, like a remote WebRTC track. Paused, it holds no decoder at all.
 */
export class ClipVideo {
  readonly track: MediaStreamTrack;
  private readonly writer: WritableStreamDefaultWriter<VideoFrame>;
  private decoder?: VideoDecoder;
  private position: number;
  private sent = 0;
  private stopped = false;

  /** `offset` staggers where in the clip each participant starts, so tiles do not move in lockstep. */
  constructor(
    private readonly clip: Vp8Clip,
    private readonly clock: ClipClock,
    offset = 0,
  ) {
    const track = frameTrack();
    this.track = track;
    this.writer = track.writable.getWriter();
    this.position = offset % clip.frames.length;
  }

  /** Frames handed to the decoder so far (a cost probe, like SyntheticCanvas.framesDrawn). */
  get framesDrawn(): number {
    return this.sent;
  }

  get playing(): boolean {
    return this.decoder !== undefined;
  }

  play(): void {
    if (this.stopped || this.decoder) return;
    const decoder = new VideoDecoder({
      output: (frame) => {
        // The track takes ownership of written frames; a frame the track refuses is closed here.
        if (this.stopped) frame.close();
        else this.writer.write(frame).catch(() => frame.close());
      },
      error: (error) => console.warn(`Clip video decoding failed: ${String(error)}`),
    });
    decoder.configure({ codec: 'vp8', codedWidth: this.clip.width, codedHeight: this.clip.height });
    this.decoder = decoder;
    // A fresh decoder must start on a key frame: step back to the one before the current position.
    while (this.position > 0 && !this.clip.frames[this.position]?.key) this.position -= 1;
    this.clock.add(this);
  }

  pause(): void {
    this.clock.remove(this);
    const decoder = this.decoder;
    this.decoder = undefined;
    if (decoder && decoder.state !== 'closed') decoder.close();
  }

  /** Decodes the next frame of the clip (called by the shared clock, 30 times a second). */
  next(): void {
    const decoder = this.decoder;
    const frame = this.clip.frames[this.position];
    if (!decoder || !frame || decoder.state !== 'configured') return;
    // A decoder that falls behind drops frames rather than queueing them without bound.
    if (decoder.decodeQueueSize > 2 && !frame.key) return;
    decoder.decode(
      new EncodedVideoChunk({ type: frame.key ? 'key' : 'delta', timestamp: Math.round((this.sent * 1e6) / CAPTURE_FPS), data: frame.data }),
    );
    this.sent += 1;
    this.position = (this.position + 1) % this.clip.frames.length;
  }

  stop(): void {
    this.pause();
    this.stopped = true;
    this.writer.close().catch(() => undefined);
    this.track.stop();
  }
}

/** One 30 fps timer for every playing ClipVideo, however many participants play. */
export class ClipClock {
  private readonly players = new Set<ClipVideo>();
  private timer?: ReturnType<typeof setTimeout>;
  private startedAt = 0;
  private ticks = 0;

  add(player: ClipVideo): void {
    this.players.add(player);
    if (this.timer !== undefined) return;
    this.startedAt = performance.now();
    this.ticks = 0;
    this.schedule();
  }

  remove(player: ClipVideo): void {
    this.players.delete(player);
    if (this.players.size > 0 || this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    // Aims each tick at its ideal time, so timer lateness does not accumulate into a slower rate.
    const due = this.startedAt + ((this.ticks + 1) * 1000) / CAPTURE_FPS;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ticks += 1;
      // After a long stall, skip the missed ticks rather than bursting them out.
      const behind = Math.floor(((performance.now() - this.startedAt) * CAPTURE_FPS) / 1000) - this.ticks;
      if (behind > CAPTURE_FPS) this.ticks += behind;
      for (const player of this.players) player.next();
      if (this.players.size > 0 && this.timer === undefined) this.schedule();
    }, Math.max(0, due - performance.now()));
  }
}
