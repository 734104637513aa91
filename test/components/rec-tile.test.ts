import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rec-tile.js';
import type { RecTile } from '../../src/components/rec-tile.js';
import { aVideoTrack, stopTestTracks } from '../fixtures/media.js';
import { aShownParticipant } from '../fixtures/meetings.js';
import type { Participant } from '../../src/meeting/state.js';

/** The tiles' participant: Ana Lima, camera and mic on. */
const ana = (patch: Partial<Participant> = {}): Participant => aShownParticipant({ displayName: 'Ana Lima', ...patch });

async function tile(participant: Participant, extra: Partial<RecTile> = {}): Promise<RecTile> {
  const el = await fixture<RecTile>(
    html`<rec-tile style="width: 320px; height: 180px; --rec-radius: 0; --rec-accent: #5568fe" .participant=${participant}></rec-tile>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

const shadow = (el: RecTile) => el.shadowRoot!;

describe('<rec-tile>', () => {
  afterEach(stopTestTracks);

  it('plays the camera track in a muted, inline, cover-fitted video', async () => {
    const track = aVideoTrack();
    const el = await tile(ana({ videoTrack: track }));
    const video = shadow(el).querySelector('video')!;
    expect(video.muted).to.equal(true);
    expect(video.hasAttribute('playsinline')).to.equal(true);
    expect(getComputedStyle(video).objectFit).to.equal('cover');
    expect((video.srcObject as MediaStream).getVideoTracks()[0]).to.equal(track);
    expect(el.dataset.camera).to.equal('on');
    expect(el.dataset.participantId).to.equal('p1');
    expect(shadow(el).querySelector('.avatar')).to.equal(null);
  });

  it('fits a screen share with contain so it is never cropped', async () => {
    const el = await tile(ana({ shareTrack: aVideoTrack(), screenShareOn: true }), { kind: 'share', tileRole: 'share' });
    expect(getComputedStyle(shadow(el).querySelector('video')!).objectFit).to.equal('contain');
    expect(el.dataset.role).to.equal('share');
    expect(shadow(el).querySelector('.name')!.textContent).to.equal('Ana Lima · Screen');
  });

  it('shows the initials avatar when the camera is off', async () => {
    const el = await tile(ana({ webcamOn: false }));
    expect(el.dataset.camera).to.equal('off');
    expect(shadow(el).querySelector('.avatar')!.textContent!.trim()).to.equal('AL');
    expect(shadow(el).querySelector('video')!.hidden).to.equal(true);
  });

  it('shows "?" in the avatar and the label for a name with nothing visible', async () => {
    const el = await tile(ana({ displayName: '\u200B\u200B', webcamOn: false }));
    expect(shadow(el).querySelector('.avatar')!.textContent!.trim()).to.equal('?');
    expect(shadow(el).querySelector('.name')!.textContent).to.equal('?');
    el.kind = 'share';
    el.participant = ana({ displayName: '\u200B\u200B', shareTrack: aVideoTrack(), screenShareOn: true });
    await el.updateComplete;
    expect(shadow(el).querySelector('.name')!.textContent).to.equal('? · Screen');
  });

  it('shows a mic-off icon only when the mic is off', async () => {
    const el = await tile(ana({ micOn: true }));
    expect(shadow(el).querySelector('.mic-off')).to.equal(null);
    el.participant = ana({ micOn: false });
    await el.updateComplete;
    expect(shadow(el).querySelector('.mic-off')).to.not.equal(null);
  });

  it('marks the active speaker with data-speaking and a visible ring', async () => {
    const el = await tile(ana(), { speaking: true });
    expect(el.dataset.speaking).to.equal('true');
    const ring = shadow(el).querySelector('.ring')!;
    expect(getComputedStyle(ring).boxShadow).to.contain('inset');
    el.speaking = false;
    await el.updateComplete;
    expect(el.dataset.speaking).to.equal('false');
    expect(shadow(el).querySelector('.ring')).to.equal(null);
  });

  it('renders no video element in audio-only mode', async () => {
    const el = await tile(ana({ videoTrack: aVideoTrack() }), { audioOnly: true });
    expect(shadow(el).querySelector('video')).to.equal(null);
    expect(shadow(el).querySelector('.avatar')).to.not.equal(null);
    expect(el.dataset.camera).to.equal('off');
  });

  it('shows a name containing HTML as text', async () => {
    const el = await tile(ana({ displayName: '<img src=x onerror=alert(1)><b>Bob</b>' }));
    const name = shadow(el).querySelector('.name')!;
    expect(name.textContent).to.equal('<img src=x onerror=alert(1)><b>Bob</b>');
    expect(name.querySelector('img, b')).to.equal(null);
  });

  it('truncates a long name with an ellipsis inside the tile', async () => {
    const el = await tile(ana({ displayName: 'Maximilian Alexander Bartholomew von Habsburg-Lothringen the Third' }));
    const name = shadow(el).querySelector<HTMLElement>('.name')!;
    expect(getComputedStyle(name).textOverflow).to.equal('ellipsis');
    expect(name.scrollWidth).to.be.greaterThan(name.clientWidth);
    expect(shadow(el).querySelector('.label')!.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
  });

  it('keeps its video element when the role or the track changes', async () => {
    const el = await tile(ana({ videoTrack: aVideoTrack() }));
    const video = shadow(el).querySelector('video');
    const next = aVideoTrack('#a37');
    el.tileRole = 'main';
    el.participant = ana({ videoTrack: next });
    await el.updateComplete;
    expect(shadow(el).querySelector('video')).to.equal(video);
    expect((video!.srcObject as MediaStream).getVideoTracks()[0]).to.equal(next);
    expect(el.dataset.role).to.equal('main');
  });
});
