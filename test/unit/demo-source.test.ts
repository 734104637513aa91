import { expect } from '@open-wc/testing';
import type { DemoParams } from '../../src/config/url-params.js';
import { DEMO_NAMES } from '../../src/sources/demo/demo-names.js';
import { DemoSource, type DemoSourceOptions } from '../../src/sources/demo/demo-source.js';
import { seededRandom } from '../../src/sources/demo/demo-random.js';
import type { MediaDemand } from '../../src/meeting/source.js';
import type { MeetingState, Participant } from '../../src/meeting/state.js';
import { MeetingStore } from '../../src/meeting/store.js';
import { wait } from '../fixtures/harness.js';


function demoParams(overrides: Partial<DemoParams> = {}): DemoParams {
  return { count: 4, seed: 1, pins: [], cameraOff: [], muted: [], names: [], still: true, ...overrides };
}

function demandOf(video: string[], share: string[] = []): MediaDemand {
  return { video: new Set(video), share: new Set(share), audio: new Set(), tileSizes: new Map() };
}

function tracksOf(p: Participant): MediaStreamTrack[] {
  return [p.videoTrack, p.audioTrack, p.shareTrack, p.shareAudioTrack].filter(
    (t): t is MediaStreamTrack => t !== undefined,
  );
}

/** Counts the frames a <video> presents for a track over `ms`. */
async function presentedFrames(track: MediaStreamTrack, ms: number): Promise<number> {
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = new MediaStream([track]);
  document.body.append(video);
  await video.play();
  await wait(300); // let the first (re-delivered) frame settle
  let frames = 0;
  const count = () => {
    frames += 1;
    video.requestVideoFrameCallback(count);
  };
  video.requestVideoFrameCallback(count);
  await wait(ms);
  video.remove();
  return frames;
}

