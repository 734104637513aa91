import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/rec-app.js';
import type { RecApp } from '../../src/components/rec-app.js';
import { parseTemplateParams } from '../../src/config/url-params.js';
import { type MountedPreview, mountPreview } from '../../src/preview/preview-shell.js';
import type { RecPreviewPanel } from '../../src/preview/rec-preview-panel.js';
import type { RecMeetingControls } from '../../src/preview/rec-meeting-controls.js';
import { stageOf, tilesOf, wait } from '../fixtures/harness.js';


/** Hides shadow-DOM queries of the panel and its sections from the tests. */
class PanelHarness {
  constructor(
    readonly app: RecApp,
    readonly panel: RecPreviewPanel,
  ) {}

  /** The panel's shadow root, then each section's, in document order. */
  get roots(): ShadowRoot[] {
    const own = this.panel.shadowRoot!;
    const sections = [...own.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));
    return [own, ...sections];
  }

  get sections(): LitElement[] {
    return this.roots.slice(1).map((root) => root.host as LitElement);
  }

  all<T extends Element = HTMLElement>(selector: string): T[] {
    return this.roots.flatMap((root) => [...root.querySelectorAll<T>(selector)]);
  }

  one<T extends Element = HTMLElement>(selector: string): T {
    const found = this.all<T>(selector)[0];
    if (!found) throw new Error(`nothing matches ${selector}`);
    return found;
  }

  /** The focused element, followed down through the sections' shadow roots. */
  get activeElement(): HTMLElement | null {
    let active = this.panel.shadowRoot!.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    return active;
  }

  radio(name: string, value: string): HTMLInputElement {
    const input = this.all<HTMLInputElement>(`input[type=radio][name=${name}][value='${value}']`)[0];
    if (!input) throw new Error(`no radio ${name}=${value}`);
    return input;
  }

  byId<T extends HTMLElement>(id: string): T {
    return this.roots.map((root) => root.getElementById(id)).find((el) => el !== null) as T;
  }

  button(name: string): HTMLButtonElement {
    const found = this.all<HTMLButtonElement>('button').find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name,
    );
    if (!found) throw new Error(`no button named ${name}`);
    return found;
  }

  /** A participant's display name, from the meeting the panel lists. */
  nameOf(id: string): string {
    return this.app.store.state.participants.get(id)!.displayName;
  }

  async choose(select: HTMLSelectElement | HTMLInputElement, value: string): Promise<void> {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await this.settle();
  }

  async click(target: HTMLElement): Promise<void> {
    target.click();
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.panel.updateComplete;
    await this.app.updateComplete;
    await stageOf(this.app).updateComplete;
    await Promise.all(tilesOf(this.app).map((t) => t.updateComplete));
    await this.panel.updateComplete;
    await Promise.all(this.sections.map((section) => section.updateComplete));
  }
}

/** The accessible name as a screen reader would compute it, for the cases the panel uses. */
function accessibleName(el: HTMLElement): string {
  const root = el.getRootNode() as ShadowRoot;
  const aria = el.getAttribute('aria-label');
  if (aria) return aria.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(' ').map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
  if (el.id) {
    const label = root.querySelector(`label[for='${el.id}']`);
    if (label?.textContent?.trim()) return label.textContent.trim();
  }
  const wrapping = el.closest('label');
  if (wrapping?.textContent?.trim()) return wrapping.textContent.trim();
  if (el instanceof HTMLButtonElement) return el.textContent!.trim();
  return '';
}

