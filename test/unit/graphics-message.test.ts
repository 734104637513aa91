import { expect } from '@open-wc/testing';
import {
  MAX_GRAPHICS_MESSAGE_LENGTH,
  TEXT_LIMITS,
  parseBackgroundColor,
  parseGraphicsMessage,
  parseViewerMessage,
} from '../../src/config/graphics-message.js';
import { RECORDING_GRAPHICS_TOPIC } from '../../src/config/graphics-topics.js';
import { publishRecordingGraphics } from '../../src/config/layout-message.js';
import { displayText, isSafeImageUrl, tailText } from '../../src/config/safe-values.js';

const parse = (message: unknown) => parseGraphicsMessage(typeof message === 'string' ? message : JSON.stringify(message));

describe('parseGraphicsMessage', () => {
  it('reads every graphic with its defaults', () => {
    const result = parse({
      banner: { text: 'Live from Berlin' },
      lowerThird: { title: 'Ana Lima', subtitle: 'CEO', participantId: 'p1' },
      toast: { text: 'Q&A in 5 minutes' },
      logo: { url: 'https://cdn.example.com/logo.svg' },
      background: { color: '#0b1d3a', imageUrl: 'https://cdn.example.com/bg.jpg' },
    });
    expect(result).to.deep.equal({
      ok: true,
      patch: {
        background: { color: '#0b1d3a', imageUrl: 'https://cdn.example.com/bg.jpg' },
        logo: { url: 'https://cdn.example.com/logo.svg', corner: 'top-right' },
        lowerThird: { title: 'Ana Lima', subtitle: 'CEO', participantId: 'p1' },
        banner: { text: 'Live from Berlin', position: 'bottom' },
        toast: { text: 'Q&A in 5 minutes', durationMs: 4000 },
      },
    });
  });

  it('keeps null (clear) apart from an absent key (unchanged)', () => {
    const result = parse({ banner: null, logo: { url: 'data:image/png;base64,iVBORw0KGgo=', corner: 'bottom-left' } });
    expect(result).to.deep.equal({ ok: true, patch: { banner: null, logo: { url: 'data:image/png;base64,iVBORw0KGgo=', corner: 'bottom-left' } } });
  });

  const rejected: [string, unknown, string][] = [
    ['not JSON', '{banner:', 'not JSON'],
    ['an array', [1, 2], 'expected a JSON object'],
    ['no graphic', { layout: { type: 'GRID' } }, 'no graphic in it'],
    ['an http logo', { logo: { url: 'http://example.com/logo.png' } }, 'logo.url must be an https: address'],
    ['a javascript: logo', { logo: { url: 'javascript:alert(1)' } }, 'logo.url'],
    ['a data: logo that is not an image', { logo: { url: 'data:text/html,<script>alert(1)</script>' } }, 'logo.url'],
    ['a background that injects CSS', { background: { color: 'red; background-image: url(https://evil.example/x)' } }, 'background.color'],
    ['an empty background', { background: {} }, 'needs a color or an imageUrl'],
    ['an empty banner', { banner: { text: '   ' } }, 'banner.text must be text that is not empty'],
    ['a banner that is not text', { banner: { text: { html: '<b>x</b>' } } }, 'banner.text'],
    ['an unknown position', { banner: { text: 'x', position: 'middle' } }, 'banner.position'],
    ['a toast too short', { toast: { text: 'x', durationMs: 10 } }, 'toast.durationMs'],
    ['a toast forever', { toast: { text: 'x', durationMs: 1e12 } }, 'toast.durationMs'],
  ];
  for (const [what, message, reason] of rejected) {
    it(`rejects ${what}, naming why`, () => {
      const result = parse(message);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.error).to.contain(reason);
    });
  }

  it('rejects the whole message when one value is bad: nothing else changes', () => {
    const result = parse({ banner: { text: 'Fine' }, logo: { url: 'ftp://x' } });
    expect(result.ok).to.equal(false);
  });

  it('keeps text as text, on one line, and bounds its length at a grapheme boundary', () => {
    const long = `<img src=x onerror=alert(1)>\n${'👩🏾‍💻'.repeat(200)}`;
    const result = parse({ banner: { text: long } });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const text = result.patch.banner!.text;
    expect(text.startsWith('<img src=x onerror=alert(1)> 👩🏾‍💻')).to.equal(true);
    expect(text.length).to.be.at.most(TEXT_LIMITS.banner);
    expect(text.endsWith('👩🏾‍💻…')).to.equal(true);
  });

  it('refuses a message longer than the limit before parsing it', () => {
    const result = parseGraphicsMessage(`{"banner":{"text":"${'a'.repeat(MAX_GRAPHICS_MESSAGE_LENGTH)}"}}`);
    expect(result).to.deep.equal({ ok: false, error: `longer than ${MAX_GRAPHICS_MESSAGE_LENGTH} characters` });
  });

  it('ignores keys it does not know beside the ones it does', () => {
    expect(parse({ banner: { text: 'x' }, future: 1 })).to.deep.equal({ ok: true, patch: { banner: { text: 'x', position: 'bottom' } } });
  });
});

describe("VideoSDK's example topics", () => {
  it('CHANGE_BACKGROUND takes a CSS colour, nothing else', () => {
    expect(parseBackgroundColor(' navy ')).to.deep.equal({ ok: true, patch: { background: { color: 'navy' } } });
    expect(parseBackgroundColor('url(https://x)').ok).to.equal(false);
    expect(parseBackgroundColor('red;color:blue').ok).to.equal(false);
  });

  it('VIEWER_MESSAGE is a three-second toast of its text', () => {
    expect(parseViewerMessage('Welcome!')).to.deep.equal({ ok: true, patch: { toast: { text: 'Welcome!', durationMs: 3000 } } });
    expect(parseViewerMessage(' \n ').ok).to.equal(false);
  });
});

describe('publishRecordingGraphics', () => {
  it('publishes the message as JSON on RECORDING_GRAPHICS, persisted', async () => {
    const calls: unknown[][] = [];
    const pubSub = { publish: async (...args: unknown[]) => void calls.push(args) };
    await publishRecordingGraphics(pubSub, { banner: { text: 'Live' }, toast: null });
    expect(calls).to.deep.equal([[RECORDING_GRAPHICS_TOPIC, '{"banner":{"text":"Live"},"toast":null}', { persist: true }]]);
    // What it sends is what the page accepts.
    expect(parseGraphicsMessage(calls[0]![1] as string).ok).to.equal(true);
  });
});

describe('safe values', () => {
  it('accepts only https: and data:image addresses for images', () => {
    const ok = ['https://x.example/a.png', 'data:image/png;base64,AAAA', 'DATA:IMAGE/SVG+XML;utf8,<svg/>', 'data:image/webp,xx'];
    const bad = ['http://x.example/a.png', 'javascript:alert(1)', 'data:text/html,x', 'blob:https://x/1', '//x.example/a.png', 'a.png', ''];
    expect(ok.map(isSafeImageUrl)).to.deep.equal(ok.map(() => true));
    expect(bad.map(isSafeImageUrl)).to.deep.equal(bad.map(() => false));
  });

  it('flattens control characters and keeps the newest words of a long caption', () => {
    expect(displayText('a\u0000b\u202e\tc\r\nd', 20)).to.equal('a b c d');
    expect(tailText('one two three four', 11)).to.equal('…three four');
  });
});
