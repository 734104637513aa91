import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/overlay-elements.js';
import type { RecBackdrop } from '../../src/components/rec-backdrop.js';
import type { RecCaptions } from '../../src/components/rec-captions.js';
import type { RecGraphics } from '../../src/components/rec-graphics.js';
import { MAX_IMAGE_BYTES, imageRefusal } from '../../src/components/image-budget.js';
import { CAPTION_HOLD_MS, type Caption, type ToastRequest } from '../../src/meeting/overlay.js';
import { wait } from '../fixtures/harness.js';

import { blackPng, browserDeflate } from '../fixtures/png.js';

function aCaption(patch: Partial<Caption> = {}): Caption {
  return { seq: 1, speakerId: 'p1', speakerName: 'Ana Lima', text: 'Hello everyone.', interim: '', updatedAt: performance.now(), ...patch };
}

function aToast(seq: number, patch: Partial<ToastRequest> = {}): ToastRequest {
  return { seq, text: `toast ${seq}`, durationMs: 150, kind: 'graphic', ...patch };
}

/** A frame of the recorder's size, with the stage's band variables, holding one overlay element. */
async function inFrame<T extends HTMLElement>(template: ReturnType<typeof html>): Promise<T> {
  const frame = await fixture<HTMLElement>(html`<div
    style="position: relative; width: 640px; height: 360px; container-type: size; --rec-caption-band: 50px; --rec-band-bottom: 30px; --rec-accent: #5568fe"
  >
    ${template}
  </div>`);
  const el = frame.firstElementChild as T & { updateComplete: Promise<boolean> };
  await el.updateComplete;
  return el;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);

describe('<rec-captions>', () => {
  it('shows the speaker and the words as text, in the caption band', async () => {
    const el = await inFrame<RecCaptions>(html`<rec-captions .caption=${aCaption({ text: '<img src=x onerror=alert(1)> hi', interim: 'and more' })}></rec-captions>`);
    expect(part(el, 'caption-name')!.textContent).to.equal('Ana Lima');
    expect(part(el, 'caption-text')!.textContent).to.equal('<img src=x onerror=alert(1)> hi and more');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    const box = el.getBoundingClientRect();
    const frame = el.parentElement!.getBoundingClientRect();
    expect(Math.round(box.height)).to.equal(50);
    expect(Math.round(frame.bottom - box.bottom)).to.equal(30);
  });

  it('holds at most two lines, showing the newest words', async () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const el = await inFrame<RecCaptions>(html`<rec-captions .caption=${aCaption({ text: words })}></rec-captions>`);
    const text = part(el, 'caption-text')!;
    const line = parseFloat(getComputedStyle(text).lineHeight);
    expect(text.getBoundingClientRect().height).to.be.at.most(line * 2.5 + 1);
    const inner = text.firstElementChild!.getBoundingClientRect();
    // The words overflow at the top: the end of the text lines up with the box's end.
    expect(Math.abs(inner.bottom - text.getBoundingClientRect().bottom)).to.be.lessThan(1);
  });

  it('fades after the hold time without new words, and a new caption comes back', async () => {
    const el = await inFrame<RecCaptions>(html`<rec-captions .caption=${aCaption({ updatedAt: performance.now() - CAPTION_HOLD_MS + 120 })}></rec-captions>`);
    expect(el.dataset.faded).to.equal('false');
    await waitUntil(() => el.dataset.faded === 'true', 'faded', { timeout: 1000 });
    el.caption = aCaption({ seq: 2, speakerId: 'p2', speakerName: 'Bo' });
    await el.updateComplete;
    expect(el.dataset.faded).to.equal('false');
    expect(el.dataset.speakerId).to.equal('p2');
  });
});

