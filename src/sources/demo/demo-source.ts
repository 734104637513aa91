/**
 * The simulated meeting: seeded participants with synthetic video, voices and a shared slide,
 * driven by the URL's demo parameters and, at run time, by DemoControls.
 */
import { type DemoParams, MAX_DEMO_PARTICIPANTS } from '../../config/url-params.js';
import { loadCanvasFonts } from './canvas-fonts.js';
import { agentName } from './demo-agents.js';
import type { DemoControls } from './demo-controls.js';
import { DemoFeatures } from './demo-features.js';
import { DemoMedia } from './demo-media.js';
import { DemoNamePicker } from './demo-names.js';
import { seededRandom } from './demo-random.js';
import { SpeakingTurns } from './demo-turns.js';
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
import { DEFAULT_SLIDE_SIZE, DEFAULT_VIDEO_SIZE, type VideoSize } from './synthetic-canvas.js';

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

/** A seeded simulated meeting: a MeetingSource that needs no network and exposes DemoControls. */
export class DemoSource implements MeetingSource {
  readonly controls: DemoControls;
  private store?: MeetingStore;
  private unsubscribe?: () => void;
  private readonly names: DemoNamePicker;
  private readonly turns: SpeakingTurns;
  private readonly media: DemoMedia;
  private readonly clipUrl?: string;
  private readonly features: DemoFeatures;
  private lastNumber = 0;
  private lastAgent = 0;
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
    const turnRandom = seededRandom((params.seed ^ 0x5bd1e995) >>> 0);
    this.turns = new SpeakingTurns(turnRandom, options.turnMs ?? { min: 2000, max: 5000 }, !params.still, {
      running: () => this.running,
      state: () => this.state,
      speak: (id) => this.features.takeTurn(id),
    });
    this.features = new DemoFeatures(seededRandom((params.seed ^ 0x2545f491) >>> 0), {
      running: () => this.running,
      state: () => this.state,
      update: (transition) => this.update(transition),
      clock,
    });
    this.media = new DemoMedia({
      seed: params.seed,
      still: params.still,
      videoSize: options.videoSize ?? DEFAULT_VIDEO_SIZE,
      slideSize: options.slideSize ?? DEFAULT_SLIDE_SIZE,
      clock,
    });
    // Still frames are for snapshots: they always come from the canvas.
    this.clipUrl = params.still ? undefined : (options.clipUrl ?? params.clip);
    this.controls = this.createControls();
  }

  async start(store: MeetingStore): Promise<void> {
    if (this.store || this.stopped) return;
    this.store = store;
    this.media.beginAt(this.clock());
    this.unsubscribe = store.subscribe((state) => this.media.syncVoices(state));

    const { params } = this;
    const count = Math.max(0, Math.min(MAX_DEMO_PARTICIPANTS, Math.floor(params.count)));
    // The picker advances for every participant, so overriding p1's name leaves p2's unchanged.
    const names = Array.from({ length: count }, (_, i) => {
      const picked = this.names.next();
      return params.names[i] ?? picked;
    });
    // First frames are drawn with the page's fonts, never a fallback that depends on load timing.
    await loadCanvasFonts(names.join(''));
    if (this.clipUrl !== undefined) await this.media.loadClip(this.clipUrl);
    if (this.stopped) return;
    const joining = names.map((name, i) => {
      const id = `p${i + 1}`;
      return this.newParticipant(id, name, {
        camera: !params.cameraOff.includes(id),
        mic: !params.muted.includes(id),
      });
    });
    this.lastNumber = count;
    for (let n = 1; n <= (params.agents ?? 0); n++) joining.push(this.newAgent(`a${n}`, agentName(n)));
    this.lastAgent = params.agents ?? 0;
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
    if (params.speaker !== undefined && store.state.participants.get(params.speaker)?.isAgent) this.features.speak(params.speaker);
    this.features.start(store, params.transcribe === true && !params.still);
    if (params.presenter !== undefined) this.startShare(params.presenter);
    this.media.syncVoices(store.state);
    if (this.turns.on) {
      if (params.speaker === undefined) this.turns.take();
      this.turns.schedule();
    }
  }

  demand(demand: MediaDemand): void {
    this.media.demand(demand);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.turns.clear();
    this.features.stop();
    this.unsubscribe?.();
    this.media.stop();
  }

  /** Frames drawn so far for a participant's current video or share canvas (a cost probe for tests and benchmarks). */
  framesDrawn(participantId: string, kind: 'video' | 'share' = 'video'): number {
    return this.media.framesDrawn(participantId, kind);
  }

  /** The shared AudioContext's state ('unused' before any voice, 'unavailable' without WebAudio). */
  get audioState(): AudioContextState | 'unavailable' | 'unused' {
    return this.media.audioState;
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
        this.turns.set(false);
        if (this.running) this.features.speak(id);
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
      setAutoSpeak: (on) => this.turns.set(on),
      publish: (topic, message, sender) => this.features.publish(topic, message, sender),
      transcribe: (id, text, options) => this.features.transcribe(id, text, options),
      setAutoTranscribe: (on) => this.features.setAutoTranscribe(on),
      joinAgent: (displayName) => this.joinAgent(displayName),
      setAgentState: (id, state) => this.features.setAgentState(id, state),
    };
  }

  /** An agent: no camera, a voice, listening until it speaks. */
  private newAgent(id: string, displayName: string): Participant {
    return { ...this.newParticipant(id, displayName, { camera: false, mic: true }), isAgent: true, agentState: 'listening' };
  }

  private joinAgent(displayName?: string): string {
    if (!this.running) return '';
    this.lastAgent += 1;
    const id = `a${this.lastAgent}`;
    const joining = this.newAgent(id, displayName?.trim() || agentName(this.lastAgent));
    this.update((s) => participantJoined(s, joining));
    return id;
  }

  private newParticipant(id: string, displayName: string, on: { camera: boolean; mic: boolean }): Participant {
    const tracks = this.media.add(id, displayName, on);
    return {
      id,
      displayName,
      webcamOn: on.camera,
      micOn: on.mic,
      screenShareOn: false,
      videoTrack: tracks.video,
      audioTrack: tracks.audio,
      joinOrder: 0, // participantJoined assigns the real one
      lastActiveAt: 0,
    };
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
    this.media.release(id);
    this.update((s) => participantLeft(s, id));
  }

  private setCamera(id: string, on: boolean): void {
    const participant = this.state?.participants.get(id);
    if (!this.running || !participant || !this.media.has(id)) return;
    const videoTrack = this.media.setCamera(id, participant.displayName, on);
    this.update((s) => participantUpdated(s, id, { webcamOn: on, videoTrack }));
  }

  private setMic(id: string, on: boolean): void {
    if (!this.running || !this.state?.participants.has(id) || !this.media.has(id)) return;
    const audioTrack = this.media.setMic(id, on);
    this.update((s) => participantUpdated(s, id, { micOn: on, audioTrack }));
  }

  private startShare(id: string): void {
    const participant = this.state?.participants.get(id);
    if (!this.running || !participant || !this.media.has(id) || this.media.isSharing(id)) return;
    this.stopShare();
    const shareTrack = this.media.startSlide(id, participant.displayName);
    this.update((s) => presenterChanged(participantUpdated(s, id, { screenShareOn: true, shareTrack }), id));
  }

  private stopShare(): void {
    if (!this.running) return;
    for (const id of this.media.sharers()) {
      this.media.stopSlide(id);
      this.update((s) => participantUpdated(s, id, { screenShareOn: false, shareTrack: undefined }));
    }
    this.update((s) => presenterChanged(s, null));
  }
}
