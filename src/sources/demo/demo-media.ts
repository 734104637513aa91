/**
 * The simulated meeting's media bookkeeping: each participant's synthetic camera (canvas or clip),
 * voice and slide, clips decoded only while on screen, and the one frame loop for visible canvases.
 */
import type { MediaDemand } from '../../meeting/source.js';
import type { MeetingState } from '../../meeting/state.js';
import { canvasFontsLoaded, loadCanvasFonts } from './canvas-fonts.js';
import { ClipClock, ClipVideo, type Vp8Clip, loadVp8Clip } from './clip-video.js';
import { hueFor } from './demo-random.js';
import { SyntheticAudio, type SyntheticVoice } from './synthetic-audio.js';
import { CAPTURE_FPS, type SyntheticCanvas, SyntheticSlide, SyntheticVideo, type VideoSize } from './synthetic-canvas.js';

/** The synthetic media one participant currently has. */
interface ParticipantMedia {
  video?: SyntheticVideo;
  /** The camera when the meeting plays a clip: decoded only while on screen. */
  clip?: ClipVideo;
  voice?: SyntheticVoice;
  slide?: SyntheticSlide;
}

/** How the simulated meeting's media looks and runs. */
export interface DemoMediaOptions {
  /** The meeting's seed: colours, pitches and clip offsets follow it. */
  readonly seed: number;
  /** Whether canvases show one still frame only (for snapshots). */
  readonly still: boolean;
  readonly videoSize: VideoSize;
  readonly slideSize: VideoSize;
  readonly clock: () => number;
}

const NO_DEMAND: MediaDemand = {
  video: new Set(),
  share: new Set(),
  audio: new Set(),
  tileSizes: new Map(),
};

// rAF fires at the display rate; drawing at the capture rate (30 fps) is all a track can carry.
const FRAME_INTERVAL_MS = 1000 / CAPTURE_FPS;
// A few ms of slack so a 60 Hz display draws every second frame rather than every third.
const FRAME_SLACK_MS = 4;

/** The track of a participant's camera, canvas or clip. */
function cameraTrack(media: ParticipantMedia): MediaStreamTrack | undefined {
  return media.video?.track ?? media.clip?.track;
}

/** The synthetic tracks of every participant of a simulated meeting, keyed by participant id. */
export class DemoMedia {
  private readonly media = new Map<string, ParticipantMedia>();
  private readonly audio = new SyntheticAudio();
  private clip?: Vp8Clip;
  private readonly clipClock = new ClipClock();
  private onScreen: MediaDemand = NO_DEMAND;
  private frameRequest?: number;
  private lastFrameAt = Number.NEGATIVE_INFINITY;
  private startedAt = 0;
  private stopped = false;

  constructor(private readonly options: DemoMediaOptions) {}

  /** Sets the clock time the canvases' clocks show as 00:00. */
  beginAt(startedAt: number): void {
    this.startedAt = startedAt;
  }

  /** Loads the clip every camera plays from now on; on failure, cameras stay canvases (logged). */
  async loadClip(url: string): Promise<void> {
    try {
      this.clip = await loadVp8Clip(url);
    } catch (error) {
      console.error(`Demo: the clip could not be played (${String(error)}); cameras are drawn on canvases instead.`);
      this.clip = undefined;
    }
  }

  /** Creates a participant's media; returns their camera and microphone tracks. */
  add(id: string, displayName: string, on: { camera: boolean; mic: boolean }): { video?: MediaStreamTrack; audio?: MediaStreamTrack } {
    const media: ParticipantMedia = {};
    this.media.set(id, media);
    if (on.camera) this.createCamera(media, id, displayName);
    if (on.mic) media.voice = this.createVoice(id);
    return { video: cameraTrack(media), audio: media.voice?.track };
  }

  /** Whether a participant has media here (joined and not left). */
  has(id: string): boolean {
    return this.media.has(id);
  }

  /** Turns a participant's camera on or off; returns the camera track it now has. */
  setCamera(id: string, displayName: string, on: boolean): MediaStreamTrack | undefined {
    const media = this.media.get(id);
    if (!media) return undefined;
    if (on && !media.video && !media.clip) this.createCamera(media, id, displayName);
    if (!on) {
      media.video?.stop();
      media.clip?.stop();
      media.video = undefined;
      media.clip = undefined;
    }
    return cameraTrack(media);
  }

  /** Turns a participant's microphone on or off; returns the microphone track it now has. */
  setMic(id: string, on: boolean): MediaStreamTrack | undefined {
    const media = this.media.get(id);
    if (!media) return undefined;
    if (on && !media.voice) media.voice = this.createVoice(id);
    if (!on && media.voice) {
      media.voice.stop();
      media.voice = undefined;
    }
    return media.voice?.track;
  }

  /** Whether a participant is sharing a slide. */
  isSharing(id: string): boolean {
    return this.media.get(id)?.slide !== undefined;
  }

  /** The ids of the participants sharing a slide. */
  sharers(): string[] {
    return [...this.media].filter(([, media]) => media.slide).map(([id]) => id);
  }

