import { expect } from '@open-wc/testing';
import { RECORDING_LAYOUT_TOPIC } from '../../src/config/layout-message.js';
import { settle } from '../fixtures/fake-js-sdk.js';
import { wait } from '../fixtures/harness.js';
import { aDemand, captureConsole, recordersStoppedAfterEach } from '../fixtures/fake-js-sdk-harness.js';

const recorder = recordersStoppedAfterEach();

const room = { participants: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id })) };

describe('VideoSdkSource: consumption follows what is on screen', () => {
  it('consumes nothing before the page says what it shows', async () => {
    const r = await recorder(room);
    expect(r.meeting.calls).to.deep.equal([]);
  });

  it('consumes webcam video only for on-screen participants and mic audio for everyone heard', async () => {
    const r = await recorder(room);
    r.source.demand(aDemand(['a', 'b'], ['a', 'b', 'c', 'd', 'e', 'f']));
    await settle();
    expect(r.meeting.consumption()).to.deep.equal({ video: ['a', 'b'], mic: ['a', 'b', 'c', 'd', 'e', 'f'] });
    const withVideo = [...r.store.state.participants.values()].filter((p) => p.videoTrack).map((p) => p.id);
    expect(withVideo).to.deep.equal(['a', 'b']);
  });

  it('stops consuming a webcam when its participant leaves the screen, and drops the track', async () => {
    const r = await recorder(room);
    r.source.demand(aDemand(['a', 'b']));
    await settle();
    const track = r.store.state.participants.get('a')?.videoTrack;
    r.source.demand(aDemand(['b', 'c'], ['a', 'b', 'c']));
    await settle();
    expect(r.meeting.consumption().video).to.deep.equal(['b', 'c']);
    expect(r.meeting.callsOf('stopConsumingWebcamStreams').map((c) => c.participantId)).to.deep.equal(['a']);
    expect(r.store.state.participants.get('a')?.videoTrack).to.equal(undefined);
    expect(track?.readyState).to.equal('ended');
  });

  it('does not call the SDK again for an unchanged demand', async () => {
    const r = await recorder(room);
    const demand = aDemand(['a', 'b'], ['a', 'b', 'c'], { a: { width: 640, height: 360 }, b: { width: 640, height: 360 } });
    r.source.demand(demand);
    await settle();
    const calls = r.meeting.calls.length;
    r.source.demand(demand);
    r.source.demand(aDemand(['b', 'a'], ['c', 'b', 'a'], { b: { width: 640, height: 360 }, a: { width: 640.2, height: 359.8 } }));
    await settle();
    expect(r.meeting.calls.length).to.equal(calls);
    expect(r.meeting.callsOf('consumeWebcamStreams')).to.have.length(2);
    expect(r.meeting.callsOf('consumeMicStreams')).to.have.length(3);
  });

  it('consumes no video at all in audio mode', async () => {
    const r = await recorder(room, { mode: 'audio' });
    r.source.demand(aDemand(['a', 'b', 'c'], ['a', 'b', 'c', 'd']));
    await settle();
    expect(r.meeting.consumption()).to.deep.equal({ video: [], mic: ['a', 'b', 'c', 'd'] });
    expect(r.meeting.callsOf('consumeWebcamStreams')).to.deep.equal([]);
  });

  it('stops all video when a live layout message switches to audio mode, and resumes when it switches back', async () => {
    const r = await recorder(room);
    r.source.demand(aDemand(['a', 'b']));
    await settle();
    r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, JSON.stringify({ mode: 'audio' }));
    await settle();
    expect(r.meeting.consumption()).to.deep.equal({ video: [], mic: ['a', 'b'] });
    r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, JSON.stringify({ mode: 'video-and-audio' }));
    await settle();
    expect(r.meeting.consumption().video).to.deep.equal(['a', 'b']);
  });

  it('sets the video quality once per stream and the viewport only when the tile size changes', async () => {
    const r = await recorder(room, { quality: 'low' });
    r.source.demand(aDemand(['a'], ['a'], { a: { width: 640, height: 360 } }));
    await settle();
    expect(r.meeting.callsOf('setQuality').map((c) => c.args)).to.deep.equal([['low']]);
    expect(r.meeting.callsOf('setViewPort').map((c) => c.args)).to.deep.equal([[640, 360]]);
    r.source.demand(aDemand(['a'], ['a'], { a: { width: 1280, height: 720 } }));
    r.source.demand(aDemand(['a'], ['a'], { a: { width: 1280, height: 720 } }));
    await settle();
    expect(r.meeting.callsOf('setViewPort').map((c) => c.args)).to.deep.equal([[640, 360], [1280, 720]]);
    expect(r.meeting.callsOf('setQuality')).to.have.length(1);
  });

  it('sends the hints again for a new video stream (camera turned off and on)', async () => {
    const r = await recorder(room, { quality: 'high' });
    r.source.demand(aDemand(['a'], ['a'], { a: { width: 640, height: 360 } }));
    await settle();
    r.meeting.participant('a').setMedia('video', false);
    r.meeting.participant('a').setMedia('video', true);
    await settle();
    expect(r.meeting.callsOf('setQuality').map((c) => c.args)).to.deep.equal([['high'], ['high']]);
    expect(r.meeting.callsOf('setViewPort')).to.have.length(2);
  });

  it('sets the screen-share quality when a share arrives', async () => {
    const r = await recorder(room, { quality: 'med' });
    r.source.demand(aDemand([], ['a', 'b']));
    await settle();
    r.meeting.share('b', true);
    await settle();
    expect(r.meeting.callsOf('setScreenShareQuality').map((c) => [c.participantId, ...c.args])).to.deep.equal([['b', 'med']]);
  });

  it('consumes someone who joins after the demand named them, and forgets those who leave', async () => {
    const r = await recorder(room);
    r.source.demand(aDemand(['a', 'late']));
    await settle();
    r.meeting.addParticipant({ id: 'late' });
    await settle();
    expect(r.meeting.consumption().video).to.deep.equal(['a', 'late']);
    r.meeting.removeParticipant('late');
    r.meeting.addParticipant({ id: 'late' });
    await settle();
    // The SDK dropped the old consumer on leave: the returning participant is consumed anew.
    expect(r.meeting.consumption().video).to.deep.equal(['a', 'late']);
    expect(r.meeting.callsOf('consumeWebcamStreams').filter((c) => c.participantId === 'late')).to.have.length(2);
  });

  it('retries a consumption the SDK rejected on the next demand', async () => {
    const r = await recorder(room);
    r.meeting.failConsumption = true;
    const log = await captureConsole(async () => {
      r.source.demand(aDemand(['a']));
      await settle();
    });
    expect(r.meeting.consumption().video).to.deep.equal([]);
    expect(log.warn.length).to.be.greaterThan(0);
    expect(r.store.state.status).to.equal('live');
    r.meeting.failConsumption = false;
    r.source.demand(aDemand(['a']));
    await settle();
    expect(r.meeting.consumption()).to.deep.equal({ video: ['a'], mic: ['a'] });
  });
  it('retries a rejected consumption by itself a moment later', async function () {
    this.timeout(5000);
    const r = await recorder(room, {}, { retryDelayMs: 50 });
    r.meeting.failConsumption = true;
    await captureConsole(async () => {
      r.source.demand(aDemand(['a']));
      await settle();
    });
    r.meeting.failConsumption = false;
    await wait(120);
    expect(r.meeting.consumption()).to.deep.equal({ video: ['a'], mic: ['a'] });
  });
});

