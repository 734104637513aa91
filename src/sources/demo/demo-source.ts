/**
 * The simulated meeting: seeded participants with synthetic video, voices and a shared slide,
 * driven by the URL's demo parameters and, at run time, by DemoControls.
 */
import { type DemoParams, MAX_DEMO_PARTICIPANTS } from '../../config/url-params.js';
import type { DemoControls } from './demo-controls.js';
import { DemoNamePicker } from './demo-names.js';
import { type Random, randomInt, seededRandom } from './demo-random.js';
import type { MediaDemand, MeetingSource } from '../../meeting/source.js';
import {
  type MeetingState,
  type Participant,
  participantJoined,
  participantLeft,
  participantUpdated,
  pinChanged,
  presenterChanged,
  speakerChanged,
  statusChanged,
} from '../../meeting/state.js';
import type { MeetingStore } from '../../meeting/store.js';
import {
  ClipClock,
  ClipVideo,
  DEFAULT_SLIDE_SIZE,
  DEFAULT_VIDEO_SIZE,
  type SyntheticCanvas,
  SyntheticAudio,
  SyntheticSlide,
  SyntheticVideo,
  type SyntheticVoice,
  type VideoSize,
  type Vp8Clip,
  canvasFontsLoaded,
  hueFor,
  loadCanvasFonts,
  loadVp8Clip,
} from './synthetic-media.js';

/** Tuning of the simulated meeting that the URL does not carry (sizes, turn lengths). */
export interface DemoSourceOptions {
  /** Webcam canvas size (default 640×360). */
  readonly videoSize?: VideoSize;
  /** Screen-share canvas size (default 1280×720). */
  readonly slideSize?: VideoSize;
  /** How long each automatic speaking turn lasts, in ms (default 2000–5000). */
  readonly turnMs?: { readonly min: number; readonly max: number };
  /** URL of a VP8 clip (IVF) for every camera instead of canvas drawing (default: the `clip` URL param). */
  readonly clipUrl?: string;
}

/** The synthetic media one participant currently has. */
interface DemoMedia {
  video?: SyntheticVideo;
  /** The camera when the meeting plays a clip: decoded only while on screen. */
  clip?: ClipVideo;
  voice?: SyntheticVoice;
  slide?: SyntheticSlide;
}

const NO_DEMAND: MediaDemand = {
  video: new Set(),
  share: new Set(),
  audio: new Set(),
  tileSizes: new Map(),
};

// rAF fires at the display rate; drawing at the capture rate (30 fps) is all a track can carry.
const FRAME_INTERVAL_MS = 1000 / 30;
// A few ms of slack so a 60 Hz display draws every second frame rather than every third.
const FRAME_SLACK_MS = 4;

/** The track of a participant's camera, canvas or clip. */
function cameraTrack(media: DemoMedia): MediaStreamTrack | undefined {
  return media.video?.track ?? media.clip?.track;
}

/** A seeded simulated meeting: a MeetingSource that needs no network and exposes DemoControls. */
export class DemoSource implements MeetingSource {
  readonly controls: DemoControls;
  private store?: MeetingStore;
  private unsubscribe?: () => void;
  private readonly names: DemoNamePicker;
  private readonly turns: Random;
  private readonly media = new Map<string, DemoMedia>();
  private readonly audio = new SyntheticAudio();
  private readonly videoSize: VideoSize;
  private readonly slideSize: VideoSize;
  private readonly turnMs: { readonly min: number; readonly max: number };
  private readonly clipUrl?: string;
  private clip?: Vp8Clip;
  private readonly clipClock = new ClipClock();
  private onScreen: MediaDemand = NO_DEMAND;
  private lastNumber = 0;
  private autoSpeak: boolean;
  private turnTimer?: ReturnType<typeof setTimeout>;
  private frameRequest?: number;
  private lastFrameAt = Number.NEGATIVE_INFINITY;
  private startedAt = 0;
  /** Set once the initial participants are in the store; controls wait for it. */
  private live = false;
  private stopped = false;

