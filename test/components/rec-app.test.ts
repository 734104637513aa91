import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/rec-app.js';
import type { RecApp } from '../../src/components/rec-app.js';
import { RecOptionsChangeEvent } from '../../src/components/events.js';
import { parseTemplateParams } from '../../src/config/url-params.js';
import {
  type MeetingState,
  participantJoined,
  participantLeft,
  participantUpdated,
  pinChanged,
  presenterChanged,
  speakerChanged,
  statusChanged,
} from '../../src/meeting/state.js';
import { aVideoTrack, anAudioTrack, stopTestTracks } from '../fixtures/media.js';
import { stageOf, tilesOf } from '../fixtures/harness.js';
import { ScriptedSource } from '../fixtures/scripted-source.js';

/** A live meeting with p1…pN, cameras and mics on. */
function withPeople(count: number) {
  return (state: MeetingState): MeetingState => {
    let next = statusChanged(state, 'live');
    for (let i = 1; i <= count; i++) {
      next = participantJoined(next, {
        id: `p${i}`,
        displayName: `Person ${i}`,
        webcamOn: true,
        micOn: true,
        videoTrack: aVideoTrack(),
        audioTrack: anAudioTrack(),
      });
    }
    return next;
  };
}

async function app(search: string, source: ScriptedSource): Promise<RecApp> {
  const el = await fixture<RecApp>(
    html`<rec-app .params=${parseTemplateParams(search)} .source=${source} .frameSize=${{ width: 1280, height: 720 }}></rec-app>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('rec-stage'), 'stage rendered');
  await el.updateComplete;
  return el;
}

const tileOf = (el: RecApp, id: string, role?: string) =>
  tilesOf(el).find((t) => t.dataset.participantId === id && (role === undefined || t.dataset.role === role));
const videoOf = (el: RecApp, id: string) => tileOf(el, id)?.shadowRoot!.querySelector('video');

async function settle(el: RecApp): Promise<void> {
  await el.updateComplete;
  await stageOf(el).updateComplete;
  await Promise.all(tilesOf(el).map((t) => t.updateComplete));
}

describe('<rec-app>', () => {
  afterEach(() => {
    stopTestTracks();
    delete document.documentElement.dataset.state;
  });

  it('goes from waiting to live to ended, clearing the frame at the end', async () => {
    const source = new ScriptedSource();
    const el = await app('', source);
    expect(document.documentElement.dataset.state).to.equal('waiting');
    expect(stageOf(el).textContent).to.contain('Waiting for participants');

    source.apply(withPeople(2));
    await settle(el);
    expect(document.documentElement.dataset.state).to.equal('live');
    expect(tilesOf(el)).to.have.length(2);

    source.apply((s) => statusChanged(s, 'ended', { endReason: 'room closed' }));
    await settle(el);
    expect(document.documentElement.dataset.state).to.equal('ended');
    expect(tilesOf(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('audio, rec-audio-player')).to.have.length(0);
    expect(stageOf(el).textContent).to.contain('This meeting has ended');
  });

  it('keeps the last frame on screen while reconnecting', async () => {
    const source = new ScriptedSource(withPeople(3));
    const el = await app('', source);
    source.apply((s) => statusChanged(s, 'reconnecting'));
    await settle(el);
    expect(document.documentElement.dataset.state).to.equal('live');
    expect(tilesOf(el)).to.have.length(3);
  });

  it('shows the error code and explanation on the recorded frame', async () => {
    const source = new ScriptedSource((s) =>
      statusChanged(s, 'error', { failure: { code: '4023', message: 'The token is bound to another participant.' } }),
    );
    const el = await app('?token=a.b.c&meetingId=m', source);
    expect(document.documentElement.dataset.state).to.equal('error');
    const text = stageOf(el).textContent!;
    expect(text).to.contain('4023');
    expect(text).to.contain('The token is bound to another participant.');
  });

  it('carries data-layout and data-priority on the stage, and roles on the tiles', async () => {
    const el = await app('?layoutType=sidebar&layoutPriority=pin', new ScriptedSource(withPeople(3)));
    await settle(el);
    expect(stageOf(el).dataset.layout).to.equal('SIDEBAR');
    expect(stageOf(el).dataset.priority).to.equal('PIN');
    const roles = tilesOf(el).map((t) => t.dataset.role).sort();
    expect(roles).to.deep.equal(['main', 'side', 'side']);
  });

  it('never re-creates or re-attaches a video element when tiles move', async () => {
    const source = new ScriptedSource(withPeople(4));
    const el = await app('?layoutGridSize=4', source);
    await settle(el);
    const before = new Map(['p1', 'p2', 'p3', 'p4'].map((id) => [id, videoOf(el, id)!]));
    const srcObjects = new Map([...before].map(([id, v]) => [id, v.srcObject]));
    const rectOf = (id: string) => JSON.stringify(tileOf(el, id)!.getBoundingClientRect());
    const firstRects = new Map([...before.keys()].map((id) => [id, rectOf(id)]));
    const added: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) added.push(n.nodeName);
    });
    observer.observe(stageOf(el).shadowRoot!, { childList: true, subtree: true });

    for (const layoutType of ['SIDEBAR', 'GRID', 'SIDEBAR'] as const) {
      el.dispatchEvent(new RecOptionsChangeEvent({ layoutType }));
      await settle(el);
    }
    source.apply((s) => speakerChanged(s, 'p3', performance.now() - 10_000));
    await settle(el);
    observer.disconnect();

    expect([...before.keys()].some((id) => rectOf(id) !== firstRects.get(id)), 'tiles moved').to.equal(true);
    for (const [id, video] of before) {
      expect(videoOf(el, id), id).to.equal(video);
      expect(video.srcObject, id).to.equal(srcObjects.get(id));
    }
    expect(added.filter((n) => n === 'VIDEO' || n === 'REC-TILE')).to.deep.equal([]);
  });

  it('keeps the spotlighted participant\'s video element when switching to SPOTLIGHT', async () => {
    const source = new ScriptedSource((s) => speakerChanged(withPeople(3)(s), 'p2', 0));
    const el = await app('', source);
    await settle(el);
    const video = videoOf(el, 'p2');
    el.dispatchEvent(new RecOptionsChangeEvent({ layoutType: 'SPOTLIGHT' }));
    await settle(el);
    expect(tilesOf(el).map((t) => t.dataset.participantId)).to.deep.equal(['p2']);
    expect(videoOf(el, 'p2')).to.equal(video);
  });

  it('plays every participant\'s audio, on screen or not', async () => {
    const el = await app('?layoutGridSize=2', new ScriptedSource(withPeople(6)));
    await settle(el);
    expect(tilesOf(el)).to.have.length(2);
    const player = el.shadowRoot!.querySelector('rec-audio-player')!;
    await player.updateComplete;
    const audios = [...player.shadowRoot!.querySelectorAll('audio')];
    expect(audios).to.have.length(6);
    for (const audio of audios) expect(audio.srcObject).to.be.instanceOf(MediaStream);
  });

  it('keeps its DOM flat while people come and go (no node left behind per join or leave)', async () => {
    const source = new ScriptedSource(withPeople(6));
    const el = await app('?layoutGridSize=4', source);
    await settle(el);
    /** Every node under the app, shadow roots included (Lit's comment markers too). */
    const nodes = (root: Node = el.shadowRoot!): number => {
      let count = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        count += 1;
        if (node instanceof Element && node.shadowRoot) count += nodes(node.shadowRoot);
      }
      return count;
    };
    const before = nodes();
    for (let round = 0; round < 20; round++) {
      // p1 speaks on screen, someone off screen leaves and a newcomer joins: tiles and audio change.
      const id = `n${round}`;
      source.apply((s) => participantJoined(s, { id, displayName: `New ${round}`, webcamOn: true, micOn: true, videoTrack: aVideoTrack(), audioTrack: anAudioTrack() }));
      await settle(el);
      source.apply((s) => speakerChanged(participantLeft(s, round === 0 ? 'p6' : `n${round - 1}`), id, Date.now()));
      await settle(el);
    }
    await el.shadowRoot!.querySelector('rec-audio-player')!.updateComplete;
    expect(nodes() - before).to.be.at.most(0);
  });

  it('asks the source only for the video that is on screen', async () => {
    const source = new ScriptedSource(withPeople(6));
    const el = await app('?layoutGridSize=3', source);
    await settle(el);
    const last = source.demands.at(-1)!;
    expect(last.video.size).to.equal(3);
    expect([...last.video].every((id) => tileOf(el, id) !== undefined)).to.equal(true);
    expect(last.audio.size).to.equal(6);
    source.apply((s) => participantLeft(s, [...last.video][0]!));
    await settle(el);
    expect(source.demands.at(-1)!.video.size).to.equal(3);
    expect(source.demands.at(-1)!.audio.size).to.equal(5);
  });

  it('renders an audio layout with no video elements in audio mode, and asks for no video', async () => {
    const source = new ScriptedSource(withPeople(3));
    const el = await app('?mode=audio', source);
    await settle(el);
    expect(tilesOf(el)).to.have.length(3);
    expect(tilesOf(el).flatMap((t) => [...t.shadowRoot!.querySelectorAll('video')])).to.have.length(0);
    expect(source.demands.at(-1)!.video.size).to.equal(0);
  });

  it('puts a screen share in the main area, fitted with contain', async () => {
    const source = new ScriptedSource(withPeople(3));
    const el = await app('', source);
    source.apply((s) => presenterChanged(participantUpdated(s, 'p2', { screenShareOn: true, shareTrack: aVideoTrack() }), 'p2'));
    await settle(el);
    const share = tileOf(el, 'p2', 'share')!;
    expect(share).to.not.equal(undefined);
    expect(getComputedStyle(share.shadowRoot!.querySelector('video')!).objectFit).to.equal('contain');
  });

  it('shows pinned participants under PIN priority', async () => {
    const source = new ScriptedSource(withPeople(5));
    const el = await app('?layoutType=SPOTLIGHT&layoutPriority=PIN', source);
    source.apply((s) => pinChanged(pinChanged(s, 'p4', { cam: true, share: false }), 'p5', { cam: true, share: false }));
    await settle(el);
    expect(tilesOf(el).map((t) => t.dataset.participantId).sort()).to.deep.equal(['p4', 'p5']);
  });

  it('applies theme changes through the theme attribute and --rec-* tokens', async () => {
    const el = await app('?theme=LIGHT', new ScriptedSource(withPeople(1)));
    expect(el.getAttribute('theme')).to.equal('LIGHT');
    expect(getComputedStyle(stageOf(el)).backgroundColor).to.equal('rgb(255, 255, 255)');
    el.dispatchEvent(new RecOptionsChangeEvent({ theme: 'DARK' }));
    await settle(el);
    expect(getComputedStyle(stageOf(el)).backgroundColor).to.equal('rgb(5, 10, 14)');
  });

  it('lays tiles out inside the area a template reserves with --rec-tile-area-inset', async () => {
    const el = await app('', new ScriptedSource(withPeople(4)));
    el.style.setProperty('--rec-tile-area-inset', '100px 0 0 0');
    const stage = stageOf(el).getBoundingClientRect();
    await waitUntil(
      () => tilesOf(el).every((t) => t.getBoundingClientRect().top >= 100 && t.getBoundingClientRect().bottom <= stage.bottom),
      'tiles re-planned below the inset',
    );
    for (const tile of tilesOf(el)) {
      const rect = tile.getBoundingClientRect();
      expect(rect.top).to.be.at.least(stage.top + 100);
      expect(rect.bottom).to.be.at.most(stage.bottom);
    }
  });

  it('letterboxes a 9:16 stage in portrait', async () => {
    const el = await app('?orientation=portrait', new ScriptedSource(withPeople(2)));
    const rect = stageOf(el).getBoundingClientRect();
    expect(Math.round(rect.height)).to.equal(720);
    expect(Math.round(rect.width)).to.equal(405);
  });

  it('shows a banner naming bad parameters in the preview only', async () => {
    const preview = await app('?layoutType=GIRD', new ScriptedSource());
    expect(preview.shadowRoot!.querySelector('.banner')!.textContent).to.contain('layoutType="GIRD"');
    const recorder = await app('?layoutType=GIRD&token=a.b.c&meetingId=m', new ScriptedSource());
    expect(recorder.shadowRoot!.querySelector('.banner')).to.equal(null);
  });
});
