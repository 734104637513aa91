/**
 * Synthetic media for the emulated peers (browser code, runs in the media page): a canvas camera
 * with a moving ball, a slide-like screen share and a quiet tone per peer, small and at 15 fps
 * unless `configureTracks` asks for other sizes and rates.
 */
import type { MediaKind } from './media.js';

type Size = { readonly width: number; readonly height: number };
type Draw = (g: CanvasRenderingContext2D, tick: number) => void;

/** A video track's size and frame rate; with `clip`, pre-encoded frames replace what the encoder makes (media-clip.ts). */
export interface TrackFormat extends Size {
  readonly fps: number;
  /** A VP8 clip (IVF bytes, base64) of this size and rate, sent in place of the canvas's encoded frames. */
  readonly clip?: string;
  /**
   * Camera only: clips of the lower simulcast layers, smallest first, each half the size of the next
   * and the last half of `clip` (as the SDK's hd webcam sends: ¼, ½ and full size). With them the
   * camera is a simulcast consumer, and the layer the SDK prefers is the clip it gets.
   */
  readonly layers?: readonly string[];
}

/** The sizes and rates of the camera and share tracks made from now on. */
export interface TrackFormats {
  readonly camera: TrackFormat;
  readonly share: TrackFormat;
}

/** The defaults: small and cheap, so many peers fit in one media page. */
const DEFAULTS: TrackFormats = { camera: { width: 320, height: 180, fps: 15 }, share: { width: 640, height: 360, fps: 5 } };
/** What a clip track draws: the encoder's output is thrown away, so the canvas is kept tiny. */
const CLIP_CANVAS: Size = { width: 160, height: 90 };

let formats: TrackFormats = DEFAULTS;
/** The drawing clock's rate: the faster of the two formats (15 fps by default). */
let clockFps = 15;

/** One track per `peer/kind`, shared by every transport. */
const tracks = new Map<string, MediaStreamTrack>();
/** What keeps each track going (its painter, its oscillator), undone when it is dropped. */
const stoppers = new Map<MediaStreamTrack, () => void>();
const painters = new Set<{ every: number; draw: (tick: number) => void }>();
let audio: AudioContext | null = null;
let ticks = 0;
const drawDue = () => {
  ticks += 1;
  for (const painter of painters) if (ticks % painter.every === 0) painter.draw(ticks);
};
let timer = setInterval(drawDue, 1000 / clockFps);

/** Sets the camera and share formats of the tracks made from now on (call before the first consumer). */
export function configureTracks(next: Partial<TrackFormats>): void {
  formats = { ...formats, ...next };
  clockFps = Math.max(formats.camera.fps, formats.share.fps);
  clearInterval(timer);
  timer = setInterval(drawDue, 1000 / clockFps);
}

/** The format of a video kind's tracks. */
export function formatOf(kind: MediaKind): TrackFormat {
  return kind === 'share' ? formats.share : formats.camera;
}

/** The canvas size of a format: its own, or tiny when a clip replaces the encoder's output. */
function canvasSize(format: TrackFormat): Size {
  return format.clip ? CLIP_CANVAS : format;
}

/** A stable number for a string, to give each peer its own colour and tone. */
function hashOf(text: string): number {
  let hash = 7;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash;
}

/** A canvas track at `format`'s rate (every n-th tick of the clock), so the encoder always has fresh frames. */
function canvasTrack(size: Size, format: TrackFormat, draw: Draw): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('media page: no 2d canvas context');
  const every = Math.max(1, Math.round(clockFps / format.fps));
  const painter = { every, draw: (at: number) => draw(g, at) };
  painters.add(painter);
  draw(g, 0);
  const track = canvas.captureStream(clockFps / every).getVideoTracks()[0];
  if (!track) throw new Error('media page: canvas.captureStream gave no video track');
  stoppers.set(track, () => painters.delete(painter));
  return track;
}

/** A camera: the peer's colour, its label and a moving ball, so every frame differs. */
function cameraTrack(peerId: string, label: string): MediaStreamTrack {
  // Ids often differ by one character: spread their hues and ball phases apart (golden angle).
  const seed = hashOf(peerId);
  const hue = (seed * 137.5) % 360;
  const size = canvasSize(formats.camera);
  return canvasTrack(size, formats.camera, (g, frame) => {
    const tick = frame + ((seed * 37) % 90);
    g.fillStyle = `hsl(${hue} 45% 35%)`;
    g.fillRect(0, 0, size.width, size.height);
    g.fillStyle = `hsl(${(hue + 180) % 360} 70% 60%)`;
    g.beginPath();
    g.arc(((tick * 4) % (size.width + 40)) - 20, size.height / 2 + Math.sin(tick / 5) * 40, 18, 0, 2 * Math.PI);
    g.fill();
    g.fillStyle = '#fff';
    g.font = '20px sans-serif';
    g.fillText(label, 12, 28);
  });
}

/** A screen share: a slide with a progress bar, redrawn at the share's rate (a third of the camera's by default). */
function shareTrack(label: string): MediaStreamTrack {
  const size = canvasSize(formats.share);
  const track = canvasTrack(size, formats.share, (g, tick) => {
    g.fillStyle = '#f4f4f0';
    g.fillRect(0, 0, size.width, size.height);
    g.fillStyle = '#223';
    g.font = 'bold 32px sans-serif';
    g.fillText(`${label}: shared slide`, 32, 64);
    g.font = '22px sans-serif';
    for (let line = 0; line < 4; line += 1) g.fillText(`• point ${line + 1}`, 48, 120 + line * 40);
    g.fillStyle = '#36c';
    g.fillRect(32, size.height - 40, ((tick / 3) % 100) * ((size.width - 64) / 100), 12);
  });
  // As a real screen share: keep the resolution when bandwidth is short (the encoder would halve it).
  track.contentHint = 'detail';
  return track;
}

/** A quiet tone per peer (share audio an octave up), from one shared AudioContext. */
function toneTrack(peerId: string, octave: number): MediaStreamTrack {
  audio ??= new AudioContext();
  void audio.resume();
  const oscillator = audio.createOscillator();
  oscillator.frequency.value = (220 + (hashOf(peerId) % 12) * 30) * octave;
  const gain = audio.createGain();
  gain.gain.value = 0.08;
  const destination = audio.createMediaStreamDestination();
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  const track = destination.stream.getAudioTracks()[0];
  if (!track) throw new Error('media page: the audio destination gave no track');
  stoppers.set(track, () => {
    oscillator.stop();
    oscillator.disconnect();
    gain.disconnect();
  });
  return track;
}

/** The track of `peerId`'s `kind`, made on first use. */
export function trackOf(peerId: string, kind: MediaKind, label: string): MediaStreamTrack {
  const key = `${peerId}/${kind}`;
  let track = tracks.get(key);
  if (!track) {
    if (kind === 'video') track = cameraTrack(peerId, label);
    else if (kind === 'share') track = shareTrack(label);
    else track = toneTrack(peerId, kind === 'shareAudio' ? 2 : 1);
    tracks.set(key, track);
  }
  return track;
}

/**
 * Stops a track nothing sends any more (its peer left, or went off screen), so a long meeting's
 * media page draws and plays only for the tracks in use; a later consumer gets a new one.
 */
export function dropTrack(track: MediaStreamTrack): void {
  for (const [key, known] of tracks) if (known === track) tracks.delete(key);
  stoppers.get(track)?.();
  stoppers.delete(track);
  track.stop();
}

/** Stops every track and the drawing timer. */
export function stopTracks(): void {
  clearInterval(timer);
  for (const track of tracks.values()) dropTrack(track);
  void audio?.close();
}