  constructor(
    private readonly params: DemoParams,
    private readonly clock: () => number = () => performance.now(),
    options: DemoSourceOptions = {},
  ) {
    this.names = new DemoNamePicker(seededRandom(params.seed));
    // A separate stream for turns, so names do not depend on how long the meeting has run.
    this.turns = seededRandom((params.seed ^ 0x5bd1e995) >>> 0);
    this.videoSize = options.videoSize ?? DEFAULT_VIDEO_SIZE;
    this.slideSize = options.slideSize ?? DEFAULT_SLIDE_SIZE;
    this.turnMs = options.turnMs ?? { min: 2000, max: 5000 };
    // Still frames are for snapshots: they always come from the canvas.
    this.clipUrl = params.still ? undefined : (options.clipUrl ?? params.clip);
    this.autoSpeak = !params.still;
    this.controls = this.createControls();
  }

  async start(store: MeetingStore): Promise<void> {
    if (this.store || this.stopped) return;
    this.store = store;
    this.startedAt = this.clock();
    this.unsubscribe = store.subscribe((state) => this.syncVoices(state));

    const { params } = this;
    const count = Math.max(0, Math.min(MAX_DEMO_PARTICIPANTS, Math.floor(params.count)));
    // The picker advances for every participant, so overriding p1's name leaves p2's unchanged.
    const names = Array.from({ length: count }, (_, i) => {
      const picked = this.names.next();
      return params.names[i] ?? picked;
    });
    // First frames are drawn with the page's fonts, never a fallback that depends on load timing.
    await loadCanvasFonts(names.join(''));
    if (this.clipUrl !== undefined) this.clip = await this.loadClip(this.clipUrl);
    if (this.stopped) return;
    const joining = names.map((name, i) => {
      const id = `p${i + 1}`;
      return this.newParticipant(id, name, {
        camera: !params.cameraOff.includes(id),
        mic: !params.muted.includes(id),
      });
    });
    this.lastNumber = count;
    const now = this.clock();
    store.update((state) => {
      let next = state;
      for (const p of joining) next = participantJoined(next, p);
      // pinChanged accepts any id (a real meeting may pin before a join); the demo pins only its own.
      for (const id of params.pins.filter((pin) => next.participants.has(pin))) {
        next = pinChanged(next, id, { cam: true, share: false });
      }
      if (params.speaker !== undefined) next = speakerChanged(next, params.speaker, now);
      return statusChanged(next, 'live');
    });
    this.live = true;
    if (params.presenter !== undefined) this.startShare(params.presenter);
    this.syncVoices(store.state);
    if (this.autoSpeak) {
      if (params.speaker === undefined) this.takeTurn();
      this.scheduleTurn();
    }
  }

  demand(demand: MediaDemand): void {
    this.onScreen = demand;
    this.syncClips();
    this.ensureLoop();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTurn();
    if (this.frameRequest !== undefined) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = undefined;
    this.unsubscribe?.();
    for (const id of [...this.media.keys()]) this.releaseMedia(id);
    void this.audio.close();
  }

  /** Frames drawn so far for a participant's current video or share canvas (a cost probe for tests and benchmarks). */
  framesDrawn(participantId: string, kind: 'video' | 'share' = 'video'): number {
    const media = this.media.get(participantId);
    return (kind === 'video' ? (media?.video ?? media?.clip) : media?.slide)?.framesDrawn ?? 0;
  }

  /** The shared AudioContext's state ('unused' before any voice, 'unavailable' without WebAudio). */
  get audioState(): AudioContextState | 'unavailable' | 'unused' {
    return this.audio.state;
  }

  private get state(): MeetingState | undefined {
    return this.store?.state;
  }

  private update(transition: (state: MeetingState) => MeetingState): void {
    this.store?.update(transition);
  }

