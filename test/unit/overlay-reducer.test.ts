import { expect } from '@open-wc/testing';
import { CAPTION_HOLD_MS, EMPTY_OVERLAY, type Overlay } from '../../src/meeting/overlay.js';
import {
  MAX_CAPTION_CHARS,
  MAX_TOASTS,
  type CaptionInput,
  type TopicInput,
  applyCaption,
  readTopicMessage,
} from '../../src/overlay/overlay-reducer.js';

function message(topic: TopicInput['topic'], text: unknown, extra: Partial<TopicInput> = {}): TopicInput {
  return { topic, text: typeof text === 'string' ? text : JSON.stringify(text), history: false, ...extra };
}

function apply(overlay: Overlay, input: TopicInput, chat = false): Overlay {
  const reading = readTopicMessage(input, chat);
  if (!reading.ok) throw new Error(reading.error);
  return reading.apply(overlay);
}

function said(speakerId: string, text: string, at: number, final = true): CaptionInput {
  return { speakerId, speakerName: speakerId.toUpperCase(), text, final, at };
}

describe('overlay reducers', () => {
  it('sets, keeps and clears graphics key by key', () => {
    let o = apply(EMPTY_OVERLAY, message('RECORDING_GRAPHICS', { banner: { text: 'A' }, logo: { url: 'https://x/l.png' } }));
    o = apply(o, message('RECORDING_GRAPHICS', { lowerThird: { title: 'T' } }));
    expect(o.graphics).to.deep.equal({
      banner: { text: 'A', position: 'bottom' },
      logo: { url: 'https://x/l.png', corner: 'top-right' },
      lowerThird: { title: 'T' },
    });
    o = apply(o, message('RECORDING_GRAPHICS', { banner: null }));
    expect(o.graphics.banner).to.equal(null);
    expect(o.graphics.logo).to.deep.equal({ url: 'https://x/l.png', corner: 'top-right' });
  });

  it('queues toasts in order, keeps only the newest when flooded, and withdraws them all on toast: null', () => {
    let o = EMPTY_OVERLAY;
    for (let i = 1; i <= 20; i++) o = apply(o, message('RECORDING_GRAPHICS', { toast: { text: `t${i}` } }));
    expect(o.toasts.map((t) => t.text)).to.deep.equal(Array.from({ length: MAX_TOASTS }, (_, i) => `t${20 - MAX_TOASTS + 1 + i}`));
    const seqs = o.toasts.map((t) => t.seq);
    expect([...seqs].sort((a, b) => a - b)).to.deep.equal(seqs);
    o = apply(o, message('RECORDING_GRAPHICS', { toast: null }));
    expect(o.toasts).to.deep.equal([]);
    expect(o.toastsClearedThrough).to.equal(seqs.at(-1));
  });

  it('applies history for what stays on screen but never replays an old toast', () => {
    const history = { history: true };
    let o = apply(EMPTY_OVERLAY, message('RECORDING_GRAPHICS', { banner: { text: 'Old' }, toast: { text: 'stale' } }, history));
    o = apply(o, message('VIEWER_MESSAGE', 'hello from before', history));
    o = apply(o, message('CHANGE_BACKGROUND', 'navy', history));
    expect(o.graphics).to.deep.equal({ banner: { text: 'Old', position: 'bottom' }, background: { color: 'navy' } });
    expect(o.toasts).to.deep.equal([]);
  });

  it("turns VideoSDK's example topics into a background and a three-second toast", () => {
    let o = apply(EMPTY_OVERLAY, message('CHANGE_BACKGROUND', '#112233'));
    o = apply(o, message('VIEWER_MESSAGE', 'Welcome'));
    expect(o.graphics.background).to.deep.equal({ color: '#112233' });
    expect(o.toasts.map(({ text, durationMs, kind }) => ({ text, durationMs, kind }))).to.deep.equal([{ text: 'Welcome', durationMs: 3000, kind: 'graphic' }]);
  });

  it('makes CHAT lines toasts with the sender name only when chat is on', () => {
    const chat = message('CHAT', 'Hi <b>all</b>', { senderId: 'p1', senderName: 'Ana' });
    expect(apply(EMPTY_OVERLAY, chat, false).toasts).to.deep.equal([]);
    const [toast] = apply(EMPTY_OVERLAY, chat, true).toasts;
    expect(toast).to.include({ text: 'Hi <b>all</b>', sender: 'Ana', kind: 'chat' });
    expect(apply(EMPTY_OVERLAY, { ...chat, history: true }, true).toasts).to.deep.equal([]);
  });

  it('says why a malformed message is ignored', () => {
    const reading = readTopicMessage(message('RECORDING_GRAPHICS', '{"logo":{"url":"http://x"}}'), false);
    expect(reading.ok).to.equal(false);
  });

  describe('captions', () => {
    it("extends one speaker's caption, interim words replaced by the next result", () => {
      let o = applyCaption(EMPTY_OVERLAY, said('p1', 'Hello', 0, false));
      o = applyCaption(o, said('p1', 'Hello wor', 300, false));
      expect(o.caption).to.include({ text: '', interim: 'Hello wor', speakerName: 'P1' });
      o = applyCaption(o, said('p1', 'Hello world.', 600));
      o = applyCaption(o, said('p1', 'Next', 900, false));
      expect(o.caption).to.include({ text: 'Hello world.', interim: 'Next', updatedAt: 900 });
    });

    it('starts a new caption for a new speaker, and after a silence', () => {
      let o = applyCaption(EMPTY_OVERLAY, said('p1', 'One.', 0));
      const first = o.caption!.seq;
      o = applyCaption(o, said('p2', 'Two.', 100));
      expect(o.caption).to.include({ speakerId: 'p2', text: 'Two.' });
      expect(o.caption!.seq).to.be.greaterThan(first);
      const second = o.caption!.seq;
      o = applyCaption(o, said('p2', 'Three.', 100 + CAPTION_HOLD_MS));
      expect(o.caption).to.include({ text: 'Three.' });
      expect(o.caption!.seq).to.be.greaterThan(second);
    });

    it('bounds a caption to its newest words however much is said', () => {
      let o = EMPTY_OVERLAY;
      for (let i = 0; i < 1000; i++) o = applyCaption(o, said('p1', `word${i} ${'x'.repeat(i % 50)}`, i));
      expect(o.caption!.text.length).to.be.at.most(MAX_CAPTION_CHARS);
      expect(o.caption!.text.endsWith('word999 ' + 'x'.repeat(49))).to.equal(true);
      const huge = applyCaption(EMPTY_OVERLAY, said('p1', 'y'.repeat(1_000_000), 0));
      expect(huge.caption!.text.length).to.be.at.most(MAX_CAPTION_CHARS);
    });

    it('ignores empty results and shows a name-less speaker as ?', () => {
      expect(applyCaption(EMPTY_OVERLAY, said('p1', ' \n ', 0))).to.equal(EMPTY_OVERLAY);
      expect(applyCaption(EMPTY_OVERLAY, { ...said('p1', 'hi', 0), speakerName: '' }).caption!.speakerName).to.equal('?');
    });
  });
});