describe('<rec-preview-panel>', () => {
  let mounted: MountedPreview | undefined;
  let startUrl: string;

  async function preview(search = 'still=1&demo=4'): Promise<PanelHarness> {
    const app = await fixture<RecApp>(html`<rec-app .params=${parseTemplateParams(search)}></rec-app>`);
    await waitUntil(() => app.store.state.status === 'live' && tilesOf(app).length > 0 && window.recDemo, 'demo live');
    mounted = mountPreview(app);
    const harness = new PanelHarness(app, mounted.panel);
    await harness.settle();
    return harness;
  }

  beforeEach(() => {
    startUrl = window.location.href;
  });

  afterEach(() => {
    mounted?.unmount();
    mounted = undefined;
    window.history.replaceState(null, '', startUrl);
    delete document.documentElement.dataset.state;
  });

  describe('options change the stage', () => {
    it('layout type and priority radios set the stage layout', async () => {
      const p = await preview();
      for (const layout of ['SPOTLIGHT', 'SIDEBAR', 'GRID']) {
        await p.click(p.radio('layoutType', layout));
        expect(stageOf(p.app).dataset.layout).to.equal(layout);
      }
      await p.click(p.radio('layoutPriority', 'PIN'));
      expect(stageOf(p.app).dataset.priority).to.equal('PIN');
      expect(p.app.options.layoutPriority).to.equal('PIN');
    });

    it('grid size caps the tiles on screen', async () => {
      const p = await preview('still=1&demo=6');
      expect(tilesOf(p.app)).to.have.length(4);
      await p.choose(p.byId<HTMLSelectElement>('grid-size'), '2');
      expect(tilesOf(p.app)).to.have.length(2);
      await p.choose(p.byId<HTMLSelectElement>('grid-size'), '1');
      expect(tilesOf(p.app)).to.have.length(1);
    });

    it('theme radios set the app theme', async () => {
      const p = await preview();
      await p.click(p.radio('theme', 'LIGHT'));
      expect(p.app.getAttribute('theme')).to.equal('LIGHT');
      await p.click(p.radio('theme', 'DARK'));
      expect(p.app.getAttribute('theme')).to.equal('DARK');
    });

    it('audio mode shows avatars and no video elements', async () => {
      const p = await preview();
      await p.click(p.radio('mode', 'audio'));
      const tiles = tilesOf(p.app);
      expect(tiles).to.have.length(4);
      expect(tiles.every((t) => t.dataset.camera === 'off')).to.equal(true);
      expect(tiles.flatMap((t) => [...t.shadowRoot!.querySelectorAll('video')])).to.have.length(0);
    });

    it('quality and orientation set the true output size, scaled to fit beside the panel', async () => {
      const p = await preview();
      expect(p.app.frameSize).to.deep.equal({ width: 1280, height: 720 });
      await p.choose(p.byId<HTMLSelectElement>('quality'), 'high');
      expect(p.app.frameSize).to.deep.equal({ width: 1920, height: 1080 });
      await p.click(p.radio('orientation', 'portrait'));
      expect(p.app.frameSize).to.deep.equal({ width: 1080, height: 1920 });
      await p.choose(p.byId<HTMLSelectElement>('quality'), 'low');
      expect(p.app.frameSize).to.deep.equal({ width: 360, height: 640 });
      expect(stageOf(p.app).getBoundingClientRect().height).to.be.closeTo(640 * Number(p.app.dataset.previewScale), 1);

      const panelRight = p.panel.getBoundingClientRect().right;
      const frame = p.app.getBoundingClientRect();
      expect(frame.left).to.be.at.least(panelRight);
      expect(frame.right).to.be.at.most(window.innerWidth);
      expect(frame.bottom).to.be.at.most(window.innerHeight);
    });

    it('speaker dwell takes valid values and refuses others', async () => {
      const p = await preview();
      const dwell = p.byId<HTMLInputElement>('dwell');
      await p.choose(dwell, '300');
      expect(p.app.options.speakerDwellMs).to.equal(300);
      await p.choose(dwell, '99999');
      expect(p.app.options.speakerDwellMs).to.equal(300);
      expect(dwell.validity.valid).to.equal(false);
    });
  });

  describe('bad URL values', () => {
    it('are listed in the panel, beside the filmed frame, never over its tiles', async () => {
      const p = await preview('still=1&demo=4&layoutType=NOPE');
      expect(p.app.shadowRoot!.querySelector('[aria-label="URL parameter warnings"]')).to.equal(null);
      const list = p.one<HTMLElement>('[aria-label="URL parameter warnings"]');
      expect(list.textContent).to.contain('layoutType=');
      const box = list.getBoundingClientRect();
      const frame = p.app.getBoundingClientRect();
      const overlaps = box.left < frame.right && frame.left < box.right && box.top < frame.bottom && frame.top < box.bottom;
      expect(overlaps).to.equal(false);
    });
  });

  describe('simulated meeting controls', () => {
    it('marks its rows with data-row-for and leaves data-participant-id to the tiles', async () => {
      const p = await preview('still=1&demo=3');
      expect(p.all('li[data-row-for]').map((row) => row.dataset.rowFor)).to.deep.equal(['p1', 'p2', 'p3']);
      expect(p.all('[data-participant-id]')).to.deep.equal([]);
    });

    it('names a participant with nothing visible in their name "?", as the tile does, never a blank row', async () => {
      const p = await preview(`still=1&demo=2&names=${encodeURIComponent('\u3164,\u200b')}`);
      const rows = p.all('li[data-row-for] .who > span:first-child').map((span) => span.textContent);
      expect(rows).to.deep.equal(['?', '?']);
      expect(p.button('Speak ?')).to.be.instanceOf(HTMLButtonElement);
    });

    it('writes participants added or removed to the URL as demo=N, so a reload keeps them', async () => {
      const p = await preview('still=1&demo=2');
      await p.click(p.button('Add participant'));
      expect(new URLSearchParams(window.location.search).get('demo')).to.equal('3');
      await p.click(p.button(`Remove ${p.nameOf('p1')}`));
      expect(new URLSearchParams(window.location.search).get('demo')).to.equal('2');
    });

    it("starts the graphics fields from what the frame shows: the URL's banner and logo", async () => {
      const logo = 'https://x.example/logo.svg';
      const p = await preview(`still=1&demo=2&banner=Hello&logoUrl=${encodeURIComponent(logo)}`);
      expect(p.byId<HTMLInputElement>('banner-text').value).to.equal('Hello');
      expect(p.byId<HTMLInputElement>('logo-url').value).to.equal(logo);
    });

    it('adds and removes participants', async () => {
      const p = await preview('still=1&demo=2');
      expect(tilesOf(p.app)).to.have.length(2);
      await p.click(p.button('Add participant'));
      expect(tilesOf(p.app)).to.have.length(3);
      await p.click(p.button(`Remove ${p.nameOf('p1')}`));
      expect(tilesOf(p.app).map((t) => t.dataset.participantId).sort()).to.deep.equal(['p2', 'p3']);
    });

    it('makes one speak, then nobody', async () => {
      const p = await preview();
      const speak = p.button(`Speak ${p.nameOf('p3')}`);
      await p.click(speak);
      expect(tilesOf(p.app).find((t) => t.dataset.speaking === 'true')?.dataset.participantId).to.equal('p3');
      expect(speak.getAttribute('aria-pressed')).to.equal('true');
      await p.click(p.button('Nobody speaks'));
      expect(tilesOf(p.app).some((t) => t.dataset.speaking === 'true')).to.equal(false);
    });

    it('pins and unpins: under PIN priority the pinned participant takes the spotlight', async () => {
      const p = await preview('still=1&demo=4&layoutType=SPOTLIGHT&layoutPriority=PIN');
      const pin = p.button(`Pin ${p.nameOf('p3')}`);
      await p.click(pin);
      expect(pin.getAttribute('aria-pressed')).to.equal('true');
      expect(tilesOf(p.app).find((t) => t.dataset.role === 'main')?.dataset.participantId).to.equal('p3');
      await p.click(pin);
      expect(p.app.store.state.pins).to.have.length(0);
      expect(pin.getAttribute('aria-pressed')).to.equal('false');
    });

    it('starts and stops a screen share', async () => {
      const p = await preview();
      await p.click(p.button(`Share ${p.nameOf('p2')}'s screen`));
      await waitUntil(() => tilesOf(p.app).some((t) => t.dataset.role === 'share'), 'share tile');
      expect(tilesOf(p.app).find((t) => t.dataset.role === 'share')?.dataset.participantId).to.equal('p2');
      await p.click(p.button('Stop share'));
      expect(tilesOf(p.app).some((t) => t.dataset.role === 'share')).to.equal(false);
    });

    it('turns a camera and a mic off and on', async () => {
      const p = await preview();
      const tile = () => tilesOf(p.app).find((t) => t.dataset.participantId === 'p1')!;
      await p.click(p.button(`Camera ${p.nameOf('p1')}`));
      expect(tile().dataset.camera).to.equal('off');
      await p.click(p.button(`Mic ${p.nameOf('p1')}`));
      await tile().updateComplete;
      expect(tile().shadowRoot!.querySelector('[aria-label="Microphone off"]')).to.exist;
      await p.click(p.button(`Camera ${p.nameOf('p1')}`));
      await waitUntil(() => tile().dataset.camera === 'on', 'camera back on');
    });

    it('alternates speakers quickly without moving the spotlight before the dwell', async () => {
      const p = await preview('still=1&demo=4&layoutType=SPOTLIGHT&speakerDwellMs=2000');
      const main = () => tilesOf(p.app).find((t) => t.dataset.role === 'main')?.dataset.participantId;
      const before = main();
      const seen = new Set<string>();
      const unsubscribe = p.app.store.subscribe((s) => s.activeSpeakerId && seen.add(s.activeSpeakerId));
      p.one<RecMeetingControls>('rec-meeting-controls').alternateEveryMs = 100;
      const button = p.button('Alternate speakers quickly');
      await p.click(button);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      await wait(500);
      unsubscribe();
      expect(seen.size).to.be.at.least(2);
      expect(main()).to.equal(before);
      await p.click(button);
      expect(button.getAttribute('aria-pressed')).to.equal('false');
    });
  });

  describe('URL builder and page URL', () => {
    it('shows the query string and the launcher command for the current options', async () => {
      const p = await preview();
      await p.click(p.radio('layoutType', 'SIDEBAR'));
      await p.choose(p.byId<HTMLSelectElement>('quality'), 'high');
      const query = p.byId<HTMLTextAreaElement>('query-text').value;
      expect(parseTemplateParams(query).options).to.deep.equal(p.app.options);
      expect(query).to.contain('layoutType=SIDEBAR').and.contain('quality=high');
      const command = p.byId<HTMLTextAreaElement>('command-text').value;
      // This page is http://localhost, which the launcher refuses (exit 2): the command names a placeholder host.
      expect(command).to.match(/^videosdk-record start --room <ROOM_ID> --template-url '?https:\/\/your\.host\/\S* /);
      expect(command).not.to.contain('localhost').and.not.to.contain('127.0.0.1');
      expect(command).to.contain('--layout SIDEBAR').and.contain('--quality high').and.contain('--grid-size 4');
      expect(command).not.to.contain('still=').and.not.to.contain('demo=');
    });

    it('keeps the template params and leaves the demo-only ones (clip, names, seed) out', async () => {
      const p = await preview();
      window.history.replaceState(null, '', `${window.location.pathname}?demo=4&still=1&clip=%2Fclips%2F720p.ivf&names=Ana&seed=3&title=Hi`);
      await p.click(p.radio('layoutType', 'SIDEBAR'));
      const query = p.byId<HTMLTextAreaElement>('query-text').value;
      const command = p.byId<HTMLTextAreaElement>('command-text').value;
      expect(query).to.contain('layoutType=SIDEBAR');
      expect(command).to.contain('--layout SIDEBAR');
      for (const text of [query, command]) {
        expect(text).to.contain('title=Hi');
        expect(text).not.to.contain('clip=').and.not.to.contain('names=').and.not.to.contain('seed=');
      }
    });

    it('copies with a spoken confirmation', async () => {
      const p = await preview();
      await p.click(p.button('Copy command'));
      await waitUntil(() => p.one('[role=status]').textContent!.trim() !== '', 'copy status');
      const status = p.one('[role=status]').textContent!;
      const area = p.byId<HTMLTextAreaElement>('command-text');
      const selected = area.selectionEnd - area.selectionStart === area.value.length;
      expect(status.includes('Command copied') || (status.includes('Ctrl+C') && selected)).to.equal(true);
    });

    it('writes the options to the page URL and keeps the other parameters', async () => {
      const p = await preview();
      window.history.replaceState(null, '', `${window.location.pathname}?demo=4&still=1`);
      await p.click(p.radio('layoutType', 'SPOTLIGHT'));
      await p.click(p.radio('theme', 'DARK'));
      const url = new URLSearchParams(window.location.search);
      expect(url.get('layoutType')).to.equal('SPOTLIGHT');
      expect(url.get('theme')).to.equal('DARK');
      expect(url.get('demo')).to.equal('4');
      expect(parseTemplateParams(window.location.search).options).to.deep.equal(p.app.options);
      await p.click(p.radio('layoutType', 'GRID'));
      expect(new URLSearchParams(window.location.search).has('layoutType')).to.equal(false);
    });

    it('starts from the options in the URL (a reload keeps them)', async () => {
      const p = await preview('still=1&demo=3&layoutType=SIDEBAR&theme=LIGHT&quality=low&orientation=portrait');
      expect(p.radio('layoutType', 'SIDEBAR').checked).to.equal(true);
      expect(p.radio('theme', 'LIGHT').checked).to.equal(true);
      expect(p.radio('orientation', 'portrait').checked).to.equal(true);
      expect(p.byId<HTMLSelectElement>('quality').value).to.equal('low');
      expect(p.app.frameSize).to.deep.equal({ width: 360, height: 640 });
    });
  });

  describe('accessibility', () => {
    it('collapses with aria-expanded and gives the stage the room', async () => {
      const p = await preview();
      const toggle = p.one<HTMLButtonElement>('button[aria-expanded]');
      const scale = Number(p.app.dataset.previewScale);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(p.byId(toggle.getAttribute('aria-controls')!)).to.exist;
      await p.click(toggle);
      await waitUntil(() => Number(p.app.dataset.previewScale) > scale, 'stage grows');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(p.byId('panel-body').hidden).to.equal(true);
      expect(accessibleName(toggle)).to.equal('Show designer panel');
    });

    it('gives every control an accessible name and every group a legend', async () => {
      const p = await preview();
      const controls = p.all('button, input, select, textarea');
      expect(controls.length).to.be.greaterThan(30);
      const unnamed = controls.filter((c) => accessibleName(c) === '').map((c) => c.outerHTML);
      expect(unnamed).to.deep.equal([]);
      const fieldsets = p.all('fieldset');
      expect(fieldsets.every((f) => f.querySelector(':scope > legend')?.textContent?.trim())).to.equal(true);
      const names = controls.filter((c) => c instanceof HTMLButtonElement).map((c) => accessibleName(c));
      expect(new Set(names).size).to.equal(names.length, 'button names are unique');
    });

    it('reaches every control with the Tab key (one stop per radio group)', async () => {
      const p = await preview('still=1&demo=2');
      const controls = p.all('button, input, select, textarea').filter(
        (c) => !(c as HTMLButtonElement).disabled,
      );
      const stops = new Set<string>();
      const keyOf = (el: HTMLElement) => (el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : el.outerHTML);
      p.one<HTMLButtonElement>('button[aria-expanded]').focus();
      for (let i = 0; i < 80; i++) {
        const active = p.activeElement;
        if (!active) break;
        stops.add(keyOf(active));
        await sendKeys({ press: 'Tab' });
      }
      const missing = controls.map(keyOf).filter((key) => !stops.has(key));
      expect(missing).to.deep.equal([]);
    });
  });
});
