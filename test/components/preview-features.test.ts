import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/rec-app.js';
import type { RecApp } from '../../src/components/rec-app.js';
import { parseTemplateParams } from '../../src/config/url-params.js';
import { type MountedPreview, mountPreview } from '../../src/preview/preview-shell.js';
import { publishCall } from '../../src/preview/preview-url.js';

// The panel's features: captions, chat, share layout, hide, agents and live graphics, and the publish call.

/** Every element matching `selector` in the panel and its sections' shadow roots. */
function inPanel<T extends Element>(preview: MountedPreview, selector: string): T[] {
  const roots: ShadowRoot[] = [preview.panel.shadowRoot!];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  return roots.flatMap((root) => [...root.querySelectorAll<T>(selector)]);
}

const named = (preview: MountedPreview, name: string): HTMLElement => {
  const found = inPanel<HTMLElement>(preview, 'button, input, select').find(
    (el) => (el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? el.textContent ?? '').trim() === name,
  );
  if (!found) throw new Error(`nothing named ${name}`);
  return found;
};

const overlayOf = (app: RecApp) => app.shadowRoot!.querySelector('rec-graphics');
const shadowText = (el: Element | null | undefined, part: string) => el?.shadowRoot?.querySelector(`[part=${part}]`)?.textContent?.trim();

describe('the designer panel: features and live graphics', () => {
  let mounted: MountedPreview | undefined;
  let cleanUp = (): void => undefined;

  /** Mounts the preview on a simulated meeting; the page URL and the panel are put back after the test. */
  async function preview(search: string): Promise<{ app: RecApp; panel: MountedPreview }> {
    const before = location.href;
    cleanUp = () => {
      mounted?.unmount();
      mounted = undefined;
      history.replaceState(null, '', before);
      delete document.documentElement.dataset.state;
    };
    history.replaceState(null, '', `?${search}`);
    const app = await fixture<RecApp>(html`<rec-app .params=${parseTemplateParams(search)}></rec-app>`);
    await waitUntil(() => app.store.state.status === 'live' && window.recDemo, 'demo live');
    mounted = mountPreview(app);
    await mounted.panel.updateComplete;
    return { app, panel: mounted };
  }

  afterEach(() => cleanUp());

  it('switches captions on, into the URL, and a typed line shows as a caption', async () => {
    const { app, panel } = await preview('still=1&demo=2');
    named(panel, 'Burned-in captions (captions=1)').click();
    await waitUntil(() => app.features.captions, 'captions on');
    expect(new URL(location.href).searchParams.get('captions')).to.equal('1');
    (named(panel, 'Say') as HTMLButtonElement).click();
    await waitUntil(() => shadowText(app.shadowRoot!.querySelector('rec-captions'), 'caption-text') === 'Welcome to the all-hands 👋', 'caption shown', { timeout: 3000 });
  });

  it('publishes a banner and a toast through the simulated meeting, and shows the host call for them', async () => {
    const { app, panel } = await preview('still=1&demo=2');
    named(panel, 'Show banner').click();
    await waitUntil(() => shadowText(overlayOf(app), 'banner') === 'Live from Berlin', 'banner shown', { timeout: 3000 });
    named(panel, 'Send toast').click();
    await waitUntil(() => shadowText(overlayOf(app), 'toast') === 'Q&A starts in 5 minutes', 'toast shown', { timeout: 3000 });
    await panel.panel.updateComplete;
    const call = inPanel<HTMLTextAreaElement>(panel, '#publish-text')[0]!;
    await waitUntil(() => call.value.includes('Live from Berlin'), 'publish call updated');
    expect(call.value).to.equal(publishCall({ banner: { text: 'Live from Berlin', position: 'bottom' } }));
  });

  it('refuses a logo the page would refuse, and says why', async () => {
    const { app, panel } = await preview('still=1&demo=1');
    const url = inPanel<HTMLInputElement>(panel, '#logo-url')[0]!;
    url.value = 'http://insecure.example/logo.png';
    named(panel, 'Show logo').click();
    const status = () => inPanel<HTMLElement>(panel, 'rec-graphics-controls')[0]!.shadowRoot!.querySelector('.status')!.textContent!;
    await waitUntil(() => status().startsWith('Not sent'), 'refused');
    expect(status()).to.contain('logo.url');
    expect(app.store.state.overlay?.graphics.logo).to.equal(undefined);
  });

  it('hides a participant from the frame (URL hide=) and adds an agent whose state it sets', async () => {
    const { app, panel } = await preview('still=1&demo=2');
    const name = app.store.state.participants.get('p2')!.displayName;
    named(panel, `Hide ${name}`).click();
    await waitUntil(() => new URL(location.href).searchParams.get('hide') === 'p2', 'hide in the URL');
    await waitUntil(() => app.shadowRoot!.querySelector('rec-stage')!.plan!.tiles.every((t) => t.participantId !== 'p2'), 'p2 off the frame');
    named(panel, 'Add AI agent').click();
    await waitUntil(() => app.store.state.participants.get('a1')?.isAgent, 'agent joined');
    await mounted!.panel.updateComplete;
    await waitUntil(() => inPanel(panel, `select[aria-label='State of ${app.store.state.participants.get('a1')!.displayName}']`).length === 1, 'agent row');
    const select = named(panel, `State of ${app.store.state.participants.get('a1')!.displayName}`) as HTMLSelectElement;
    select.value = 'speaking';
    select.dispatchEvent(new Event('change'));
    expect(app.store.state.participants.get('a1')!.agentState).to.equal('speaking');
    expect(app.store.state.activeSpeakerId).to.equal('a1');
  });

  it('sets the share layout and chat, and keeps them out of the page-only parameters of the recording URL', async () => {
    const { app, panel } = await preview('still=1&demo=2&agents=1');
    const share = inPanel<HTMLSelectElement>(panel, '#share-layout')[0]!;
    share.value = 'SPOTLIGHT';
    share.dispatchEvent(new Event('change'));
    named(panel, 'Chat messages as toasts (chat=1)').click();
    await waitUntil(() => app.features.chat && app.features.shareLayout === 'SPOTLIGHT', 'features set');
    await mounted!.panel.updateComplete;
    const query = inPanel<HTMLTextAreaElement>(panel, '#query-text')[0]!;
    await waitUntil(() => query.value.includes('chat=1'), 'query updated');
    expect(query.value).to.contain('shareLayout=SPOTLIGHT');
    expect(query.value).to.not.contain('agents=');
  });
});
