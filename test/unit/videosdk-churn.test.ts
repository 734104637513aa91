import { expect } from '@open-wc/testing';
import type { MediaDemand } from '../../src/meeting/source.js';
import type { MeetingState } from '../../src/meeting/state.js';
import { settle } from '../fixtures/fake-js-sdk.js';
import { type Recorder, aDemand, aRecorder, captureConsole } from '../fixtures/fake-js-sdk-harness.js';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a page would demand: the first four participants (by join order) on screen, everyone heard. */
function demandFor(state: MeetingState): MediaDemand {
  const all = [...state.participants.keys()];
  return aDemand(all.slice(0, 4), all, Object.fromEntries(all.slice(0, 4).map((id) => [id, { width: 640, height: 360 }])));
}

function tracksIn(state: MeetingState): MediaStreamTrack[] {
  const tracks: MediaStreamTrack[] = [];
  for (const p of state.participants.values()) {
    for (const t of [p.videoTrack, p.audioTrack, p.shareTrack, p.shareAudioTrack]) if (t) tracks.push(t);
  }
  return tracks;
}

describe('VideoSdkSource: churn', () => {
  let r: Recorder | undefined;

  afterEach(() => {
    r?.source.stop();
    r?.sdk.media.dispose();
    r = undefined;
  });

  for (const seed of [20260521, 7, 424242]) {
  it(`survives 1,000 random joins, leaves, mode changes and stream toggles without leaks (seed ${seed})`, async function () {
    this.timeout(60_000);
    const next = random(seed);
    const log = await captureConsole(async () => {
      r = await aRecorder({ participants: [{ id: 'p0' }, { id: 'p1' }] });
      const { meeting, source, store } = r;
      let counter = 2;
      const departed = new Set<string>();
      for (let step = 0; step < 1000; step += 1) {
        const present = [...meeting.participants.keys()];
        const pick = (): string | undefined => present[Math.floor(next() * present.length)];
        const roll = next();
        const id = pick();
        if (roll < 0.25 || present.length < 2) {
          const newId = `p${counter++}`;
          meeting.addParticipant({ id: newId, webcam: next() < 0.8, mic: next() < 0.8, mode: next() < 0.15 ? 'SIGNALLING_ONLY' : 'SEND_AND_RECV' });
        } else if (roll < 0.45 && id) {
          meeting.removeParticipant(id);
          departed.add(id);
        } else if (roll < 0.6 && id) {
          meeting.participant(id).setMedia('video', next() < 0.5);
        } else if (roll < 0.72 && id) {
          meeting.participant(id).setMedia('audio', next() < 0.5);
        } else if (roll < 0.8 && id) {
          meeting.share(id, next() < 0.5, next() < 0.5);
        } else if (roll < 0.86 && id) {
          meeting.speak(next() < 0.1 ? null : id);
        } else if (roll < 0.91 && id) {
          meeting.pin(id, { cam: next() < 0.5, share: next() < 0.3 });
        } else if (roll < 0.95 && id) {
          meeting.changeMode(id, next() < 0.5 ? 'SEND_AND_RECV' : 'RECV_ONLY');
        } else {
          meeting.connection(next() < 0.5 ? 'RECONNECTING' : 'CONNECTED');
        }
        // The page re-demands after each change, as the app element does.
        source.demand(demandFor(store.state));
        if (step % 20 === 0) await settle();
      }
      meeting.connection('CONNECTED');
      source.demand(demandFor(store.state));
      await settle();

      const state = store.state;
      expect(state.status).to.equal('live');
      // Nobody who left is still in the state, and only shown participants are.
      for (const id of state.participants.keys()) {
        const fake = meeting.participants.get(id);
        expect(fake, `departed ${id} still shown`).to.not.equal(undefined);
        expect(fake?.mode).to.be.oneOf(['SEND_AND_RECV', 'CONFERENCE']);
      }
      for (const id of departed) if (!meeting.participants.has(id)) expect(state.participants.has(id)).to.equal(false);
      expect(departed.size).to.be.greaterThan(100);
      // Every track the state holds is live, and belongs to a participant who is still there.
      for (const track of tracksIn(state)) expect(track.readyState).to.equal('live');
      // The only live tracks are the ones the state holds: nothing held for departed participants.
      const held = new Set(tracksIn(state));
      for (const track of r.sdk.media.liveTracks()) expect(held.has(track), `unreferenced live ${track.kind} track`).to.equal(true);
      // Consumption matches what is on screen and heard.
      const demand = demandFor(state);
      const consumption = meeting.consumption();
      expect(consumption.video).to.deep.equal([...demand.video].sort());
      expect(consumption.mic).to.deep.equal([...demand.audio].sort());
      // Listeners only on the participants shown now.
      for (const fake of meeting.participants.values()) {
        expect(fake.listenerCount()).to.equal(state.participants.has(fake.id) ? 3 : 0);
      }
    });
    expect(log.error).to.deep.equal([]);
  });
  }
});
