/** The designer panel's features section: captions (and simulated speech), chat toasts, and the layout while someone shares. */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { RecFeaturesChangeEvent } from '../components/events.js';
import { type FeatureParams, NO_FEATURES } from '../config/feature-params.js';
import { CHAT_TOPIC } from '../config/graphics-topics.js';
import { LAYOUT_TYPES, type LayoutType } from '../config/options.js';
import type { Participant } from '../meeting/state.js';
import type { DemoControls } from '../sources/demo/demo-controls.js';
import { panelStyles } from './panel-styles.js';

/**
 * Switches for the recording's features, asked for with `rec-features-change` (the URL keeps them), and
 * buttons that make the simulated meeting talk and chat so they can be seen.
 *
 * @fires rec-features-change - when captions, chat or the share layout are switched
 */
@customElement('rec-features-controls')
export class RecFeaturesControls extends LitElement {
  static override styles = [
    panelStyles,
    css`
      select {
        width: auto;
        max-width: 140px;
      }
    `,
  ];

  /** The features in force. */
  @property({ attribute: false }) features: FeatureParams = NO_FEATURES;
  /** The simulated meeting's controls; absent when the page shows a live meeting. */
  @property({ attribute: false }) controls?: DemoControls;
  /** Who can speak and chat. */
  @property({ attribute: false }) participants: readonly Participant[] = [];

  @state() private speech = false;

  private speechKnown = false;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // captions=1 in the URL starts the simulated speech with the meeting.
    if (!this.speechKnown && changed.has('features')) {
      this.speechKnown = true;
      this.speech = this.features.captions;
    }
  }

  private value(id: string): string {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value.trim() ?? '';
  }

  private onCaptions = (event: Event): void => {
    const on = (event.target as HTMLInputElement).checked;
    this.dispatchEvent(new RecFeaturesChangeEvent({ captions: on }));
    // Captions without speech show nothing: simulated speech follows the switch.
    this.setSpeech(on);
  };

  private setSpeech(on: boolean): void {
    this.speech = on;
    this.controls?.setAutoTranscribe(on);
  }

  private say = (): void => {
    const id = this.value('say-as');
    const text = this.value('say-text');
    if (id && text) this.controls?.transcribe(id, text);
  };

  private chat = (): void => {
    const id = this.value('chat-as');
    const text = this.value('chat-text');
    if (text) this.controls?.publish(CHAT_TOPIC, text, id ? { id } : {});
  };

  private onShareLayout = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    const shareLayout = LAYOUT_TYPES.find((t) => t === value);
    this.dispatchEvent(new RecFeaturesChangeEvent({ shareLayout }));
  };

  override render() {
    const f = this.features;
    const people = this.participants;
    return html`<fieldset>
      <legend>Captions, chat and sharing</legend>
      <label><input type="checkbox" .checked=${f.captions} @change=${this.onCaptions} />Burned-in captions (captions=1)</label>
      <div class="row">
        <label><input type="checkbox" .checked=${this.speech} ?disabled=${!this.controls} @change=${(e: Event) => this.setSpeech((e.target as HTMLInputElement).checked)} />Simulated speech</label>
      </div>
      <div class="row">
        ${this.renderPeople('say-as', 'Speaker')}
        <input id="say-text" type="text" aria-label="Words to caption" value="Welcome to the all-hands 👋" />
        <button ?disabled=${!this.controls} @click=${this.say}>Say</button>
      </div>
      <label><input type="checkbox" .checked=${f.chat} @change=${(e: Event) => this.dispatchEvent(new RecFeaturesChangeEvent({ chat: (e.target as HTMLInputElement).checked }))} />Chat messages as toasts (chat=1)</label>
      <div class="row">
        ${this.renderPeople('chat-as', 'Chat sender')}
        <input id="chat-text" type="text" aria-label="Chat message" value="Great point!" />
        <button ?disabled=${!this.controls} @click=${this.chat}>Send chat</button>
      </div>
      <div class="row">
        <label for="share-layout">While someone shares</label>
        <select id="share-layout" @change=${this.onShareLayout}>
          <option value="" ?selected=${f.shareLayout === undefined}>the current layout</option>
          ${LAYOUT_TYPES.map((t: LayoutType) => html`<option value=${t} ?selected=${f.shareLayout === t}>${t}</option>`)}
        </select>
      </div>
      <p class="hint">Hide someone from the frame (still heard) with their row's Hide button below.</p>
      ${people.length === 0 ? html`<p class="hint">Add a participant to speak or chat.</p>` : ''}
    </fieldset>`;
  }

  private renderPeople(id: string, label: string) {
    return html`<select id=${id} aria-label=${label}>
      ${this.participants.map((p) => html`<option value=${p.id}>${p.displayName}</option>`)}
    </select>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-features-controls': RecFeaturesControls;
  }
}
