import { expect } from '@open-wc/testing';
import { Consumption, type ConsumptionHooks, type Want } from '../../src/sources/videosdk/consumption.js';
import { FakeVideoSdk, type FakeMeeting, settle } from '../fixtures/fake-js-sdk.js';
import { wait } from '../fixtures/harness.js';

/** The retry delay under test (the real default is a second). */
const RETRY_MS = 50;

/** A joined fake room with participants `ids`, and a Consumption following them. */
function aConsumption(ids: readonly string[], retryDelayMs = RETRY_MS) {
  const sdk = new FakeVideoSdk({ animate: false });
  const meeting: FakeMeeting = sdk.initMeeting({ meetingId: 'room-1', participantId: 'rec-1', name: 'recorder' });
  meeting.joined = true;
  for (const id of ids) meeting.addParticipant({ id });
  const events: string[] = [];
  let retries = 0;
  const hooks: ConsumptionHooks = {
    dropTrack: (id, kind) => events.push(`drop ${id} ${kind}`),
    restoreTrack: (id, _sdk, kind) => events.push(`restore ${id} ${kind}`),
    retry: () => {
      retries += 1;
    },
    warnOnce: (key) => events.push(`warn ${key}`),
  };
  const consumption = new Consumption(hooks, retryDelayMs);
  for (const id of ids) consumption.follow(id, meeting.participant(id));
  return { sdk, meeting, consumption, events, retries: () => retries };
}

function wants(entries: Record<string, Partial<Want>>): Map<string, Want> {
  return new Map(
    Object.entries(entries).map(([id, w]) => [id, { video: false, mic: false, showsVideo: false, showsShare: false, ...w }]),
  );
}

describe('Consumption', () => {
  let made: ReturnType<typeof aConsumption>[] = [];
  const consumptionOf = (ids: readonly string[]) => {
    const c = aConsumption(ids);
    made.push(c);
    return c;
  };
  afterEach(() => {
    for (const c of made) {
      c.consumption.stop();
      c.sdk.media.dispose();
    }
    made = [];
  });

  it('consumes what is wanted and calls the SDK only when that changes', async () => {
    const c = consumptionOf(['a', 'b']);
    const w = wants({ a: { video: true, mic: true }, b: { mic: true } });
    c.consumption.reconcile(w, 'med');
    c.consumption.reconcile(w, 'med');
    await settle();
    expect(c.meeting.consumption()).to.deep.equal({ video: ['a'], mic: ['a', 'b'] });
    expect(c.meeting.calls.map((x) => `${x.participantId} ${x.method}`)).to.deep.equal([
      'a consumeWebcamStreams',
      'a consumeMicStreams',
      'b consumeMicStreams',
    ]);
  });

  it('drops the track at once when a stream is no longer wanted', async () => {
    const c = consumptionOf(['a']);
    c.consumption.reconcile(wants({ a: { video: true } }), 'med');
    await settle();
    c.consumption.reconcile(wants({ a: {} }), 'med');
    expect(c.events).to.deep.equal(['drop a video']);
    await settle();
    expect(c.meeting.consumption().video).to.deep.equal([]);
  });

  it('reverts a failed consume, warns once and asks for a retry a second later', async () => {
    const c = consumptionOf(['a']);
    c.meeting.reconnecting = true;
    c.consumption.reconcile(wants({ a: { video: true } }), 'med');
    await settle();
    expect(c.consumption.consumes('a')).to.deep.equal({ video: false, mic: false });
    expect(c.events).to.deep.equal(['warn consume-video:true']);
    expect(c.retries()).to.equal(0);
    await wait(RETRY_MS * 2);
    expect(c.retries()).to.equal(1);
  });

  it('shows the track again when a stop call fails (the stream still flows)', async () => {
    const c = consumptionOf(['a']);
    c.consumption.reconcile(wants({ a: { video: true } }), 'med');
    await settle();
    c.meeting.reconnecting = true;
    c.consumption.reconcile(wants({ a: {} }), 'med');
    await settle();
    expect(c.events.slice(0, 2)).to.deep.equal(['drop a video', 'restore a video']);
    expect(c.consumption.consumes('a').video).to.equal(true);
  });

  it('lets a late rejection revert only the latest intent', async () => {
    const c = consumptionOf(['a']);
    const participant = c.meeting.participant('a');
    const consume = participant.consumeWebcamStreams.bind(participant);
    let first = true;
    participant.consumeWebcamStreams = async () => {
      if (!first) return consume();
      first = false;
      await wait(20);
      throw Object.assign(new Error('consume failed'), { code: 4081 });
    };
    c.consumption.reconcile(wants({ a: { video: true } }), 'med');
    c.consumption.reconcile(wants({ a: {} }), 'med');
    c.consumption.reconcile(wants({ a: { video: true } }), 'med');
    await wait(40);
    // The first consume failed after the third call succeeded: the page still wants, and gets, the camera.
    expect(c.consumption.consumes('a').video).to.equal(true);
    expect(c.meeting.consumption().video).to.deep.equal(['a']);
  });

  it('consumes everything again after reset() (the SDK re-joined and closed its consumers)', async () => {
    const c = consumptionOf(['a', 'b']);
    const w = wants({ a: { video: true, mic: true }, b: { mic: true } });
    c.consumption.reconcile(w, 'med');
    await settle();
    c.consumption.reset();
    c.consumption.reconcile(w, 'med');
    await settle();
    expect(c.meeting.callsOf('consumeWebcamStreams')).to.have.length(2);
    expect(c.meeting.callsOf('consumeMicStreams')).to.have.length(4);
  });

  it('stops what still flows from someone who became a viewer, then forgets them', async () => {
    const c = consumptionOf(['a']);
    c.consumption.reconcile(wants({ a: { video: true, mic: true } }), 'med');
    await settle();
    c.consumption.forget('a', true);
    c.consumption.reconcile(new Map(), 'med');
    await settle();
    expect(c.meeting.consumption()).to.deep.equal({ video: [], mic: [] });
    c.consumption.reconcile(new Map(), 'med');
    await settle();
    expect(c.meeting.callsOf('stopConsumingWebcamStreams')).to.have.length(1);
  });

  it('sends the quality once per stream and the viewport only when the tile size changes', async () => {
    const c = consumptionOf(['a']);
    const shown = (width: number) => wants({ a: { video: true, showsVideo: true, tile: { width, height: 360 } } });
    c.consumption.reconcile(shown(640), 'low');
    await settle();
    c.consumption.reconcile(shown(640.2), 'low');
    c.consumption.reconcile(shown(800), 'low');
    c.consumption.streamStarted('a', 'video');
    c.consumption.reconcile(shown(800), 'low');
    await settle();
    expect(c.meeting.callsOf('setQuality').map((x) => x.args)).to.deep.equal([['low'], ['low']]);
    expect(c.meeting.callsOf('setViewPort').map((x) => x.args)).to.deep.equal([[640, 360], [800, 360], [800, 360]]);
  });
});
