import { expect, waitUntil } from '@open-wc/testing';
import { DEFAULT_OPTIONS } from '../../src/config/options.js';
import { NO_FEATURES, type FeatureParams } from '../../src/config/feature-params.js';
import { MeetingStore } from '../../src/meeting/store.js';
import { VideoSdkSource } from '../../src/sources/videosdk/videosdk-source.js';
import { FakeVideoSdk, type FakeRoomSpec, settle } from '../fixtures/fake-js-sdk.js';
import { aToken, captureConsole } from '../fixtures/fake-js-sdk-harness.js';
import { wait } from '../fixtures/harness.js';

// Recorder mode on the typed fake: graphics topics, chat, captions, agents and hidden participants.

const running: Array<{ source: VideoSdkSource; sdk: FakeVideoSdk }> = [];

async function aRecorder(room: FakeRoomSpec, features: Partial<FeatureParams> = {}) {
  const sdk = new FakeVideoSdk({ animate: false });
  sdk.room = room;
  const store = new MeetingStore();
  const source = new VideoSdkSource(
    { token: aToken(), meetingId: 'room-1', participantId: 'rec-1', options: DEFAULT_OPTIONS },
    sdk,
    { ...NO_FEATURES, ...features },
  );
  running.push({ source, sdk });
  await source.start(store);
  await settle();
  return { sdk, meeting: sdk.current, store, source };
}

const graphics = (message: object) => JSON.stringify(message);
const overlayOf = async (store: MeetingStore, ready: () => unknown) => {
  await waitUntil(ready, 'the overlay caught up', { timeout: 3000 });
  return store.state.overlay!;
};