  /** Starts a participant's shared slide (they must have media); returns its track. */
  startSlide(id: string, displayName: string): MediaStreamTrack | undefined {
    const media = this.media.get(id);
    if (!media) return undefined;
    const slide = new SyntheticSlide(displayName, hueFor(`${this.options.seed}:${id}`), this.startedAt, this.options.slideSize);
    media.slide = slide;
    this.drawFirstFrame(slide, displayName);
    return slide.track;
  }

  /** Stops a participant's shared slide. */
  stopSlide(id: string): void {
    const media = this.media.get(id);
    if (!media?.slide) return;
    media.slide.stop();
    media.slide = undefined;
  }

  /** Stops and forgets all of a participant's media. */
  release(id: string): void {
    const media = this.media.get(id);
    if (!media) return;
    media.video?.stop();
    media.clip?.stop();
    media.voice?.stop();
    media.slide?.stop();
    this.media.delete(id);
  }

  /** Only the active speaker with the mic on is heard. */
  syncVoices(state: MeetingState): void {
    for (const [id, media] of this.media) {
      const participant = state.participants.get(id);
      media.voice?.setSpeaking(state.activeSpeakerId === id && participant?.micOn === true);
    }
  }

  /** Takes what the page shows now: clips play and canvases animate only while on screen. */
  demand(demand: MediaDemand): void {
    this.onScreen = demand;
    this.syncClips();
    this.ensureLoop();
  }

  /** Frames drawn so far for a participant's current video or share canvas (a cost probe). */
  framesDrawn(participantId: string, kind: 'video' | 'share'): number {
    const media = this.media.get(participantId);
    return (kind === 'video' ? (media?.video ?? media?.clip) : media?.slide)?.framesDrawn ?? 0;
  }

  /** The shared AudioContext's state ('unused' before any voice, 'unavailable' without WebAudio). */
  get audioState(): AudioContextState | 'unavailable' | 'unused' {
    return this.audio.state;
  }

  /** Stops the frame loop and every track, and closes the AudioContext. */
  stop(): void {
    this.stopped = true;
    if (this.frameRequest !== undefined) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = undefined;
    for (const id of [...this.media.keys()]) this.release(id);
    void this.audio.close();
  }

  /** A canvas camera, or a clip camera when the meeting plays a clip. */
  private createCamera(media: ParticipantMedia, id: string, displayName: string): void {
    if (!this.clip) {
      media.video = this.createVideo(id, displayName);
      return;
    }
    // Participants start at different points of the clip, so tiles do not move in lockstep.
    media.clip = new ClipVideo(this.clip, this.clipClock, hueFor(`${this.options.seed}:${id}`) * 7);
    if (this.onScreen.video.has(id)) media.clip.play();
  }

  /** Clip cameras decode only while on screen, like a real source that consumes only what is shown. */
  private syncClips(): void {
    for (const [id, media] of this.media) {
      if (!media.clip) continue;
      if (this.onScreen.video.has(id) && !this.stopped) media.clip.play();
      else media.clip.pause();
    }
  }

  private createVideo(id: string, displayName: string): SyntheticVideo {
    const { seed, videoSize } = this.options;
    const video = new SyntheticVideo(displayName, hueFor(`${seed}:${id}`), this.startedAt, videoSize);
    this.drawFirstFrame(video, displayName);
    return video;
  }

  private createVoice(id: string): SyntheticVoice | undefined {
    // Voices between 110 and 240 Hz: low and mid speaking pitches, different per participant.
    return this.audio.voice(110 + (hueFor(`${this.options.seed}:${id}:voice`) % 131));
  }

  /**
   * Draws a new canvas once so a tile shows it at once; with `still`, this is the only frame ever,
   * drawn again (identically) only if a font for `text` was still loading.
   */
  private drawFirstFrame(canvas: SyntheticCanvas, text: string): void {
    const frameTime = () => (this.options.still ? this.startedAt : this.options.clock());
    canvas.draw(frameTime());
    this.ensureLoop();
    if (canvasFontsLoaded(text)) return;
    void loadCanvasFonts(text).then(() => {
      if (!this.stopped && canvas.track.readyState === 'live') canvas.draw(frameTime());
    });
  }

  /** The canvases the page shows right now; with `still`, none (they never redraw). */
  private animatedCanvases(): SyntheticCanvas[] {
    if (this.options.still || this.stopped) return [];
    const canvases: SyntheticCanvas[] = [];
    for (const id of this.onScreen.video) {
      const video = this.media.get(id)?.video;
      if (video) canvases.push(video);
    }
    for (const id of this.onScreen.share) {
      const slide = this.media.get(id)?.slide;
      if (slide) canvases.push(slide);
    }
    return canvases;
  }

  /** Runs the one shared frame loop while something on screen animates; it stops itself otherwise. */
  private ensureLoop(): void {
    if (this.frameRequest !== undefined || this.animatedCanvases().length === 0) return;
    this.frameRequest = requestAnimationFrame(this.tick);
  }

  private readonly tick = (frameTime: number): void => {
    this.frameRequest = undefined;
    const canvases = this.animatedCanvases();
    if (canvases.length === 0) return;
    if (frameTime - this.lastFrameAt >= FRAME_INTERVAL_MS - FRAME_SLACK_MS) {
      this.lastFrameAt = frameTime;
      const now = this.options.clock();
      for (const canvas of canvases) canvas.draw(now);
    }
    this.frameRequest = requestAnimationFrame(this.tick);
  };
}
