import { expect } from '@open-wc/testing';
import { DEFAULT_OPTIONS } from '../../src/config/options.js';
import { RECORDING_LAYOUT_TOPIC } from '../../src/config/layout-message.js';
import { pageState } from '../../src/meeting/state.js';
import { MeetingStore } from '../../src/meeting/store.js';
import { VideoSdkSource, pickVideoSdk } from '../../src/sources/videosdk/videosdk-source.js';
import { realSdkFits } from '../../src/sources/videosdk/videosdk-types.js';
import { FakeVideoSdk, settle } from '../fixtures/fake-js-sdk.js';
import { type Recorder, aDemand, aToken, captureConsole, recordersStoppedAfterEach } from '../fixtures/fake-js-sdk-harness.js';
import { wait } from '../fixtures/harness.js';

const recorder = recordersStoppedAfterEach();

const ids = (r: Recorder): string[] => [...r.store.state.participants.keys()];

describe('VideoSdkSource: joining', () => {
  it('the real SDK fits the surface the source uses (compile-time check)', () => {
    expect(realSdkFits).to.equal(true);
  });

  it('configures the token and joins as the hidden recorder with the documented options', async () => {
    const r = await recorder();
    expect(r.sdk.configured).to.deep.equal([r.token]);
    expect(r.sdk.initOptions).to.deep.equal([
      {
        meetingId: 'room-1',
        participantId: 'rec-1',
        name: 'recorder',
        micEnabled: false,
        webcamEnabled: false,
        mode: 'SEND_AND_RECV',
        autoConsume: false,
        maxResolution: 'hd',
      },
    ]);
  });

  for (const [quality, maxResolution] of [['low', 'sd'], ['med', 'hd'], ['high', 'hd']] as const) {
    it(`asks for maxResolution ${maxResolution} at quality ${quality}`, async () => {
      const r = await recorder({}, { quality });
      expect(r.sdk.initOptions[0]?.maxResolution).to.equal(maxResolution);
    });
  }

  it('goes from loading to live (waiting while nobody is there) when the meeting is joined', async () => {
    const sdk = new FakeVideoSdk({ animate: false });
    sdk.room = { join: 'hang' };
    const store = new MeetingStore();
    const source = new VideoSdkSource({ token: aToken(), meetingId: 'room-1', participantId: 'rec-1', options: DEFAULT_OPTIONS }, sdk);
    void source.start(store);
    await settle();
    expect(store.state.status).to.equal('loading');
    sdk.current.joined = true;
    sdk.current.emit('meeting-joined');
    expect(store.state.status).to.equal('live');
    expect(pageState(store.state)).to.equal('waiting');
    source.stop();
    sdk.media.dispose();
  });

  for (const announceExisting of ['before', 'after', 'never'] as const) {
    it(`shows everyone already in the room (participant-joined ${announceExisting} meeting-joined)`, async () => {
      const r = await recorder({
        announceExisting,
        participants: [{ id: 'a', name: 'Ana' }, { id: 'b', name: 'Bjørn', webcam: false }],
      });
      expect(ids(r)).to.deep.equal(['a', 'b']);
      expect(r.store.state.participants.get('a')).to.include({ displayName: 'Ana', webcamOn: true, micOn: true });
      expect(r.store.state.participants.get('b')).to.include({ displayName: 'Bjørn', webcamOn: false });
      expect(pageState(r.store.state)).to.equal('live');
    });
  }

  it('never shows viewers, and shows the deprecated CONFERENCE mode', async () => {
    const r = await recorder({
      participants: [
        { id: 'speaker', mode: 'SEND_AND_RECV' },
        { id: 'viewer', mode: 'SIGNALLING_ONLY' },
        { id: 'listener', mode: 'RECV_ONLY' },
        { id: 'old-client', mode: 'CONFERENCE' },
      ],
    });
    expect(ids(r)).to.deep.equal(['speaker', 'old-client']);
  });

  it('never shows the recorder itself, even when an event names it', async () => {
    const r = await recorder({ participants: [{ id: 'a' }] });
    r.meeting.emitRaw('participant-joined', r.meeting.localParticipant);
    r.meeting.addParticipant({ id: 'rec-1', name: 'recorder' });
    r.meeting.emitRaw('participant-mode-changed', { participantId: 'rec-1', mode: 'SEND_AND_RECV' });
    expect(ids(r)).to.deep.equal(['a']);
  });

  it('follows participant-mode-changed: a viewer promoted appears, a speaker demoted disappears', async () => {
    const r = await recorder({ participants: [{ id: 'a' }, { id: 'v', mode: 'SIGNALLING_ONLY' }] });
    r.source.demand(aDemand(['a', 'v']));
    await settle();
    r.meeting.changeMode('v', 'SEND_AND_RECV');
    await settle();
    expect(ids(r)).to.deep.equal(['a', 'v']);
    r.source.demand(aDemand(['a', 'v']));
    await settle();
    expect(r.store.state.participants.get('v')?.videoTrack?.readyState).to.equal('live');
    r.meeting.changeMode('a', 'RECV_ONLY');
    await settle();
    expect(ids(r)).to.deep.equal(['v']);
  });

  it('removes a participant who leaves, with their speaker, presenter and pin', async () => {
    const r = await recorder({ participants: [{ id: 'a' }, { id: 'b' }] });
    r.meeting.speak('b');
    r.meeting.share('b', true);
    r.meeting.pin('b', { cam: true, share: false });
    r.meeting.removeParticipant('b');
    const state = r.store.state;
    expect(ids(r)).to.deep.equal(['a']);
    expect(state.activeSpeakerId).to.equal(null);
    expect(state.presenterId).to.equal(null);
    expect(state.pins).to.deep.equal([]);
  });
});

