import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/rec-app.js';
import type { RecApp } from '../../src/components/rec-app.js';
import { RecFeaturesChangeEvent } from '../../src/components/events.js';
import { parseTemplateParams } from '../../src/config/url-params.js';
import { EMPTY_OVERLAY, type Overlay } from '../../src/meeting/overlay.js';
import { type MeetingState, overlayChanged, participantJoined, presenterChanged, participantUpdated, statusChanged } from '../../src/meeting/state.js';
import { aVideoTrack, anAudioTrack, stopTestTracks } from '../fixtures/media.js';
import { stageOf, wait } from '../fixtures/harness.js';
import { ScriptedSource } from '../fixtures/scripted-source.js';

// This file never imports the overlay elements itself: the app must load them, and only when needed.

function withPeople(count: number, patch: (id: string) => Record<string, unknown> = () => ({})) {
  return (state: MeetingState): MeetingState => {
    let next = statusChanged(state, 'live');
    for (let i = 1; i <= count; i++) {
      const id = `p${i}`;
      next = participantJoined(next, { id, displayName: `Person ${i}`, webcamOn: true, micOn: true, videoTrack: aVideoTrack(), audioTrack: anAudioTrack(), ...patch(id) });
    }
    return next;
  };
}

async function app(search: string, source: ScriptedSource): Promise<RecApp> {
  const el = await fixture<RecApp>(
    html`<rec-app .params=${parseTemplateParams(search)} .source=${source} .frameSize=${{ width: 1280, height: 720 }}></rec-app>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('rec-stage'), 'stage rendered');
  return el;
}

const tileIds = (el: RecApp) => [...stageOf(el).shadowRoot!.querySelectorAll('rec-tile')].map((t) => t.dataset.participantId).sort();
/** Waits until `find` returns an element, and returns it. */
async function found<T>(find: () => T | null | undefined, what: string): Promise<T> {
  await waitUntil(() => find(), what);
  return find()!;
}

async function settle(el: RecApp): Promise<void> {
  await el.updateComplete;
  await stageOf(el).updateComplete;
  await Promise.all([...stageOf(el).shadowRoot!.querySelectorAll('rec-tile')].map((t) => t.updateComplete));
}

const overlay = (patch: Partial<Overlay>) => (s: MeetingState) => overlayChanged(s, { ...EMPTY_OVERLAY, ...(s.overlay ?? {}), ...patch });

describe('<rec-app> features', () => {
  afterEach(() => {
    stopTestTracks();
    delete document.documentElement.dataset.state;
  });

  it('loads no graphics or captions code while none is used', async () => {
    const source = new ScriptedSource(withPeople(2));
    const el = await app('', source);
    await wait(100);
    expect(customElements.get('rec-graphics')).to.equal(undefined);
    expect(customElements.get('rec-captions')).to.equal(undefined);
    expect(customElements.get('rec-agent-visual')).to.equal(undefined);
    expect(stageOf(el).hasAttribute('captions')).to.equal(false);
  });

  it('with captions=1 keeps a band below the tiles and shows the caption in it', async () => {
    const source = new ScriptedSource(withPeople(4));
    const el = await app('captions=1', source);
    await waitUntil(() => customElements.get('rec-captions'), 'captions code loaded');
    source.apply(overlay({ caption: { seq: 1, speakerId: 'p2', speakerName: 'Person 2', text: 'Hello there.', interim: '', updatedAt: performance.now() } }));
    const captions = await found(() => el.shadowRoot!.querySelector('rec-captions'), 'captions element');
    await waitUntil(() => captions.shadowRoot?.querySelector('[part=caption-text]')?.textContent === 'Hello there.', 'caption text');
    const band = captions.getBoundingClientRect();
    const tiles = [...stageOf(el).shadowRoot!.querySelectorAll('rec-tile')].map((t) => t.getBoundingClientRect());
    await waitUntil(() => Math.max(...[...stageOf(el).shadowRoot!.querySelectorAll('rec-tile')].map((t) => t.getBoundingClientRect().bottom)) <= band.top + 0.5, 'tiles above the band');
    expect(tiles).to.have.length(4);
    expect(band.height).to.be.greaterThan(60);
  });

  it('an overlay change never re-plans the layout', async () => {
    const source = new ScriptedSource(withPeople(3));
    const el = await app('', source);
    const plan = stageOf(el).plan;
    const demands = source.demands.length;
    for (let i = 0; i < 20; i++) source.apply(overlay({ toasts: [{ seq: i + 1, text: `t${i}`, durationMs: 4000, kind: 'graphic' }], sequence: i + 1 }));
    await el.updateComplete;
    expect(stageOf(el).plan).to.equal(plan);
    expect(source.demands.length).to.equal(demands);
  });

  it('starts from the URL graphics, and a live message layers over them', async () => {
    const source = new ScriptedSource(withPeople(2));
    const el = await app('banner=From%20the%20URL&background=%23102030', source);
    expect(stageOf(el).getAttribute('banner')).to.equal('bottom');
    const graphics = await found(() => el.shadowRoot!.querySelector('rec-graphics'), 'graphics element');
    await waitUntil(() => graphics.shadowRoot?.querySelector('[part=banner]')?.textContent?.trim() === 'From the URL', 'URL banner');
    expect(el.shadowRoot!.querySelector('rec-backdrop')).to.not.equal(null);
    source.apply(overlay({ graphics: { banner: { text: 'Live', position: 'top' }, background: null } }));
    await waitUntil(() => graphics.shadowRoot?.querySelector('[part=banner]')?.textContent?.trim() === 'Live', 'live banner');
    expect(stageOf(el).getAttribute('banner')).to.equal('top');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('rec-backdrop')).to.equal(null);
  });

  it("anchors a lower third to its participant's tile", async () => {
    const source = new ScriptedSource(withPeople(2));
    const el = await app('', source);
    source.apply(overlay({ graphics: { lowerThird: { title: 'CEO', participantId: 'p2' } } }));
    const graphics = await found(() => el.shadowRoot!.querySelector('rec-graphics'), 'graphics element');
    await graphics.updateComplete;
    const tile = stageOf(el).plan!.tiles.find((t) => t.participantId === 'p2')!;
    expect(graphics.anchor).to.deep.equal(tile.rect);
  });

  it('hides hide= ids and metaData-hidden participants from the frame but keeps their audio', async () => {
    const source = new ScriptedSource(withPeople(4, (id) => (id === 'p4' ? { hiddenFromRecording: true } : {})));
    const el = await app('hide=p2', source);
    await settle(el);
    expect(tileIds(el)).to.deep.equal(['p1', 'p3']);
    const player = el.shadowRoot!.querySelector('rec-audio-player')!;
    expect(player.participants.map((p) => p.id).sort()).to.deep.equal(['p1', 'p2', 'p3', 'p4']);
    expect([...source.demands.at(-1)!.audio].sort()).to.deep.equal(['p1', 'p2', 'p3', 'p4']);
    expect([...source.demands.at(-1)!.video].sort()).to.deep.equal(['p1', 'p3']);
    el.dispatchEvent(new RecFeaturesChangeEvent({ hide: [] }));
    await settle(el);
    expect(tileIds(el)).to.deep.equal(['p1', 'p2', 'p3']);
  });

  it('switches to shareLayout while someone shares, and back', async () => {
    const source = new ScriptedSource(withPeople(3));
    const el = await app('shareLayout=SPOTLIGHT', source);
    expect(stageOf(el).dataset.layout).to.equal('GRID');
    source.apply((s) => presenterChanged(participantUpdated(s, 'p2', { screenShareOn: true, shareTrack: aVideoTrack() }), 'p2'));
    await el.updateComplete;
    await stageOf(el).updateComplete;
    expect(stageOf(el).dataset.layout).to.equal('SPOTLIGHT');
    expect(stageOf(el).plan!.tiles.map((t) => t.role)).to.deep.equal(['share']);
    source.apply((s) => presenterChanged(participantUpdated(s, 'p2', { screenShareOn: false }), null));
    await el.updateComplete;
    await stageOf(el).updateComplete;
    expect(stageOf(el).dataset.layout).to.equal('GRID');
  });

  it('loads the agent tile once an agent joins', async () => {
    const source = new ScriptedSource(withPeople(1));
    await app('', source);
    source.apply((s) => participantJoined(s, { id: 'a1', displayName: 'Aria', isAgent: true, agentState: 'speaking', micOn: true }));
    await waitUntil(() => customElements.get('rec-agent-visual'), 'agent visual loaded');
  });
});