describe('<rec-graphics>', () => {
  it('draws the banner in its band, a frame lower third and a logo in its corner', async () => {
    const el = await inFrame<RecGraphics>(html`<rec-graphics
      .graphics=${{
        banner: { text: 'Live <b>now</b>', position: 'bottom' },
        lowerThird: { title: 'Ana Lima', subtitle: 'CEO' },
        logo: { url: 'data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', corner: 'bottom-left' },
      }}
    ></rec-graphics>`);
    const banner = part(el, 'banner')!;
    expect(banner.textContent!.trim()).to.equal('Live <b>now</b>');
    expect(Math.round(banner.getBoundingClientRect().height)).to.equal(30);
    expect(part(el, 'lower-third-title')!.textContent).to.equal('Ana Lima');
    // The logo comes once its size is checked.
    await waitUntil(() => part(el, 'logo'), 'the logo shown', { timeout: 2000 });
    const logo = part(el, 'logo') as HTMLImageElement;
    expect(logo.referrerPolicy).to.equal('no-referrer');
    // Above the banner and the caption band.
    const frame = el.parentElement!.getBoundingClientRect();
    expect(logo.getBoundingClientRect().bottom).to.be.at.most(frame.bottom - 80);
  });

  it("anchors the lower third on its participant's tile, above the name label", async () => {
    const el = await inFrame<RecGraphics>(html`<rec-graphics
      .graphics=${{ lowerThird: { title: 'Ana', participantId: 'p1' } }}
      .anchor=${{ x: 320, y: 0, width: 320, height: 180 }}
    ></rec-graphics>`);
    const box = part(el, 'lower-third')!.getBoundingClientRect();
    const frame = el.parentElement!.getBoundingClientRect();
    expect(box.left - frame.left).to.be.at.least(320);
    expect(box.right - frame.left).to.be.at.most(640);
    expect(box.bottom - frame.top).to.be.at.most(180 - 30);
  });

  it('shows toasts one at a time, each for its time, in order', async () => {
    const el = await inFrame<RecGraphics>(html`<rec-graphics .toasts=${[aToast(1), aToast(2)]}></rec-graphics>`);
    expect(part(el, 'toast')!.textContent!.trim()).to.equal('toast 1');
    await waitUntil(() => part(el, 'toast')?.textContent?.trim() === 'toast 2', 'second toast', { timeout: 1000 });
    await waitUntil(() => part(el, 'toast') === null, 'queue empty', { timeout: 1000 });
  });

  it('withdraws toasts on a clear and shows chat toasts with their sender only when chat is on', async () => {
    const el = await inFrame<RecGraphics>(html`<rec-graphics .toasts=${[aToast(1, { durationMs: 5000 })]}></rec-graphics>`);
    el.toastsClearedThrough = 1;
    await el.updateComplete;
    expect(part(el, 'toast')).to.equal(null);
    el.toasts = [aToast(1), aToast(2, { kind: 'chat', sender: 'Bo', text: 'hi', durationMs: 5000 })];
    await el.updateComplete;
    expect(part(el, 'toast')).to.equal(null);
    el.chat = true;
    el.toasts = [...el.toasts, aToast(3, { kind: 'chat', sender: 'Cy', text: 'yo', durationMs: 5000 })];
    await el.updateComplete;
    expect(part(el, 'toast-sender')!.textContent).to.equal('Cy');
  });

  it('drops a logo that does not load, with one warning', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (text: string) => warnings.push(text);
    try {
      const el = await inFrame<RecGraphics>(html`<rec-graphics .graphics=${{ logo: { url: 'data:image/png;base64,AAAA', corner: 'top-left' } }}></rec-graphics>`);
      // The logo is probed before it is drawn, so it may never appear: wait for the verdict, then check.
      await waitUntil(() => warnings.some((w) => w.includes('logo is not shown')), 'logo refused', { timeout: 2000 });
      await wait(100);
      expect(part(el, 'logo')).to.equal(null);
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => w.includes('logo is not shown: it could not be loaded'))).to.have.length(1);
  });
});

describe('images from outside: what they may cost', () => {
  // 8192×8192 pixels in about 70 KB: it would decode to 256 MB, eight times the 4K frame the page accepts.
  let huge = '';
  let small = '';
  before(async () => {
    huge = URL.createObjectURL(new Blob([await blackPng(8192, 8192, browserDeflate)], { type: 'image/png' }));
    small = URL.createObjectURL(new Blob([await blackPng(64, 64, browserDeflate)], { type: 'image/png' }));
  });

  /** Runs `action` with console warnings collected into `warnings`. */
  async function collecting(warnings: string[], action: () => Promise<void>): Promise<void> {
    const original = console.warn;
    console.warn = (text: string) => warnings.push(text);
    try {
      await action();
    } finally {
      console.warn = original;
    }
  }

  it('never puts a logo of too many pixels on the frame, and says why once', async () => {
    const warnings: string[] = [];
    await collecting(warnings, async () => {
      const el = await inFrame<RecGraphics>(html`<rec-graphics .graphics=${{ logo: { url: huge, corner: 'top-left' } }}></rec-graphics>`);
      await waitUntil(() => warnings.length > 0, 'a warning', { timeout: 5000 });
      await el.updateComplete;
      expect(part(el, 'logo')).to.equal(null);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('logo is not shown').and.contain('8192×8192 pixels');
  });

  it('never puts a background image of too many pixels on the frame, and shows one that fits', async () => {
    const warnings: string[] = [];
    await collecting(warnings, async () => {
      const el = await inFrame<RecBackdrop>(html`<rec-backdrop .background=${{ imageUrl: huge }}></rec-backdrop>`);
      await waitUntil(() => warnings.length > 0, 'a warning', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      el.background = { imageUrl: small };
      await waitUntil(() => el.shadowRoot!.querySelector('img')?.getAttribute('src') === small, 'the small image shown', { timeout: 5000 });
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('background image is not shown').and.contain('pixels');
  });

  it('refuses a data: image whose file is over the byte limit without loading it', async () => {
    const url = `data:image/png;base64,${'A'.repeat(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 8)}`;
    const reason = await imageRefusal(url, new AbortController().signal);
    expect(reason).to.contain('MB');
  });
});

describe('<rec-backdrop>', () => {
  it('paints the colour and covers the frame with the image', async () => {
    const el = await inFrame<RecBackdrop>(html`<rec-backdrop .background=${{ color: 'rgb(10, 20, 30)' }}></rec-backdrop>`);
    expect(getComputedStyle(part(el, 'backdrop')!).backgroundColor).to.equal('rgb(10, 20, 30)');
    el.background = { imageUrl: 'data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>' };
    await waitUntil(() => el.shadowRoot!.querySelector('img'), 'the image shown once its size is checked', { timeout: 2000 });
    const img = el.shadowRoot!.querySelector('img')!;
    expect(getComputedStyle(img).objectFit).to.equal('cover');
    await wait(0);
  });
});
