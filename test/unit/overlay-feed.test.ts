import { expect } from '@open-wc/testing';
import { MeetingStore } from '../../src/meeting/store.js';
import { OverlayFeed, type OverlayFeedOptions } from '../../src/overlay/overlay-feed.js';
import * as processing from '../../src/overlay/overlay-processor.js';
import { FLUSH_MS } from '../../src/overlay/overlay-processor.js';
import * as reducers from '../../src/overlay/overlay-reducer.js';
import { captureConsole } from '../fixtures/fake-js-sdk-harness.js';
import { wait } from '../fixtures/harness.js';

const graphics = (message: object, history = false) => ({ topic: 'RECORDING_GRAPHICS' as const, text: JSON.stringify(message), history });

function aFeed(options: Partial<OverlayFeedOptions> = {}) {
  const store = new MeetingStore();
  let updates = 0;
  store.subscribe(() => (updates += 1));
  const feed = new OverlayFeed(store, { captions: true, chat: true, load: async () => processing, ...options });
  return { store, feed, updates: () => updates };
}

describe('OverlayFeed', () => {
  it('loads the processing code on the first message and applies what arrived meanwhile, in order', async () => {
    let loads = 0;
    const { store, feed } = aFeed({ load: async () => (loads++, await wait(20), processing) });
    feed.message(graphics({ banner: { text: 'first' } }, true));
    feed.message(graphics({ banner: { text: 'second' }, logo: { url: 'https://x/l.png' } }));
    expect(store.state.overlay).to.equal(undefined);
    await wait(20 + FLUSH_MS + 30);
    expect(loads).to.equal(1);
    expect(store.state.overlay!.graphics.banner!.text).to.equal('second');
    expect(store.state.overlay!.graphics.logo!.url).to.equal('https://x/l.png');
  });

  it('writes a flood of 1,000 messages in a second as a handful of store updates, newest winning', async () => {
    const { store, feed, updates } = aFeed();
    feed.message(graphics({ banner: { text: 'warm-up' } }));
    await wait(FLUSH_MS + 20);
    const before = updates();
    for (let i = 0; i < 1000; i++) {
      feed.message(graphics({ banner: { text: `b${i}` }, toast: { text: `t${i}` } }));
      feed.caption({ speakerId: 'p1', speakerName: 'Ana', text: `w${i}`, final: false, at: performance.now() });
      if (i % 100 === 99) await wait(100);
    }
    await wait(FLUSH_MS + 30);
    const overlay = store.state.overlay!;
    expect(updates() - before).to.be.within(1, 25);
    expect(overlay.graphics.banner!.text).to.equal('b999');
    expect(overlay.toasts.length).to.equal(reducers.MAX_TOASTS);
    expect(overlay.toasts.at(-1)!.text).to.equal('t999');
    expect(overlay.caption!.interim).to.equal('w999');
  });

  it('warns once per malformed message, then once that it stops, and changes nothing', async () => {
    const { store, feed } = aFeed();
    feed.message(graphics({ banner: { text: 'kept' } }));
    await wait(FLUSH_MS + 20);
    const seen = await captureConsole(async () => {
      for (let i = 0; i < 50; i++) feed.message({ topic: 'RECORDING_GRAPHICS', text: `{"logo":{"url":"http://x/${i}"}}`, senderId: 'host', history: false });
      await wait(FLUSH_MS + 20);
    });
    expect(seen.warn.length).to.equal(11);
    expect(seen.warn[0]).to.contain('ignored a RECORDING_GRAPHICS message from host: logo.url');
    expect(seen.warn[10]).to.contain('ignored without a warning each');
    expect(store.state.overlay!.graphics).to.deep.equal({ banner: { text: 'kept', position: 'bottom' } });
  });

  it('drops a repeated transcription result (VideoSDK hands an agent transcription to every agent)', async () => {
    const { store, feed } = aFeed();
    const line = { speakerId: 'p1', speakerName: 'Ana', text: 'Same words.', final: true, at: performance.now() };
    feed.caption(line);
    feed.caption({ ...line, at: line.at + 5 });
    await wait(FLUSH_MS + 20);
    expect(store.state.overlay!.caption!.text).to.equal('Same words.');
  });

  it('ignores captions when they are off and CHAT when chat is off', async () => {
    const { store, feed } = aFeed({ captions: false, chat: false });
    feed.caption({ speakerId: 'p1', speakerName: 'Ana', text: 'hi', final: true, at: 0 });
    feed.message({ topic: 'CHAT', text: 'hello', senderName: 'Bo', history: false });
    await wait(FLUSH_MS + 20);
    expect(store.state.overlay?.caption).to.equal(undefined);
    expect(store.state.overlay?.toasts ?? []).to.deep.equal([]);
  });

  it('says once that graphics are off when their code cannot load, and the meeting goes on', async () => {
    const seen = await captureConsole(async () => {
      const { store, feed } = aFeed({ load: () => Promise.reject(new Error('chunk 404')) });
      feed.message(graphics({ banner: { text: 'x' } }));
      feed.message(graphics({ banner: { text: 'y' } }));
      await wait(FLUSH_MS + 20);
      expect(store.state.overlay).to.equal(undefined);
    });
    expect(seen.warn).to.have.length(1);
    expect(seen.warn[0]).to.contain('chunk 404');
  });

  it('writes nothing after stop', async () => {
    const { store, feed } = aFeed();
    feed.message(graphics({ banner: { text: 'late' } }));
    feed.stop();
    await wait(FLUSH_MS + 20);
    expect(store.state.overlay).to.equal(undefined);
  });
});
