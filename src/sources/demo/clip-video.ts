/** A camera played from a VP8 clip: IVF parsing, WebCodecs decoding into a track, and one shared 30 fps clock. */
import { CAPTURE_FPS } from './synthetic-canvas.js';

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