describe('VideoSdkSource: live graphics, chat, captions and agents', () => {
  afterEach(() => {
    for (const r of running.splice(0)) {
      r.source.stop();
      r.sdk.media.dispose();
    }
  });

  it('applies the persisted graphics on join (no stale toast), then each live message', async () => {
    const { meeting, store } = await aRecorder({
      participants: [{ id: 'ana' }],
      persisted: [
        ['RECORDING_GRAPHICS', graphics({ banner: { text: 'Old' }, logo: { url: 'https://x.example/l.png' }, toast: { text: 'stale' } })],
        ['RECORDING_GRAPHICS', graphics({ banner: { text: 'Newest', position: 'top' } })],
        ['CHANGE_BACKGROUND', 'navy'],
      ],
    });
    let overlay = await overlayOf(store, () => store.state.overlay?.graphics.background);
    expect(overlay.graphics).to.deep.equal({
      banner: { text: 'Newest', position: 'top' },
      logo: { url: 'https://x.example/l.png', corner: 'top-right' },
      background: { color: 'navy' },
    });
    expect(overlay.toasts).to.deep.equal([]);

    meeting.pubSub.send('RECORDING_GRAPHICS', graphics({ lowerThird: { title: 'Ana', participantId: 'ana' }, banner: null }));
    meeting.pubSub.send('VIEWER_MESSAGE', 'Welcome!');
    overlay = await overlayOf(store, () => store.state.overlay?.toasts.length);
    expect(overlay.graphics.banner).to.equal(null);
    expect(overlay.graphics.lowerThird).to.deep.equal({ title: 'Ana', participantId: 'ana' });
    expect(overlay.toasts.map((t) => [t.text, t.durationMs])).to.deep.equal([['Welcome!', 3000]]);
  });

  it('ignores a malformed graphics message with one warning, and nothing changes', async () => {
    const { meeting, store } = await aRecorder({ participants: [{ id: 'ana' }] });
    meeting.pubSub.send('RECORDING_GRAPHICS', graphics({ banner: { text: 'Kept' } }));
    await overlayOf(store, () => store.state.overlay);
    const seen = await captureConsole(async () => {
      meeting.pubSub.send('RECORDING_GRAPHICS', graphics({ banner: { text: 'Lost' }, logo: { url: 'javascript:alert(1)' } }));
      await wait(150);
    });
    expect(seen.warn.filter((w) => w.includes('RECORDING_GRAPHICS'))).to.have.length(1);
    expect(store.state.overlay!.graphics.banner!.text).to.equal('Kept');
  });

  it('subscribes the graphics topics again on every join', async () => {
    const { meeting } = await aRecorder({ participants: [{ id: 'ana' }] });
    expect(meeting.pubSub.subscriberCount('RECORDING_GRAPHICS')).to.equal(1);
    meeting.dropConnection();
    meeting.rejoin();
    await settle();
    for (const topic of ['RECORDING_GRAPHICS', 'CHANGE_BACKGROUND', 'VIEWER_MESSAGE']) expect(meeting.pubSub.subscriberCount(topic), topic).to.equal(1);
  });

  it('follows CHAT only with chat=1, as toasts with the sender name', async () => {
    const off = await aRecorder({ participants: [{ id: 'ana', name: 'Ana' }] });
    expect(off.meeting.pubSub.subscriberCount('CHAT')).to.equal(0);
    const { meeting, store } = await aRecorder({ participants: [{ id: 'ana', name: 'Ana' }] }, { chat: true });
    meeting.pubSub.send('CHAT', 'Hello <b>everyone</b>', { persist: false, senderId: 'Ana' });
    const overlay = await overlayOf(store, () => store.state.overlay?.toasts.length);
    expect(overlay.toasts[0]).to.include({ kind: 'chat', sender: 'Ana', text: 'Hello <b>everyone</b>' });
  });

  it('listens to transcription only with captions=1, and shows each speaker under their name', async () => {
    const off = await aRecorder({ participants: [{ id: 'ana', name: 'Ana' }] });
    const on = await aRecorder({ participants: [{ id: 'ana', name: 'Ana' }] }, { captions: true });
    expect(on.meeting.listenerCount() - off.meeting.listenerCount()).to.equal(1);
    off.meeting.transcribe('ana', 'not shown');
    on.meeting.transcribe('ana', 'Good morn', 'interim');
    let overlay = await overlayOf(on.store, () => on.store.state.overlay?.caption);
    expect(overlay.caption).to.include({ speakerId: 'ana', speakerName: 'Ana', text: '', interim: 'Good morn' });
    on.meeting.transcribe('ana', 'Good morning.');
    overlay = await overlayOf(on.store, () => on.store.state.overlay?.caption?.text);
    expect(overlay.caption).to.include({ text: 'Good morning.', interim: '' });
    await wait(100);
    expect(off.store.state.overlay).to.equal(undefined);
  });

  it('shows an AgentParticipant as an agent whose speaking state makes it the speaker', async () => {
    const { meeting, store } = await aRecorder({ participants: [{ id: 'ana' }, { id: 'bot', name: 'Aria', agent: true, webcam: false }] });
    expect(store.state.participants.get('bot')).to.include({ isAgent: true, agentState: 'idle' });
    expect(store.state.participants.get('ana')!.isAgent).to.equal(undefined);
    meeting.participant('bot').setAgentState('speaking');
    expect(store.state.participants.get('bot')!.agentState).to.equal('speaking');
    expect(store.state.activeSpeakerId).to.equal('bot');
    meeting.participant('bot').setAgentState('thinking');
    expect(store.state.activeSpeakerId).to.equal(null);
    // A person's speech stands: an agent leaving `speaking` silences only itself.
    meeting.speak('ana');
    meeting.participant('bot').setAgentState('listening');
    expect(store.state.activeSpeakerId).to.equal('ana');
  });

  it("shows an agent session's transcription once, however many agents the SDK hands it to", async () => {
    const { meeting, store } = await aRecorder(
      { participants: [{ id: 'ana', name: 'Ana' }, { id: 'a1', agent: true }, { id: 'a2', agent: true }] },
      { captions: true },
    );
    meeting.agentTranscription('ana', 'Can you summarise?');
    const overlay = await overlayOf(store, () => store.state.overlay?.caption);
    expect(overlay.caption).to.include({ speakerId: 'ana', speakerName: 'Ana', text: 'Can you summarise?' });
    expect(overlay.sequence).to.equal(1);
  });

  it('stops listening to an agent that leaves', async () => {
    const { meeting } = await aRecorder({ participants: [{ id: 'bot', agent: true }] });
    const agent = meeting.participant('bot');
    expect(agent.listenerCount()).to.be.greaterThan(3);
    meeting.removeParticipant('bot');
    expect(agent.listenerCount()).to.equal(0);
  });

  it('keeps metaData.hideFromRecording participants in the store, marked hidden (heard, not shown)', async () => {
    const { store } = await aRecorder({
      participants: [{ id: 'ana' }, { id: 'producer', metaData: { hideFromRecording: true } }, { id: 'cy', metaData: { hideFromRecording: 'yes' } }],
    });
    expect(store.state.participants.get('producer')!.hiddenFromRecording).to.equal(true);
    expect(store.state.participants.get('cy')!.hiddenFromRecording).to.equal(undefined);
    expect(store.state.participants.get('ana')!.hiddenFromRecording).to.equal(undefined);
  });

  it('writes no overlay at all while nobody publishes', async () => {
    const { store } = await aRecorder({ participants: [{ id: 'ana' }] }, { captions: true, chat: true });
    await wait(150);
    expect(store.state.overlay).to.equal(undefined);
  });
});
