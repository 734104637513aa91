import { expect } from '@open-wc/testing';
import { RECORDING_LAYOUT_TOPIC } from '../../src/config/layout-message.js';
import { pageState } from '../../src/meeting/state.js';
import { settle } from '../fixtures/fake-js-sdk.js';
import { wait } from '../fixtures/harness.js';
import { aDemand, captureConsole, recordersStoppedAfterEach } from '../fixtures/fake-js-sdk-harness.js';

const recorder = recordersStoppedAfterEach();

const room = { participants: ['a', 'b', 'c'].map((id) => ({ id })) };

/** What the frame shows of each participant: a video track or not. */
function cameras(r: Awaited<ReturnType<typeof recorder>>): Record<string, boolean> {
  return Object.fromEntries([...r.store.state.participants.values()].map((p) => [p.id, p.videoTrack?.readyState === 'live']));
}

describe('VideoSdkSource: the SDK re-joins after its socket dropped (its real sequence)', () => {
  it('receives every on-screen camera and every mic again, on the SDK\'s new participant objects', async () => {
    const r = await recorder(room);
    r.source.demand(aDemand(['a', 'b'], ['a', 'b', 'c']));
    await settle();
    expect(cameras(r)).to.deep.equal({ a: true, b: true, c: false });

    r.meeting.dropConnection();
    await settle();
    r.meeting.rejoin();
    await settle();

    expect(r.meeting.consumption()).to.deep.equal({ video: ['a', 'b'], mic: ['a', 'b', 'c'] });
    expect(cameras(r)).to.deep.equal({ a: true, b: true, c: false });
    const audible = [...r.store.state.participants.values()].filter((p) => p.audioTrack?.readyState === 'live').map((p) => p.id);
    expect(audible).to.deep.equal(['a', 'b', 'c']);
  });

  it('follows media events of the new objects and no longer listens to the old ones', async () => {
    const r = await recorder(room);
    r.source.demand(aDemand(['a'], ['a']));
    await settle();
    const old = r.meeting.participant('a');
    r.meeting.dropConnection();
    r.meeting.rejoin();
    await settle();
    expect(old.listenerCount()).to.equal(0);

    r.meeting.participant('a').setMedia('video', false);
    await settle();
    expect(r.store.state.participants.get('a')?.webcamOn).to.equal(false);
    expect(r.store.state.participants.get('a')?.videoTrack).to.equal(undefined);
  });

  it('keeps every tile and the live frame through the whole blip', async () => {
    const r = await recorder(room);
    r.source.demand(aDemand(['a', 'b', 'c']));
    await settle();
    const seen = new Set<string>();
    const unsubscribe = r.store.subscribe((s) => seen.add(`${pageState(s)}:${s.participants.size}`));
    r.meeting.dropConnection({ announce: true });
    await settle();
    r.meeting.rejoin();
    await settle();
    unsubscribe();
    expect([...seen]).to.deep.equal(['live:3']);
  });

  it('keeps each tile\'s last frame while the socket is down, and swaps in the new stream after the re-join', async () => {
    const r = await recorder(room);
    r.source.demand(aDemand(['a', 'b']));
    await settle();
    const before = r.store.state.participants.get('a')?.videoTrack;
    r.meeting.dropConnection();
    await settle();
    expect(r.store.state.participants.get('a')?.videoTrack).to.equal(before);
    expect(r.store.state.participants.get('a')?.webcamOn).to.equal(true);
    expect(r.meeting.calls.filter((c) => c.method.startsWith('consume') || c.method.startsWith('stop'))).to.have.length(4);
    r.meeting.rejoin();
    await settle();
    const after = r.store.state.participants.get('a')?.videoTrack;
    expect(after).to.not.equal(before);
    expect(after?.readyState).to.equal('live');
  });

  it('takes a camera that went off during the blip off the screen once the grace period passes', async () => {
    const r = await recorder(room, {}, { staleTrackGraceMs: 50 });
    r.source.demand(aDemand(['a', 'b']));
    await settle();
    r.meeting.dropConnection();
    r.meeting.rejoin({ camerasOffMeanwhile: ['b'] });
    await settle();
    expect(r.store.state.participants.get('b')?.webcamOn).to.equal(true);
    await wait(80);
    expect(r.store.state.participants.get('b')?.webcamOn).to.equal(false);
    expect(r.store.state.participants.get('b')?.videoTrack).to.equal(undefined);
    expect(r.store.state.participants.get('a')?.videoTrack?.readyState).to.equal('live');
  });

  it('does not show someone who left while the recorder was away (the SDK sends no participant-left)', async () => {
    const r = await recorder(room);
    r.source.demand(aDemand(['a', 'b', 'c']));
    await settle();
    r.meeting.dropConnection();
    r.meeting.rejoin({ leftMeanwhile: ['b'] });
    await settle();
    expect([...r.store.state.participants.keys()]).to.deep.equal(['a', 'c']);
  });

  it('subscribes to the layout topic again, applies what was published meanwhile, then live messages', async () => {
    const r = await recorder(room);
    expect(r.meeting.pubSub.subscriberCount(RECORDING_LAYOUT_TOPIC)).to.equal(1);
    r.meeting.dropConnection();
    expect(r.meeting.pubSub.subscriberCount(RECORDING_LAYOUT_TOPIC)).to.equal(0);
    r.meeting.pubSub.persistOld(RECORDING_LAYOUT_TOPIC, JSON.stringify({ layout: { type: 'SIDEBAR' } }));
    r.meeting.rejoin();
    await settle();
    expect(r.meeting.pubSub.subscriberCount(RECORDING_LAYOUT_TOPIC)).to.equal(1);
    expect(r.store.state.optionOverrides).to.deep.equal({ layoutType: 'SIDEBAR' });

    r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, JSON.stringify({ theme: 'DARK' }));
    expect(r.store.state.optionOverrides).to.deep.equal({ layoutType: 'SIDEBAR', theme: 'DARK' });
  });

  it('does not re-apply a persisted message it already applied before the blip', async () => {
    const r = await recorder(room);
    r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, JSON.stringify({ theme: 'DARK' }));
    r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, JSON.stringify({ theme: 'LIGHT' }), { persist: false });
    expect(r.store.state.optionOverrides).to.deep.equal({ theme: 'LIGHT' });
    r.meeting.dropConnection();
    r.meeting.rejoin();
    await settle();
    expect(r.store.state.optionOverrides).to.deep.equal({ theme: 'LIGHT' });
  });
});