describe('DemoSource', () => {
  let sources: DemoSource[] = [];
  /** Starts a source on a fresh store; every source is stopped after the test. */
  async function startDemo(
    overrides: Partial<DemoParams> = {},
    clock?: () => number,
    options?: DemoSourceOptions,
  ): Promise<{ source: DemoSource; store: MeetingStore }> {
    const source = new DemoSource(demoParams(overrides), clock, options);
    sources.push(source);
    const store = new MeetingStore();
    await source.start(store);
    return { source, store };
  }
  const participant = (state: MeetingState, id: string): Participant => {
    const p = state.participants.get(id);
    if (!p) throw new Error(`${id} is not in the meeting`);
    return p;
  };

  afterEach(() => {
    for (const s of sources) s.stop();
    sources = [];
  });

  describe('start', () => {
    it('fills the store with p1…p4 in join order, cameras and mics on, and goes live', async () => {
      const { store } = await startDemo();
      const { state } = store;
      expect(state.status).to.equal('live');
      expect([...state.participants.keys()]).to.deep.equal(['p1', 'p2', 'p3', 'p4']);
      expect([...state.participants.values()].map((p) => p.joinOrder)).to.deep.equal([1, 2, 3, 4]);
      for (const p of state.participants.values()) {
        expect(DEMO_NAMES).to.include(p.displayName);
        expect(p.webcamOn && p.micOn).to.equal(true);
        expect(p.videoTrack?.readyState).to.equal('live');
        expect(p.audioTrack?.readyState).to.equal('live');
        expect(p.screenShareOn).to.equal(false);
      }
      expect(state.activeSpeakerId).to.equal(null);
      expect(state.presenterId).to.equal(null);
    });

    it('picks names by seed: the same seed gives the same names, another seed others', async () => {
      const names = (s: MeetingStore) => [...s.state.participants.values()].map((p) => p.displayName);
      const a = await startDemo({ seed: 42, count: 6 });
      const b = await startDemo({ seed: 42, count: 6 });
      const c = await startDemo({ seed: 43, count: 6 });
      expect(names(a.store)).to.deep.equal(names(b.store));
      expect(names(a.store)).not.to.deep.equal(names(c.store));
      expect(new Set(names(a.store)).size).to.equal(6);
    });

    it('uses `names` in participant order, leaving the others as generated', async () => {
      const plain = await startDemo({ seed: 3 });
      const named = await startDemo({ seed: 3, names: ['Ada Lovelace', 'Ελένη'] });
      const names = (s: MeetingStore) => [...s.state.participants.values()].map((p) => p.displayName);
      expect(names(named.store)).to.deep.equal(['Ada Lovelace', 'Ελένη', ...names(plain.store).slice(2)]);
    });

    it('reflects speaker, pins, presenter, cameraOff and muted, ignoring unknown ids', async () => {
      let now = 1234;
      const { store } = await startDemo(
        {
          count: 5,
          speaker: 'p3',
          pins: ['p4', 'p2', 'p9'],
          presenter: 'p2',
          cameraOff: ['p1', 'p5', 'nobody'],
          muted: ['p4'],
        },
        () => now,
      );
      now = 9999;
      const { state } = store;
      expect(state.activeSpeakerId).to.equal('p3');
      expect(state.speakingSince).to.equal(1234);
      expect(participant(state, 'p3').lastActiveAt).to.equal(1234);
      expect(state.pins).to.deep.equal([
        { participantId: 'p4', cam: true, share: false },
        { participantId: 'p2', cam: true, share: false },
      ]);
      expect(state.presenterId).to.equal('p2');
      const presenter = participant(state, 'p2');
      expect(presenter.screenShareOn).to.equal(true);
      expect(presenter.shareTrack?.readyState).to.equal('live');
      const { width, height } = presenter.shareTrack!.getSettings();
      expect(width! / height!).to.be.closeTo(16 / 9, 0.01);
      for (const id of ['p1', 'p5']) {
        expect(participant(state, id).webcamOn).to.equal(false);
        expect(participant(state, id).videoTrack).to.equal(undefined);
      }
      expect(participant(state, 'p2').videoTrack?.readyState).to.equal('live');
      expect(participant(state, 'p4').micOn).to.equal(false);
      expect(participant(state, 'p4').audioTrack).to.equal(undefined);
      expect(participant(state, 'p3').micOn).to.equal(true);
    });

    it('loads the page fonts the first frames need before filling the store', async () => {
      const face = new FontFace('Noto Sans', 'url(/node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2)', {
        weight: '400',
      });
      document.fonts.add(face);
      try {
        const { store } = await startDemo({ still: true, names: ['Ada'] });
        expect(face.status).to.equal('loaded');
        expect(store.state.participants.size).to.equal(4);
      } finally {
        document.fonts.delete(face);
      }
    });

    it('starts the largest meeting (100) quickly, with distinct names', async () => {
      const started = performance.now();
      const { store } = await startDemo({ count: 100 });
      const elapsed = performance.now() - started;
      expect(store.state.participants.size).to.equal(100);
      expect(new Set([...store.state.participants.values()].map((p) => p.displayName)).size).to.equal(100);
      expect(elapsed).to.be.below(5000);
    });

    it('runs an empty meeting for count 0', async () => {
      const { store } = await startDemo({ count: 0 });
      expect(store.state.status).to.equal('live');
      expect(store.state.participants.size).to.equal(0);
    });
  });

  describe('controls', () => {
    it('speak makes someone the active speaker, stamped with the clock, and null silences everyone', async () => {
      let now = 100;
      const { source, store } = await startDemo({}, () => now);
      now = 500;
      source.controls.speak('p2');
      expect(store.state.activeSpeakerId).to.equal('p2');
      expect(store.state.speakingSince).to.equal(500);
      now = 800;
      source.controls.speak('p4');
      expect(participant(store.state, 'p2').lastActiveAt).to.equal(800);
      source.controls.speak('ghost');
      expect(store.state.activeSpeakerId).to.equal('p4');
      source.controls.speak(null);
      expect(store.state.activeSpeakerId).to.equal(null);
    });

    it('pin and unpin keep pin order', async () => {
      const { source, store } = await startDemo();
      source.controls.pin('p3');
      source.controls.pin('p1');
      source.controls.pin('p3');
      source.controls.pin('ghost');
      expect(store.state.pins.map((p) => p.participantId)).to.deep.equal(['p3', 'p1']);
      expect(store.state.pins[0]).to.deep.equal({ participantId: 'p3', cam: true, share: false });
      source.controls.unpin('p3');
      expect(store.state.pins.map((p) => p.participantId)).to.deep.equal(['p1']);
    });

    it('startShare gives a live share track and stops any other share; stopShare ends it', async () => {
      const { source, store } = await startDemo();
      source.controls.startShare('p1');
      const first = participant(store.state, 'p1').shareTrack;
      expect(store.state.presenterId).to.equal('p1');
      expect(first?.readyState).to.equal('live');

      source.controls.startShare('p3');
      expect(store.state.presenterId).to.equal('p3');
      expect(participant(store.state, 'p1').screenShareOn).to.equal(false);
      expect(participant(store.state, 'p1').shareTrack).to.equal(undefined);
      expect(first?.readyState).to.equal('ended');

      const second = participant(store.state, 'p3').shareTrack;
      source.controls.stopShare();
      expect(store.state.presenterId).to.equal(null);
      expect(participant(store.state, 'p3').screenShareOn).to.equal(false);
      expect(second?.readyState).to.equal('ended');
    });

    it('join adds p<N+1> last with a generated or given name, camera and mic on', async () => {
      const { source, store } = await startDemo();
      const id = source.controls.join();
      const named = source.controls.join('Zaphod 🚀');
      expect([id, named]).to.deep.equal(['p5', 'p6']);
      const joined = participant(store.state, 'p5');
      expect(joined.joinOrder).to.equal(5);
      expect(DEMO_NAMES).to.include(joined.displayName);
      const others = [...store.state.participants.values()].filter((p) => p.id !== 'p5');
      expect(others.map((p) => p.displayName)).not.to.include(joined.displayName);
      expect(joined.videoTrack?.readyState).to.equal('live');
      expect(joined.audioTrack?.readyState).to.equal('live');
      expect(participant(store.state, 'p6').displayName).to.equal('Zaphod 🚀');
    });

    it('leave removes the participant, their pin, share and speaker role, and ends their tracks', async () => {
      const { source, store } = await startDemo({ speaker: 'p2', pins: ['p2'], presenter: 'p2' });
      const tracks = tracksOf(participant(store.state, 'p2'));
      expect(tracks).to.have.length(3);
      source.controls.leave('p2');
      expect(store.state.participants.has('p2')).to.equal(false);
      expect(store.state.activeSpeakerId).to.equal(null);
      expect(store.state.presenterId).to.equal(null);
      expect(store.state.pins).to.deep.equal([]);
      for (const t of tracks) expect(t.readyState).to.equal('ended');
      // Ids are never reused, so a late event for p2 cannot hit a newcomer.
      expect(source.controls.join()).to.equal('p5');
    });

    it('setCamera and setMic stop and recreate tracks and flip webcamOn/micOn', async () => {
      const { source, store } = await startDemo();
      const video = participant(store.state, 'p1').videoTrack!;
      const audio = participant(store.state, 'p1').audioTrack!;
      source.controls.setCamera('p1', false);
      source.controls.setMic('p1', false);
      let p1 = participant(store.state, 'p1');
      expect([p1.webcamOn, p1.micOn, p1.videoTrack, p1.audioTrack]).to.deep.equal([false, false, undefined, undefined]);
      expect([video.readyState, audio.readyState]).to.deep.equal(['ended', 'ended']);

      source.controls.setCamera('p1', true);
      source.controls.setMic('p1', true);
      p1 = participant(store.state, 'p1');
      expect([p1.webcamOn, p1.micOn]).to.deep.equal([true, true]);
      expect(p1.videoTrack?.readyState).to.equal('live');
      expect(p1.audioTrack?.readyState).to.equal('live');
      expect(p1.videoTrack).not.to.equal(video);
    });

    it('ignores unknown ids and does nothing after stop', async () => {
      const { source, store } = await startDemo();
      const before = store.state;
      source.controls.setCamera('ghost', false);
      source.controls.setMic('ghost', false);
      source.controls.leave('ghost');
      source.controls.unpin('ghost');
      source.controls.startShare('ghost');
      expect(store.state).to.equal(before);
      source.stop();
      expect(source.controls.join()).to.equal('');
      source.controls.speak('p1');
      expect(store.state.activeSpeakerId).to.equal(before.activeSpeakerId);
    });
  });

  describe('simulated speaking', () => {
    const fast: DemoSourceOptions = { turnMs: { min: 40, max: 60 } };

    it('takes turns among participants with the mic on when not still', async () => {
      const { store } = await startDemo({ still: false, muted: ['p2'] }, undefined, fast);
      const speakers = new Set<string>();
      const unsubscribe = store.subscribe((s) => s.activeSpeakerId && speakers.add(s.activeSpeakerId));
      if (store.state.activeSpeakerId) speakers.add(store.state.activeSpeakerId);
      await wait(700);
      unsubscribe();
      expect(speakers.size).to.be.greaterThan(1);
      expect(speakers.has('p2')).to.equal(false);
    });

    it('stops taking turns after setAutoSpeak(false) or a manual speak', async () => {
      const { source, store } = await startDemo({ still: false }, undefined, fast);
      source.controls.setAutoSpeak(false);
      const frozen = store.state.activeSpeakerId;
      await wait(250);
      expect(store.state.activeSpeakerId).to.equal(frozen);

      source.controls.setAutoSpeak(true);
      await wait(250);
      source.controls.speak('p3');
      await wait(250);
      expect(store.state.activeSpeakerId).to.equal('p3');
    });

    it('changes nothing by itself with still', async () => {
      const { store } = await startDemo({ still: true, speaker: 'p1' }, undefined, fast);
      const before = store.state;
      await wait(300);
      expect(store.state).to.equal(before);
    });
  });

  describe('video and demand', () => {
    it('presents a still frame in a <video>, identical for the same seed', async () => {
      const a = await startDemo({ still: true, seed: 5 });
      const b = await startDemo({ still: true, seed: 5 });
      const frame = async (track: MediaStreamTrack) => {
        const video = document.createElement('video');
        video.muted = true;
        video.srcObject = new MediaStream([track]);
        document.body.append(video);
        const presented = new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
        await video.play();
        await Promise.race([presented, wait(3000)]);
        const canvas = document.createElement('canvas');
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        canvas.getContext('2d')!.drawImage(video, 0, 0);
        video.remove();
        return { width: canvas.width, data: canvas.toDataURL() };
      };
      const fa = await frame(participant(a.store.state, 'p2').videoTrack!);
      const fb = await frame(participant(b.store.state, 'p2').videoTrack!);
      expect(fa.width).to.equal(640);
      expect(fa.data).to.equal(fb.data);
    });

    it('never redraws with still, whatever is on screen', async () => {
      const { source } = await startDemo({ still: true, presenter: 'p1' });
      source.demand(demandOf(['p1', 'p2'], ['p1']));
      await wait(300);
      expect(source.framesDrawn('p1')).to.equal(1);
      expect(source.framesDrawn('p1', 'share')).to.equal(1);
    });

    it('animates only the videos and shares on screen, following the latest demand', async () => {
      const { source } = await startDemo({ still: false, presenter: 'p4' });
      source.demand(demandOf(['p1', 'p3'], ['p4']));
      await wait(500);
      const drawn = (id: string) => source.framesDrawn(id);
      expect(drawn('p1')).to.be.greaterThan(5);
      expect(drawn('p3')).to.be.greaterThan(5);
      expect(source.framesDrawn('p4', 'share')).to.be.greaterThan(5);
      expect(drawn('p2')).to.equal(1);
      expect(drawn('p4')).to.equal(1);
      // At most the capture rate, however fast the display refreshes.
      expect(drawn('p1')).to.be.below(0.5 * 30 * 1.5 + 2);

      source.demand(demandOf(['p2']));
      const p1Before = drawn('p1');
      await wait(400);
      expect(drawn('p1')).to.be.at.most(p1Before + 1);
      expect(drawn('p2')).to.be.greaterThan(5);
    });

    it('presents frames only for on-screen tracks', async () => {
      const { source, store } = await startDemo({ still: false });
      source.demand(demandOf(['p1']));
      const onScreen = presentedFrames(participant(store.state, 'p1').videoTrack!, 600);
      const offScreen = presentedFrames(participant(store.state, 'p2').videoTrack!, 600);
      const [on, off] = await Promise.all([onScreen, offScreen]);
      // About 18 at 30 fps; the bound leaves room for a loaded 2-core CI machine.
      expect(on).to.be.greaterThan(5);
      expect(off).to.be.at.most(1);
    });
  });

  describe('audio', () => {
    it('makes the active speaker with the mic on audible and keeps everyone else silent', async () => {
      const { source, store } = await startDemo({ speaker: 'p1' });
      expect(source.audioState).to.equal('running');
      const level = async (id: string) => {
        const ctx = new AudioContext();
        const analyser = ctx.createAnalyser();
        ctx.createMediaStreamSource(new MediaStream([participant(store.state, id).audioTrack!])).connect(analyser);
        const samples = new Float32Array(analyser.fftSize);
        let peak = 0;
        for (let i = 0; i < 8; i++) {
          await wait(50);
          analyser.getFloatTimeDomainData(samples);
          peak = Math.max(peak, ...samples.map(Math.abs));
        }
        await ctx.close();
        return peak;
      };
      const [speaking, quiet] = await Promise.all([level('p1'), level('p2')]);
      expect(speaking).to.be.above(0.005);
      expect(quiet).to.equal(0);
      source.controls.speak('p2');
      await wait(300);
      const [before, after] = await Promise.all([level('p1'), level('p2')]);
      expect(before).to.equal(0);
      expect(after).to.be.above(0.005);
    });
  });

  describe('stop', () => {
    it('ends every track, stops drawing and speaking, and closes the AudioContext', async () => {
      const { source, store } = await startDemo({ still: false, presenter: 'p1' }, undefined, {
        turnMs: { min: 30, max: 40 },
      });
      source.demand(demandOf(['p1', 'p2'], ['p1']));
      await wait(200);
      const tracks = [...store.state.participants.values()].flatMap(tracksOf);
      expect(tracks).to.have.length(9);
      source.stop();
      const revision = store.state.revision;
      for (const t of tracks) expect(t.readyState).to.equal('ended');
      await wait(300);
      expect(source.audioState).to.equal('closed');
      expect(store.state.revision).to.equal(revision);
      expect(source.framesDrawn('p1')).to.equal(0);
    });
  });

  it('leaves no live tracks for departed participants after 200 random joins, leaves and toggles', async () => {
    const { source, store } = await startDemo({ still: false, count: 6 });
    const seen = new Map<string, Set<MediaStreamTrack>>();
    const record = (state: MeetingState) => {
      for (const p of state.participants.values()) {
        const set = seen.get(p.id) ?? new Set();
        for (const t of tracksOf(p)) set.add(t);
        seen.set(p.id, set);
      }
    };
    record(store.state);
    store.subscribe(record);
    const random = seededRandom(99);
    const pick = () => {
      const ids = [...store.state.participants.keys()];
      return ids[Math.floor(random() * ids.length)] ?? 'p1';
    };
    const { controls } = source;
    const actions = [
      () => controls.join(),
      () => controls.leave(pick()),
      () => controls.setCamera(pick(), random() < 0.5),
      () => controls.setMic(pick(), random() < 0.5),
      () => controls.startShare(pick()),
      () => controls.stopShare(),
      () => controls.speak(pick()),
      () => controls.pin(pick()),
      () => source.demand(demandOf([pick(), pick()], [pick()])),
    ];
    for (let i = 0; i < 200; i++) actions[Math.floor(random() * actions.length)]!();

    const { state } = store;
    for (const [id, tracks] of seen) {
      const present = state.participants.get(id);
      const current = new Set(present ? tracksOf(present) : []);
      for (const t of tracks) expect(t.readyState, `${id} ${t.kind}`).to.equal(current.has(t) ? 'live' : 'ended');
    }
    for (const p of state.participants.values()) {
      expect(p.videoTrack !== undefined, `${p.id} video`).to.equal(p.webcamOn);
      expect(p.shareTrack !== undefined, `${p.id} share`).to.equal(p.screenShareOn);
    }
    expect([...seen.keys()].length).to.be.greaterThan(6);
    source.stop();
    for (const tracks of seen.values()) for (const t of tracks) expect(t.readyState).to.equal('ended');
  });
});
