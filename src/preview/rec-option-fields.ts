/** The designer panel's options section: layout, look and output fields for every recording option. */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RecOptionsChangeEvent } from '../components/events.js';
import {
  DEFAULT_OPTIONS,
  LAYOUT_PRIORITIES,
  LAYOUT_TYPES,
  MAX_GRID_SIZE,
  MAX_SPEAKER_DWELL_MS,
  MODES,
  ORIENTATIONS,
  type OptionName,
  QUALITIES,
  type RecordingOptions,
  THEMES,
  parseOption,
} from '../config/options.js';
import { panelStyles } from './panel-styles.js';
import { outputSize } from './preview-url.js';

const LABELS: Partial<Record<string, string>> = {
  'video-and-audio': 'Video and audio',
  audio: 'Audio only',
  landscape: 'Landscape',
  portrait: 'Portrait',
};

/**
 * Every recording option as a form field. It shows the options it is given and asks for each edit
 * with `rec-options-change`; it never changes options itself.
 *
 * @fires rec-options-change - when an option is edited to a valid value
 */
@customElement('rec-option-fields')
export class RecOptionFields extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 12px;
      }
      .field {
        display: flex;
        justify-content: space-between;
        align-items: center;
        margin-top: 6px;
      }
    `,
  ];

  /** The options in force, shown as the fields' values. */
  @property({ attribute: false }) options: RecordingOptions = DEFAULT_OPTIONS;

  private request<K extends OptionName>(name: K, value: RecordingOptions[K]): void {
    this.dispatchEvent(new RecOptionsChangeEvent({ [name]: value }));
  }

  private onChoice(name: OptionName, raw: string): void {
    const parsed = parseOption(name, raw, this.options[name]);
    if (parsed.ok) this.request(name, parsed.value);
  }

  private onDwell = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const parsed = parseOption('speakerDwellMs', input.value, this.options.speakerDwellMs);
    if (parsed.ok) {
      input.setCustomValidity('');
      this.request('speakerDwellMs', parsed.value);
    } else {
      input.setCustomValidity(`Enter a whole number of milliseconds from 0 to ${MAX_SPEAKER_DWELL_MS}.`);
      input.reportValidity();
    }
  };

  override render() {
    return html`${this.renderLayout()} ${this.renderLook()}`;
  }

  private renderLayout() {
    const o = this.options;
    return html`<fieldset>
      <legend>Layout</legend>
      ${this.renderRadios('layoutType', 'Type', LAYOUT_TYPES)} ${this.renderRadios('layoutPriority', 'Priority', LAYOUT_PRIORITIES)}
      <div class="field">
        <label for="grid-size">Grid size</label>
        <select id="grid-size" @change=${(e: Event) => this.onChoice('layoutGridSize', (e.target as HTMLSelectElement).value)}>
          ${Array.from({ length: MAX_GRID_SIZE }, (_, i) => i + 1).map(
            (n) => html`<option value=${n} ?selected=${o.layoutGridSize === n}>${n} on screen</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="dwell">Speaker dwell (ms)</label>
        <input
          id="dwell"
          type="number"
          min="0"
          max=${MAX_SPEAKER_DWELL_MS}
          step="100"
          .value=${String(o.speakerDwellMs)}
          aria-describedby="dwell-hint"
          @change=${this.onDwell}
        />
      </div>
      <p class="hint" id="dwell-hint">How long a new speaker talks before the layout moves them.</p>
    </fieldset>`;
  }

  private renderLook() {
    const o = this.options;
    const size = outputSize(o.quality, o.orientation);
    return html`<fieldset>
      <legend>Look and output</legend>
      ${this.renderRadios('theme', 'Theme', THEMES)} ${this.renderRadios('mode', 'Mode', MODES)}
      <div class="field">
        <label for="quality">Quality</label>
        <select id="quality" @change=${(e: Event) => this.onChoice('quality', (e.target as HTMLSelectElement).value)}>
          ${QUALITIES.map((q) => {
            const s = outputSize(q, 'landscape');
            return html`<option value=${q} ?selected=${o.quality === q}>${q} (${s.width}×${s.height})</option>`;
          })}
        </select>
      </div>
      ${this.renderRadios('orientation', 'Orientation', ORIENTATIONS)}
      <p class="hint">Output frame: <span data-frame-size>${size.width}×${size.height}</span></p>
    </fieldset>`;
  }

  private renderRadios(name: OptionName, legend: string, values: readonly string[]) {
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="choices">
        ${values.map(
          (value) => html`<label
            ><input
              type="radio"
              name=${name}
              .value=${value}
              .checked=${String(this.options[name]) === value}
              @change=${() => this.onChoice(name, value)}
            />${LABELS[value] ?? value}</label
          >`,
        )}
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-option-fields': RecOptionFields;
  }
}