describe('VideoSdkSource: live layout changes (PubSub RECORDING_LAYOUT)', () => {
  it('subscribes after joining with the object-of-callbacks form', async () => {
    const r = await recorder(room);
    expect(r.meeting.pubSub.subscriberCount(RECORDING_LAYOUT_TOPIC)).to.equal(1);
  });

  it('applies the persisted messages on join, the newest winning, then each live one', async () => {
    const r = await recorder({
      ...room,
      persisted: [
        [RECORDING_LAYOUT_TOPIC, JSON.stringify({ layout: { type: 'SIDEBAR', priority: 'PIN', gridSize: 2 }, theme: 'LIGHT' })],
        ['CHAT', JSON.stringify({ layout: { type: 'GRID' } })],
        [RECORDING_LAYOUT_TOPIC, JSON.stringify({ layout: { type: 'SPOTLIGHT', priority: 'SPEAKER', gridSize: 1 } })],
        [RECORDING_LAYOUT_TOPIC, JSON.stringify({ theme: 'DARK' })],
      ],
    });
    expect(r.store.state.optionOverrides).to.deep.equal({
      layoutType: 'SPOTLIGHT',
      layoutPriority: 'SPEAKER',
      layoutGridSize: 1,
      theme: 'DARK',
    });
    r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, JSON.stringify({ layout: { type: 'grid', gridSize: '3' }, orientation: 'portrait', speakerDwellMs: 800 }));
    expect(r.store.state.optionOverrides).to.deep.equal({
      layoutType: 'GRID',
      layoutPriority: 'SPEAKER',
      layoutGridSize: 3,
      theme: 'DARK',
      orientation: 'portrait',
      speakerDwellMs: 800,
    });
  });

  it('ignores a malformed message with exactly one warning naming what was wrong', async () => {
    const r = await recorder(room);
    const before = r.store.state;
    const log = await captureConsole(() => r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, '{"layout": {"type": "GRID"'));
    expect(log.warn).to.have.length(1);
    expect(log.warn[0]).to.contain(RECORDING_LAYOUT_TOPIC).and.contain('not JSON');
    expect(r.store.state).to.equal(before);
  });

  it('warns about the first malformed messages one by one, then once that the rest are ignored', async () => {
    const r = await recorder(room);
    const log = await captureConsole(() => {
      for (let i = 0; i < 50; i++) r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, `not json ${i}`);
    });
    expect(log.warn).to.have.length(11);
    expect(log.warn[10]).to.contain('more malformed').and.contain(RECORDING_LAYOUT_TOPIC);
  });

  it('keeps the valid options of a message with one bad value, warning once about that value', async () => {
    const r = await recorder(room);
    const log = await captureConsole(() =>
      r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, JSON.stringify({ layout: { type: 'SPOTLIGHT', gridSize: 9 } })),
    );
    expect(log.warn).to.have.length(1);
    expect(log.warn[0]).to.contain('layout.gridSize');
    expect(r.store.state.optionOverrides).to.deep.equal({ layoutType: 'SPOTLIGHT' });
  });

  it('warns once per malformed persisted message and still applies the good ones', async () => {
    const log = await captureConsole(async () => {
      const r = await recorder({
        ...room,
        persisted: [
          [RECORDING_LAYOUT_TOPIC, JSON.stringify({ layout: { type: 'SIDEBAR' } })],
          [RECORDING_LAYOUT_TOPIC, 'not json'],
        ],
      });
      expect(r.store.state.optionOverrides).to.deep.equal({ layoutType: 'SIDEBAR' });
    });
    expect(log.warn).to.have.length(1);
  });

  it('does not let persisted messages that arrive late override a live one', async () => {
    const r = await recorder(room);
    r.meeting.pubSub.send(RECORDING_LAYOUT_TOPIC, JSON.stringify({ theme: 'LIGHT' }));
    r.meeting.pubSub.replayOld(RECORDING_LAYOUT_TOPIC, [JSON.stringify({ theme: 'DARK' })]);
    expect(r.store.state.optionOverrides).to.deep.equal({ theme: 'LIGHT' });
  });
});