  /** Whether controls may act: started, not stopped. */
  private get running(): boolean {
    return this.live && !this.stopped;
  }

  private createControls(): DemoControls {
    return {
      speak: (id) => {
        this.setAutoSpeak(false);
        if (this.running) this.update((s) => speakerChanged(s, id, this.clock()));
      },
      pin: (id) => {
        if (this.running && this.state?.participants.has(id)) this.update((s) => pinChanged(s, id, { cam: true, share: false }));
      },
      unpin: (id) => {
        if (this.running) this.update((s) => pinChanged(s, id, { cam: false, share: false }));
      },
      startShare: (id) => this.startShare(id),
      stopShare: () => this.stopShare(),
      join: (displayName) => this.join(displayName),
      leave: (id) => this.leave(id),
      setCamera: (id, on) => this.setCamera(id, on),
      setMic: (id, on) => this.setMic(id, on),
      setAutoSpeak: (on) => this.setAutoSpeak(on),
    };
  }

  private newParticipant(id: string, displayName: string, on: { camera: boolean; mic: boolean }): Participant {
    const media: DemoMedia = {};
    this.media.set(id, media);
    if (on.camera) this.createCamera(media, id, displayName);
    if (on.mic) media.voice = this.createVoice(id);
    return {
      id,
      displayName,
      webcamOn: on.camera,
      micOn: on.mic,
      screenShareOn: false,
      videoTrack: cameraTrack(media),
      audioTrack: media.voice?.track,
      joinOrder: 0, // participantJoined assigns the real one
      lastActiveAt: 0,
    };
  }

  /** A canvas camera, or a clip camera when the meeting plays a clip. */
  private createCamera(media: DemoMedia, id: string, displayName: string): void {
    if (!this.clip) {
      media.video = this.createVideo(id, displayName);
      return;
    }
    // Participants start at different points of the clip, so tiles do not move in lockstep.
    media.clip = new ClipVideo(this.clip, this.clipClock, hueFor(`${this.params.seed}:${id}`) * 7);
    if (this.onScreen.video.has(id)) media.clip.play();
  }

  private async loadClip(url: string): Promise<Vp8Clip | undefined> {
    try {
      return await loadVp8Clip(url);
    } catch (error) {
      console.error(`Demo: the clip could not be played (${String(error)}); cameras are drawn on canvases instead.`);
      return undefined;
    }
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
    const video = new SyntheticVideo(displayName, hueFor(`${this.params.seed}:${id}`), this.startedAt, this.videoSize);
    this.drawFirstFrame(video, displayName);
    return video;
  }

  private createVoice(id: string): SyntheticVoice | undefined {
    // Voices between 110 and 240 Hz: low and mid speaking pitches, different per participant.
    return this.audio.voice(110 + (hueFor(`${this.params.seed}:${id}:voice`) % 131));
  }

  /**
   * Draws a new canvas once so a tile shows it at once; with `still`, this is the only frame ever,
   * drawn again (identically) only if a font for `text` was still loading.
   */
  private drawFirstFrame(canvas: SyntheticCanvas, text: string): void {
    const frameTime = () => (this.params.still ? this.startedAt : this.clock());
    canvas.draw(frameTime());
    this.ensureLoop();
    if (canvasFontsLoaded(text)) return;
    void loadCanvasFonts(text).then(() => {
      if (!this.stopped && canvas.track.readyState === 'live') canvas.draw(frameTime());
    });
  }

  private join(displayName?: string): string {
    if (!this.running) return '';
    this.lastNumber += 1;
    const id = `p${this.lastNumber}`;
    const name = displayName?.trim() || this.names.next();
    const joining = this.newParticipant(id, name, { camera: true, mic: true });
    this.update((s) => participantJoined(s, joining));
    return id;
  }

  private leave(id: string): void {
    if (!this.running || !this.state?.participants.has(id)) return;
    this.releaseMedia(id);
    this.update((s) => participantLeft(s, id));
  }