describe('VideoSdkSource: speaker, presenter, pins', () => {
  it('maps speaker-changed on the performance.now() clock, and null to nobody', async () => {
    const r = await recorder({ participants: [{ id: 'a' }, { id: 'b' }] });
    const before = performance.now();
    r.meeting.speak('a');
    const after = performance.now();
    const state = r.store.state;
    expect(state.activeSpeakerId).to.equal('a');
    expect(state.speakingSince).to.be.within(before, after);
    expect(state.participants.get('a')?.lastActiveAt).to.be.within(before, after);
    r.meeting.speak(null);
    expect(r.store.state.activeSpeakerId).to.equal(null);
  });

  it('takes the room\'s active speaker and presenter at join', async () => {
    const r = await recorder({
      participants: [{ id: 'a' }, { id: 'b', share: true }],
      activeSpeakerId: 'a',
      activePresenterId: 'b',
    });
    expect(r.store.state.activeSpeakerId).to.equal('a');
    expect(r.store.state.presenterId).to.equal('b');
  });

  it('maps presenter-changed and the share and share-audio streams', async () => {
    const r = await recorder({ participants: [{ id: 'a' }, { id: 'b' }] });
    r.meeting.share('b', true, true);
    let b = r.store.state.participants.get('b');
    expect(r.store.state.presenterId).to.equal('b');
    expect(b?.screenShareOn).to.equal(true);
    expect(b?.shareTrack?.kind).to.equal('video');
    expect(b?.shareTrack?.readyState).to.equal('live');
    expect(b?.shareAudioTrack?.kind).to.equal('audio');
    r.meeting.share('b', false);
    b = r.store.state.participants.get('b');
    expect(r.store.state.presenterId).to.equal(null);
    expect(b?.screenShareOn).to.equal(false);
    expect(b?.shareTrack).to.equal(undefined);
    expect(b?.shareAudioTrack).to.equal(undefined);
  });

  it('maps the runtime pin-state-changed payload, keeping pin order and partial updates', async () => {
    const r = await recorder({ participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
    r.meeting.pin('c', { cam: true, share: false });
    r.meeting.pin('a', { cam: true, share: true });
    r.meeting.pin('c', { share: true });
    expect(r.store.state.pins).to.deep.equal([
      { participantId: 'c', cam: true, share: true },
      { participantId: 'a', cam: true, share: true },
    ]);
    r.meeting.pin('c', { cam: false, share: false });
    expect(r.store.state.pins).to.deep.equal([{ participantId: 'a', cam: true, share: true }]);
  });

  it('also accepts the pin-state-changed shape the typings declare ({peerId, state: boolean})', async () => {
    const r = await recorder({ participants: [{ id: 'a' }, { id: 'b' }] });
    r.meeting.emit('pin-state-changed', { peerId: 'b', state: true, pinnedBy: 'host' });
    expect(r.store.state.pins).to.deep.equal([{ participantId: 'b', cam: true, share: true }]);
    r.meeting.emit('pin-state-changed', { peerId: 'b', state: false, pinnedBy: 'host' });
    expect(r.store.state.pins).to.deep.equal([]);
  });

  it('takes the initial pinnedParticipants in pin order', async () => {
    const r = await recorder({
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      pins: [
        { participantId: 'c', cam: true, share: false },
        { participantId: 'a', cam: false, share: true },
      ],
    });
    expect(r.store.state.pins).to.deep.equal([
      { participantId: 'c', cam: true, share: false },
      { participantId: 'a', cam: false, share: true },
    ]);
  });

  it('applies a pin or speaker that named a viewer once that viewer is promoted, in pin order', async () => {
    const r = await recorder({ participants: [{ id: 'a' }, { id: 'v', mode: 'SIGNALLING_ONLY' }] });
    r.meeting.pin('v', { cam: true });
    r.meeting.pin('a', { cam: true });
    r.meeting.speak('v');
    expect(r.store.state.pins.map((p) => p.participantId)).to.deep.equal(['a']);
    expect(r.store.state.activeSpeakerId).to.equal(null);
    r.meeting.changeMode('v', 'SEND_AND_RECV');
    expect(r.store.state.pins.map((p) => p.participantId)).to.deep.equal(['v', 'a']);
    expect(r.store.state.activeSpeakerId).to.equal('v');
  });
});

describe('VideoSdkSource: streams and media status', () => {
  it('maps stream-enabled/disabled to tracks and media-status-changed to flags', async () => {
    const r = await recorder({ participants: [{ id: 'a' }] });
    r.source.demand(aDemand(['a']));
    await settle();
    let a = r.store.state.participants.get('a');
    expect(a?.videoTrack?.kind).to.equal('video');
    expect(a?.audioTrack?.kind).to.equal('audio');
    const fake = r.meeting.participant('a');
    fake.setMedia('video', false);
    a = r.store.state.participants.get('a');
    expect(a?.webcamOn).to.equal(false);
    expect(a?.videoTrack).to.equal(undefined);
    fake.setMedia('audio', false);
    expect(r.store.state.participants.get('a')).to.include({ micOn: false, audioTrack: undefined });
    fake.setMedia('video', true);
    a = r.store.state.participants.get('a');
    expect(a?.webcamOn).to.equal(true);
    expect(a?.videoTrack?.readyState).to.equal('live');
  });

  it('reads media-status-changed as the typings declare it (a string status) too', async () => {
    const r = await recorder({ participants: [{ id: 'a' }] });
    r.meeting.participant('a').emit('media-status-changed', { kind: 'audio', newStatus: 'off' });
    expect(r.store.state.participants.get('a')?.micOn).to.equal(false);
  });

  it('keeps a newer track when a stale stream is disabled', async () => {
    const r = await recorder({ participants: [{ id: 'a' }] });
    r.source.demand(aDemand(['a']));
    await settle();
    const fake = r.meeting.participant('a');
    const old = fake.streamOf('video')!;
    const fresh = r.sdk.media.video('fresh', 10);
    fake.emitRaw('stream-enabled', { id: 'fresh', kind: 'video', track: fresh });
    fake.emitRaw('stream-disabled', old);
    expect(r.store.state.participants.get('a')?.videoTrack).to.equal(fresh);
  });
});

describe('VideoSdkSource: lifecycle and failures', () => {
  it('keeps participants and tracks while reconnecting, and defers consumption until connected', async () => {
    const r = await recorder({ participants: [{ id: 'a' }, { id: 'b' }] });
    r.source.demand(aDemand(['a'], ['a', 'b']));
    await settle();
    const before = r.store.state.participants;
    r.meeting.connection('RECONNECTING');
    expect(r.store.state.status).to.equal('reconnecting');
    expect(pageState(r.store.state)).to.equal('live');
    expect(r.store.state.participants.get('a')?.videoTrack).to.equal(before.get('a')?.videoTrack);
    const calls = r.meeting.calls.length;
    r.source.demand(aDemand(['b'], ['a', 'b']));
    await settle();
    expect(r.meeting.calls.length).to.equal(calls);
    r.meeting.connection('CONNECTED');
    await settle();
    expect(r.store.state.status).to.equal('live');
    expect(r.meeting.consumption()).to.deep.equal({ video: ['b'], mic: ['a', 'b'] });
  });

  for (const [code, reason] of [
    [1006, 'closed'],
    [1009, 'ended through the API'],
    [1002, 'removed'],
    [1101, 'left'],
  ] as const) {
    it(`meeting-left ${code} ends the recording cleanly (${reason}) and releases everyone`, async () => {
      const r = await recorder({ participants: [{ id: 'a' }] });
      r.source.demand(aDemand(['a']));
      await settle();
      r.meeting.end(code);
      expect(r.store.state.status).to.equal('ended');
      expect(r.store.state.endReason).to.equal(String(code));
      expect(r.store.state.participants.size).to.equal(0);
      expect(r.meeting.participant('a').listenerCount()).to.equal(0);
    });
  }

  for (const code of [1103, 1102, 1011]) {
    it(`meeting-left ${code} is a failure shown as an error`, async () => {
      const r = await recorder({ participants: [{ id: 'a' }] });
      const log = await captureConsole(() => r.meeting.end(code));
      expect(r.store.state.status).to.equal('error');
      expect(r.store.state.failure?.code).to.equal(String(code));
      expect(r.store.state.failure?.message).to.be.a('string').and.not.be.empty;
      expect(log.error).to.have.length(1);
    });
  }

  it('a token error (4023) after join becomes an error naming the participantId problem', async () => {
    const r = await recorder({ participants: [{ id: 'a' }] });
    await captureConsole(() => r.meeting.fail(4023, "'token' is not valid for the provided participantId"));
    expect(r.store.state.status).to.equal('error');
    expect(r.store.state.failure?.code).to.equal('4023');
    expect(r.store.state.failure?.message).to.contain('participantId');
  });

  it('a media error after join is logged once and the recording goes on', async () => {
    const r = await recorder({ participants: [{ id: 'a' }] });
    const log = await captureConsole(() => {
      r.meeting.fail(4081, 'consume failed');
      r.meeting.fail(4081, 'consume failed');
    });
    expect(r.store.state.status).to.equal('live');
    expect(log.warn).to.have.length(1);
    expect(log.warn[0]).to.contain('4081');
  });

  it('a join rejection becomes an error with the SDK code and an explanation', async () => {
    const log = await captureConsole(async () => {
      const r = await recorder({ join: { code: 4002, message: 'token expired' } });
      expect(r.store.state.status).to.equal('error');
      expect(r.store.state.failure?.code).to.equal('4002');
      expect(r.store.state.failure?.message).to.contain('token');
    });
    expect(log.error).to.have.length(1);
  });

  it('a join that never completes becomes JOIN_TIMEOUT', async () => {
    const sdk = new FakeVideoSdk({ animate: false });
    sdk.room = { join: 'hang' };
    const store = new MeetingStore();
    const source = new VideoSdkSource(
      { token: aToken(), meetingId: 'room-1', participantId: 'rec-1', options: DEFAULT_OPTIONS, joinTimeoutMs: 30 },
      sdk,
    );
    const log = await captureConsole(async () => {
      void source.start(store);
      await wait(60);
    });
    expect(store.state.status).to.equal('error');
    expect(store.state.failure?.code).to.equal('JOIN_TIMEOUT');
    expect(log.error).to.have.length(1);
    source.stop();
  });

  it('an SDK that fails to load becomes SDK_LOAD_FAILED, not an uncaught error', async () => {
    const store = new MeetingStore();
    const source = new VideoSdkSource(
      { token: aToken(), meetingId: 'room-1', participantId: 'rec-1', options: DEFAULT_OPTIONS },
      Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    await captureConsole(() => source.start(store));
    expect(store.state.status).to.equal('error');
    expect(store.state.failure?.code).to.equal('SDK_LOAD_FAILED');
  });

  it('checks the URL credentials before touching the SDK', async () => {
    const sdk = new FakeVideoSdk({ animate: false });
    const store = new MeetingStore();
    const token = aToken({ exp: Math.floor(Date.now() / 1000) - 60 });
    const source = new VideoSdkSource({ token, meetingId: 'room-1', participantId: 'rec-1', options: DEFAULT_OPTIONS }, sdk);
    const log = await captureConsole(() => source.start(store));
    expect(store.state.failure?.code).to.equal('TOKEN_EXPIRED');
    expect(sdk.configured).to.deep.equal([]);
    expect(sdk.meeting).to.equal(undefined);
    expect(log.all.join('\n')).not.to.contain(token);
  });

  it('never logs the token, whatever fails', async () => {
    const token = aToken();
    const log = await captureConsole(async () => {
      const r = await recorder({ join: { code: 4002, message: `bad token ${token}` } }, {}, { token });
      r.meeting.fail(4081, `consume failed for ${token}`);
    });
    expect(log.all.length).to.be.greaterThan(0);
    expect(log.all.join('\n')).not.to.contain(token);
  });

  it('stop() leaves the meeting, removes every listener and ignores later events', async () => {
    const r = await recorder({ participants: [{ id: 'a' }, { id: 'b' }] });
    expect(r.meeting.pubSub.subscriberCount(RECORDING_LAYOUT_TOPIC)).to.equal(1);
    r.source.stop();
    await settle();
    expect(r.meeting.leaveCalls).to.equal(1);
    expect(r.meeting.listenerCount()).to.equal(0);
    expect(r.meeting.participant('a').listenerCount()).to.equal(0);
    expect(r.meeting.pubSub.subscriberCount(RECORDING_LAYOUT_TOPIC)).to.equal(0);
    const revision = r.store.state.revision;
    r.meeting.speak('a');
    r.meeting.addParticipant({ id: 'c' });
    expect(r.store.state.revision).to.equal(revision);
  });

  it('finds the VideoSDK export whether the bundler exposes it named or as default', () => {
    const sdk = new FakeVideoSdk({ animate: false });
    expect(pickVideoSdk({ VideoSDK: sdk })).to.equal(sdk);
    expect(pickVideoSdk({ default: { VideoSDK: sdk } })).to.equal(sdk);
    expect(pickVideoSdk({ default: {} })).to.equal(null);
  });
});