describe('VideoSdkSource: a failed layout subscription is retried', () => {
  it('subscribes again after the retry delay when the subscribe call fails, with one warning', async () => {
    const log = await captureConsole(async () => {
      const r = await recorder(room, {}, { retryDelayMs: 50 });
      r.meeting.dropConnection();
      const pubSub = r.meeting.pubSub;
      const subscribe = pubSub.subscribe.bind(pubSub);
      let failures = 1;
      pubSub.subscribe = async (...args) => {
        if (failures-- > 0) throw Object.assign(new Error('PubSub is disconnected.'), { code: 4088 });
        return subscribe(...args);
      };
      r.meeting.rejoin();
      await settle();
      expect(pubSub.subscriberCount(RECORDING_LAYOUT_TOPIC)).to.equal(0);
      await wait(120);
      await settle();
      expect(pubSub.subscriberCount(RECORDING_LAYOUT_TOPIC)).to.equal(1);
      pubSub.send(RECORDING_LAYOUT_TOPIC, JSON.stringify({ layout: { type: 'SPOTLIGHT' } }));
      expect(r.store.state.optionOverrides).to.deep.equal({ layoutType: 'SPOTLIGHT' });
    });
    expect(log.warn.filter((w) => w.includes(RECORDING_LAYOUT_TOPIC))).to.have.length(1);
  });
});

describe('VideoSdkSource: the specific error stays on the frame', () => {
  for (const code of [3047, 4001]) {
    it(`shows ${code} when meeting-state-changed FAILED follows it`, async () => {
      await captureConsole(async () => {
        const r = await recorder({ ...room, join: { code, message: `error ${code}` } }, {}, {});
        r.meeting.connection('FAILED');
        await settle();
        expect(r.store.state.status).to.equal('error');
        expect(r.store.state.failure?.code).to.equal(String(code));
      });
    });
  }
});

describe('VideoSdkSource: the live layout topic follows the output being filmed', () => {
  for (const [output, topic] of [['hls', 'HLS_LAYOUT'], ['livestream', 'LIVE_STREAM_LAYOUT'], ['recording', 'RECORDING_LAYOUT']] as const) {
    it(`follows ${topic} for output=${output}, and only it`, async () => {
      const r = await recorder(room, {}, { output });
      const other = topic === 'RECORDING_LAYOUT' ? 'HLS_LAYOUT' : RECORDING_LAYOUT_TOPIC;
      expect(r.meeting.pubSub.subscriberCount(topic)).to.equal(1);
      expect(r.meeting.pubSub.subscriberCount(other)).to.equal(0);
      r.meeting.pubSub.send(topic, JSON.stringify({ layout: { type: 'SIDEBAR' } }));
      expect(r.store.state.optionOverrides).to.deep.equal({ layoutType: 'SIDEBAR' });
    });
  }
});

describe('VideoSdkSource: a refused entry', () => {
  it('shows ENTRY_DENIED when the recorder\'s own entry is denied (the SDK emits nothing else)', async () => {
    await captureConsole(async () => {
      const r = await recorder(room);
      r.meeting.emitRaw('entry-responded', 'someone-else', 'denied');
      expect(r.store.state.status).to.equal('live');
      r.meeting.emitRaw('entry-responded', 'rec-1', 'denied');
      expect(r.store.state.status).to.equal('error');
      expect(r.store.state.failure?.code).to.equal('ENTRY_DENIED');
      expect(r.store.state.failure?.message).to.contain('allow_join');
    });
  });
});