  private setCamera(id: string, on: boolean): void {
    const participant = this.state?.participants.get(id);
    const media = this.media.get(id);
    if (!this.running || !participant || !media) return;
    if (on && !media.video && !media.clip) this.createCamera(media, id, participant.displayName);
    if (!on) {
      media.video?.stop();
      media.clip?.stop();
      media.video = undefined;
      media.clip = undefined;
    }
    this.update((s) => participantUpdated(s, id, { webcamOn: on, videoTrack: cameraTrack(media) }));
  }

  private setMic(id: string, on: boolean): void {
    const media = this.media.get(id);
    if (!this.running || !this.state?.participants.has(id) || !media) return;
    if (on && !media.voice) media.voice = this.createVoice(id);
    if (!on && media.voice) {
      media.voice.stop();
      media.voice = undefined;
    }
    this.update((s) => participantUpdated(s, id, { micOn: on, audioTrack: media.voice?.track }));
  }

  private startShare(id: string): void {
    const participant = this.state?.participants.get(id);
    const media = this.media.get(id);
    if (!this.running || !participant || !media || media.slide) return;
    this.stopShare();
    const slide = new SyntheticSlide(
      participant.displayName,
      hueFor(`${this.params.seed}:${id}`),
      this.startedAt,
      this.slideSize,
    );
    media.slide = slide;
    this.drawFirstFrame(slide, participant.displayName);
    this.update((s) => presenterChanged(participantUpdated(s, id, { screenShareOn: true, shareTrack: slide.track }), id));
  }

  private stopShare(): void {
    if (!this.running) return;
    for (const [id, media] of this.media) {
      if (!media.slide) continue;
      media.slide.stop();
      media.slide = undefined;
      this.update((s) => participantUpdated(s, id, { screenShareOn: false, shareTrack: undefined }));
    }
    this.update((s) => presenterChanged(s, null));
  }

  private releaseMedia(id: string): void {
    const media = this.media.get(id);
    if (!media) return;
    media.video?.stop();
    media.clip?.stop();
    media.voice?.stop();
    media.slide?.stop();
    this.media.delete(id);
  }

  /** Only the active speaker with the mic on is heard. */
  private syncVoices(state: MeetingState): void {
    for (const [id, media] of this.media) {
      const participant = state.participants.get(id);
      media.voice?.setSpeaking(state.activeSpeakerId === id && participant?.micOn === true);
    }
  }

  private setAutoSpeak(on: boolean): void {
    this.autoSpeak = on;
    this.clearTurn();
    if (on) this.scheduleTurn();
  }

  private scheduleTurn(): void {
    if (!this.running || !this.autoSpeak || this.turnTimer !== undefined) return;
    this.turnTimer = setTimeout(() => {
      this.turnTimer = undefined;
      this.takeTurn();
      this.scheduleTurn();
    }, randomInt(this.turns, this.turnMs.min, this.turnMs.max));
  }

  private clearTurn(): void {
    if (this.turnTimer !== undefined) clearTimeout(this.turnTimer);
    this.turnTimer = undefined;
  }

  /** Hands the floor to a seeded random participant with the mic on (someone else when possible). */
  private takeTurn(): void {
    const state = this.state;
    if (!state || !this.running) return;
    const withMic = [...state.participants.values()].filter((p) => p.micOn);
    const others = withMic.filter((p) => p.id !== state.activeSpeakerId);
    const pool = others.length > 0 ? others : withMic;
    const next = pool[Math.floor(this.turns() * pool.length)];
    if (next) this.update((s) => speakerChanged(s, next.id, this.clock()));
  }

  /** The canvases the page shows right now; with `still`, none (they never redraw). */
  private animatedCanvases(): SyntheticCanvas[] {
    if (this.params.still || this.stopped) return [];
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
      const now = this.clock();
      for (const canvas of canvases) canvas.draw(now);
    }
    this.frameRequest = requestAnimationFrame(this.tick);
  };
}
