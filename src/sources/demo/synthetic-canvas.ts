/** Canvas-drawn synthetic video captured as MediaStreamTracks: a participant's webcam and a shared slide. */
import { CANVAS_FONT } from './canvas-fonts.js';
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

/** Frames per second of every synthetic video track, drawn canvases and played clips alike. */
export const CAPTURE_FPS = 30;

/** A canvas whose drawing is captured as a video track; `draw` renders the frame for time `now`. */
export interface SyntheticCanvas {
  readonly track: MediaStreamTrack;
  /** How many frames have been drawn (a cheap cost probe for tests and benchmarks). */
  readonly framesDrawn: number;
  draw(now: number): void;
  stop(): void;
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

/** What the webcam and the slide share: a captured canvas of one size, counting the frames it draws. */
abstract class CapturedCanvas implements SyntheticCanvas {
  readonly track: MediaStreamTrack;
  protected readonly canvas = document.createElement('canvas');
  protected readonly ctx: CanvasRenderingContext2D;
  private frames = 0;

  constructor(size: VideoSize) {
    this.canvas.width = size.width;
    this.canvas.height = size.height;
    this.ctx = context2d(this.canvas);
    this.track = captureTrack(this.canvas);
  }

  get framesDrawn(): number {
    return this.frames;
  }

  draw(now: number): void {
    this.paint(now);
    this.frames += 1;
  }

  stop(): void {
    this.track.stop();
    // Releases the canvas backing store right away rather than at garbage collection.
    this.canvas.width = 0;
    this.canvas.height = 0;
  }

  /** Draws the frame for time `now` onto the canvas. */
  protected abstract paint(now: number): void;
}

/** A participant's synthetic webcam: their colour, initials, a sweeping bar and a running clock. */
export class SyntheticVideo extends CapturedCanvas {
  private readonly label: string;

  /** `startedAt` is the clock time shown as 00:00. */
  constructor(
    displayName: string,
    private readonly hue: number,
    private readonly startedAt: number,
    size: VideoSize = DEFAULT_VIDEO_SIZE,
  ) {
    super(size);
    this.label = initials(displayName) || '?';
  }

  protected paint(now: number): void {
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
    ctx.font = `600 ${Math.round(radius * 0.8)}px ${CANVAS_FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(this.label, w / 2, h / 2);

    ctx.font = `500 ${Math.round(h * 0.06)}px ${CANVAS_FONT}`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillStyle = 'rgb(255 255 255 / 0.8)';
    ctx.fillText(clockText(elapsed), w - h * 0.04, h * 0.04);
  }
}

/** A synthetic shared screen: a 16:9 slide with a title, a bar chart and a moving pointer. */
export class SyntheticSlide extends CapturedCanvas {
  constructor(
    private readonly presenterName: string,
    private readonly hue: number,
    private readonly startedAt: number,
    size: VideoSize = DEFAULT_SLIDE_SIZE,
  ) {
    super(size);
  }

  protected paint(now: number): void {
    const { ctx } = this;
    const { width: w, height: h } = this.canvas;
    const elapsed = now - this.startedAt;
    ctx.fillStyle = '#f7f7f4';
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = `hsl(${this.hue} 55% 35%)`;
    ctx.fillRect(0, 0, w, h * 0.16);

    ctx.fillStyle = '#ffffff';
    ctx.font = `700 ${Math.round(h * 0.07)}px ${CANVAS_FONT}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText('Quarterly review', w * 0.05, h * 0.08);

    ctx.fillStyle = '#333333';
    ctx.font = `400 ${Math.round(h * 0.04)}px ${CANVAS_FONT}`;
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
    ctx.font = `400 ${Math.round(h * 0.03)}px ${CANVAS_FONT}`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(clockText(elapsed), w * 0.97, h * 0.97);
  }
}
