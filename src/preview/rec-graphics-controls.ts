/** The designer panel's live graphics section: banner, lower third, toast, logo and background, published as a host would. */
import { LitElement, type TemplateResult, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  BANNER_POSITIONS,
  DEFAULT_TOAST_MS,
  type GraphicKey,
  LOGO_CORNERS,
  MAX_TOAST_MS,
  MIN_TOAST_MS,
  RECORDING_GRAPHICS_TOPIC,
  type RecordingGraphicsMessage,
} from '../config/graphics-topics.js';
import type { Participant } from '../meeting/state.js';
import type { DemoControls } from '../sources/demo/demo-controls.js';
import type { ShownGraphics } from '../components/view-state.js';
import { panelStyles } from './panel-styles.js';

/**
 * Each graphic's fields and a button that publishes it on `RECORDING_GRAPHICS` through the simulated
 * meeting (its controls' `publish`), exactly the message a host app sends; a message the page would refuse
 * is not sent, and the reason is shown.
 */
@customElement('rec-graphics-controls')
export class RecGraphicsControls extends LitElement {
  static override styles = [
    panelStyles,
    css`
      select {
        width: auto;
      }
      input[type='number'] {
        width: 80px;
      }
      .status {
        min-height: 1.4em;
        margin: 4px 0 0;
      }
      .status.error {
        color: #ffb4a8;
      }
    `,
  ];

  /** The simulated meeting's controls; absent when the page shows a live meeting. */
  @property({ attribute: false }) controls?: DemoControls;
  /** Who a lower third can be anchored to. */
  @property({ attribute: false }) participants: readonly Participant[] = [];
  /** The graphics on the frame (from the URL or published): the fields start from them, not from examples. */
  @property({ attribute: false }) graphics: ShownGraphics = {};

  @state() private status = '';
  @state() private failed = false;

  private value(id: string): string {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value.trim() ?? '';
  }

  /** Checks the message as the page will, then publishes it. */
  private async publish(message: RecordingGraphicsMessage, what: string): Promise<void> {
    const text = JSON.stringify(message);
    const { parseGraphicsMessage } = await import('../config/graphics-message.js');
    const result = parseGraphicsMessage(text);
    this.failed = !result.ok;
    if (!result.ok) {
      this.status = `Not sent: ${result.error}.`;
      return;
    }
    this.controls?.publish(RECORDING_GRAPHICS_TOPIC, text);
    this.status = `${what} published.`;
  }

  private clear(key: GraphicKey): void {
    void this.publish({ [key]: null }, `Clearing the ${key}`);
  }

  private showBanner = (): void => {
    const position = this.value('banner-position') === 'top' ? 'top' : 'bottom';
    void this.publish({ banner: { text: this.value('banner-text'), position } }, 'Banner');
  };

  private showLowerThird = (): void => {
    const subtitle = this.value('lt-subtitle');
    const participantId = this.value('lt-participant');
    void this.publish(
      { lowerThird: { title: this.value('lt-title'), ...(subtitle ? { subtitle } : {}), ...(participantId ? { participantId } : {}) } },
      'Lower third',
    );
  };

  private sendToast = (): void => {
    void this.publish({ toast: { text: this.value('toast-text'), durationMs: Number(this.value('toast-ms')) } }, 'Toast');
  };

  private showLogo = (): void => {
    const corner = this.value('logo-corner') as NonNullable<RecordingGraphicsMessage['logo']>['corner'];
    void this.publish({ logo: { url: this.value('logo-url'), corner } }, 'Logo');
  };

  private setBackground = (): void => {
    const color = this.value('bg-color');
    const imageUrl = this.value('bg-image');
    void this.publish({ background: { ...(color ? { color } : {}), ...(imageUrl ? { imageUrl } : {}) } }, 'Background');
  };

  override render() {
    return html`<fieldset ?disabled=${!this.controls}>
      <legend>Live graphics</legend>
      <p class="hint">Published on ${RECORDING_GRAPHICS_TOPIC} through the simulated meeting, as a host app would.</p>
      ${this.renderGraphic('Banner', 'banner', 'Show banner', this.showBanner, html`
        <input id="banner-text" type="text" aria-label="Banner text" value=${this.graphics.banner?.text ?? 'Live from Berlin'} />
        <select id="banner-position" aria-label="Banner position">
          ${BANNER_POSITIONS.map((p) => html`<option value=${p} ?selected=${this.graphics.banner?.position === p}>${p}</option>`)}
        </select>
      `)}
      ${this.renderGraphic('Lower third', 'lowerThird', 'Show lower third', this.showLowerThird, html`
        <input id="lt-title" type="text" aria-label="Lower third title" value=${this.graphics.lowerThird?.title ?? 'Ana Lima'} />
        <input id="lt-subtitle" type="text" aria-label="Lower third subtitle" value="Head of Product" />
        <select id="lt-participant" aria-label="Lower third on">
          <option value="">on the frame</option>
          ${this.participants.map((p) => html`<option value=${p.id}>on ${p.displayName}</option>`)}
        </select>
      `)}
      ${this.renderGraphic('Toast', 'toast', 'Send toast', this.sendToast, html`
        <input id="toast-text" type="text" aria-label="Toast text" value="Q&A starts in 5 minutes" />
        <input id="toast-ms" type="number" aria-label="Toast duration (ms)" min=${MIN_TOAST_MS} max=${MAX_TOAST_MS} step="500" value=${DEFAULT_TOAST_MS} />
      `)}
      ${this.renderGraphic('Logo', 'logo', 'Show logo', this.showLogo, html`
        <input id="logo-url" type="url" aria-label="Logo address (https: or data:image)" placeholder="https://your.host/logo.svg" value=${this.graphics.logo?.url ?? ''} />
        <select id="logo-corner" aria-label="Logo corner">
          ${LOGO_CORNERS.map((c) => html`<option value=${c}>${c}</option>`)}
        </select>
      `)}
      ${this.renderGraphic('Background', 'background', 'Set background', this.setBackground, html`
        <input id="bg-color" type="text" aria-label="Background colour" value=${this.graphics.background?.color ?? '#0b1d3a'} />
        <input id="bg-image" type="url" aria-label="Background image address (https:)" placeholder="https://your.host/bg.jpg" value=${this.graphics.background?.imageUrl ?? ''} />
      `)}
      <p class="status ${this.failed ? 'error' : ''}" aria-live="polite">${this.status}</p>
    </fieldset>`;
  }

  /** One graphic: its fields, then a button that shows it and one that clears it. */
  private renderGraphic(legend: string, key: GraphicKey, action: string, show: () => void, fields: TemplateResult) {
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="row">${fields}</div>
      <div class="row">
        <button @click=${show}>${action}</button>
        <button aria-label=${`Clear ${legend.toLowerCase()}`} @click=${() => this.clear(key)}>Clear</button>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-graphics-controls': RecGraphicsControls;
  }
}
