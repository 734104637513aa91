import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RecApp } from '../components/rec-app.js';
import { RecOptionsChangeEvent } from '../components/events.js';
import { FONT_STACK } from '../components/theme.js';
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
import { optionsToQuery } from '../config/url-params.js';
import type { DemoControls } from '../sources/demo/demo-controls.js';
import { type MeetingState, type Participant, emptyMeeting } from '../meeting/state.js';
import { launcherCommand, outputSize } from './preview-url.js';

/** Page parameters that belong to the preview or the simulated meeting, never to a recording's URL. */
const PAGE_ONLY_PARAMS = new Set([
  'token', 'meetingId', 'participantId', 'panel', 'demo', 'seed', 'speaker', 'pins', 'presenter',
  'cameraOff', 'muted', 'names', 'still',
]);

/** How fast the "alternate speakers" demo switches: well under the default dwell, to show it holds. */
const ALTERNATE_EVERY_MS = 500;
const ALTERNATE_FOR_MS = 8000;

const LABELS: Partial<Record<string, string>> = {
  'video-and-audio': 'Video and audio',
  audio: 'Audio only',
  landscape: 'Landscape',
  portrait: 'Portrait',
};

/**
 * The designer panel: every recording option, the simulated meeting's controls and the URL that
 * records what is shown. It only sends intent: options go to the app as `rec-options-change`, meeting
 * actions go to the simulated meeting's `DemoControls`.
 *
 * @fires rec-options-change - on the app, when an option is edited
 */
@customElement('rec-preview-panel')
export class RecPreviewPanel extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      z-index: 100;
      top: 0;
      left: 0;
      bottom: 0;
      width: 360px;
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      background: #15161c;
      color: #e9e9ef;
      font-size: 13px;
      line-height: 1.4;
      font-family: ${unsafeCSS(FONT_STACK)};
      border-right: 1px solid #2c2e38;
      color-scheme: dark;
    }
    :host([collapsed]) {
      width: 48px;
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px;
      border-bottom: 1px solid #2c2e38;
    }
    h2 {
      margin: 0;
      font-size: 14px;
      font-weight: 600;
    }
    :host([collapsed]) h2 {
      display: none;
    }
    .body {
      overflow-y: auto;
      padding: 8px 12px 24px;
    }
    .body[hidden] {
      display: none;
    }
    fieldset {
      margin: 10px 0 0;
      padding: 8px 10px 10px;
      border: 1px solid #2c2e38;
      border-radius: 8px;
    }
    legend {
      padding: 0 4px;
      font-weight: 600;
      color: #b9bac6;
    }
    fieldset fieldset {
      margin-top: 6px;
      border: none;
      padding: 0;
    }
    fieldset fieldset legend {
      padding: 0;
      font-weight: 500;
      color: #9d9eab;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 12px;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .field {
      display: flex;
      justify-content: space-between;
      align-items: center;
      margin-top: 6px;
    }
    select,
    input[type='number'] {
      font: inherit;
      width: 150px;
      padding: 3px 4px;
      background: #0e0f13;
      color: inherit;
      border: 1px solid #3a3c48;
      border-radius: 4px;
    }
    button {
      font: inherit;
      padding: 3px 8px;
      background: #2a2c38;
      color: inherit;
      border: 1px solid #3e4150;
      border-radius: 4px;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #3b4fe0;
      border-color: #5568fe;
    }
    button:disabled {
      opacity: 0.45;
      cursor: default;
    }
    :focus-visible {
      outline: 2px solid #8fa0ff;
      outline-offset: 1px;
    }
    .toggle {
      min-width: 32px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    ul {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
    li {
      padding: 6px 0;
      border-top: 1px solid #23252e;
    }
    .who {
      display: flex;
      gap: 6px;
      margin-bottom: 4px;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .who .tag {
      color: #8fa0ff;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .buttons button {
      padding: 2px 5px;
      font-size: 12px;
    }
    textarea {
      box-sizing: border-box;
      width: 100%;
      margin: 4px 0;
      padding: 4px;
      font: 12px/1.35 ui-monospace, monospace;
      background: #0e0f13;
      color: inherit;
      border: 1px solid #3a3c48;
      border-radius: 4px;
      resize: vertical;
    }
    .status {
      min-height: 1.4em;
      margin: 4px 0 0;
      color: #9fe2a8;
    }
    .hint {
      margin: 4px 0 0;
      color: #9d9eab;
    }
  `;

  /** The app element the panel designs. */
  @property({ attribute: false }) app?: RecApp;
  /** The simulated meeting's controls; the app's `window.recDemo` when not given. */
  @property({ attribute: false }) controls?: DemoControls;
  /** Whether only the expand button shows. */
  @property({ type: Boolean, reflect: true }) collapsed = false;

  @state() private options: RecordingOptions = DEFAULT_OPTIONS;
  @state() private meeting: MeetingState = emptyMeeting();
  @state() private copyStatus = '';
  @state() private alternating = false;

  private unsubscribe?: () => void;
  private alternateTimer?: ReturnType<typeof setInterval>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.stopAlternating();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.app && !this.unsubscribe) this.watch(this.app);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('app')) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      if (this.app && this.isConnected) this.watch(this.app);
    }
  }

  private watch(app: RecApp): void {
    this.options = app.options;
    this.meeting = app.store.state;
    this.unsubscribe = app.store.subscribe((meeting) => {
      this.meeting = meeting;
      this.options = app.options;
    });
  }

  private get demo(): DemoControls | undefined {
    return this.controls ?? window.recDemo;
  }

  /** Sends one option to the app; the app layers it over the URL's options. */
  private setOption<K extends OptionName>(name: K, value: RecordingOptions[K]): void {
    const app = this.app;
    if (!app) return;
    app.dispatchEvent(new RecOptionsChangeEvent({ [name]: value }));
    this.options = app.options;
  }

  private onChoice(name: OptionName, raw: string): void {
    const parsed = parseOption(name, raw, this.options[name]);
    if (parsed.ok) this.setOption(name, parsed.value);
  }

  private onDwell = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const parsed = parseOption('speakerDwellMs', input.value, this.options.speakerDwellMs);
    if (parsed.ok) {
      input.setCustomValidity('');
      this.setOption('speakerDwellMs', parsed.value);
    } else {
      input.setCustomValidity(`Enter a whole number of milliseconds from 0 to ${MAX_SPEAKER_DWELL_MS}.`);
      input.reportValidity();
    }
  };

  private toggleCollapsed = (): void => {
    this.collapsed = !this.collapsed;
  };

  private toggleAlternating = (): void => {
    if (this.alternating) {
      this.stopAlternating();
      return;
    }
    const ids = [...this.meeting.participants.keys()].slice(0, 3);
    const demo = this.demo;
    if (!demo || ids.length < 2) return;
    this.alternating = true;
    let turn = 0;
    const started = performance.now();
    this.alternateTimer = setInterval(() => {
      if (performance.now() - started > ALTERNATE_FOR_MS) {
        this.stopAlternating();
        return;
      }
      demo.speak(ids[turn++ % ids.length] ?? null);
    }, ALTERNATE_EVERY_MS);
    demo.speak(ids[turn++] ?? null);
  };

  private stopAlternating(): void {
    clearInterval(this.alternateTimer);
    this.alternateTimer = undefined;
    this.alternating = false;
  }

  private async copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = `${what} copied.`;
    } catch {
      // Clipboard access can be refused (no focus, insecure origin): leave the text selectable instead.
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`textarea[data-copy='${what}']`);
      area?.select();
      this.copyStatus = `Press Ctrl+C to copy the selected ${what.toLowerCase()}.`;
    }
  }

  /** The template address with the template's own params (e.g. a title), without preview-only ones. */
  private templateUrl(): string {
    const page = new URL(window.location.href);
    const own = new URLSearchParams();
    const options = new Set<string>(Object.keys(DEFAULT_OPTIONS));
    for (const [name, value] of page.searchParams) {
      if (!PAGE_ONLY_PARAMS.has(name) && !options.has(name)) own.append(name, value);
    }
    const query = own.toString();
    return `${page.origin}${page.pathname}${query ? `?${query}` : ''}`;
  }

  override render() {
    return html`
      <header>
        <button
          class="toggle"
          aria-expanded=${String(!this.collapsed)}
          aria-controls="panel-body"
          aria-label=${this.collapsed ? 'Show designer panel' : 'Hide designer panel'}
          @click=${this.toggleCollapsed}
        >
          ${this.collapsed ? '»' : '«'}
        </button>
        <h2 id="panel-title">Recording designer</h2>
      </header>
      <div class="body" id="panel-body" role="region" aria-labelledby="panel-title" ?hidden=${this.collapsed}>
        ${this.renderOptionFields()} ${this.renderMeeting()} ${this.renderUrls()}
      </div>
    `;
  }

  private renderOptionFields() {
    const o = this.options;
    const size = outputSize(o.quality, o.orientation);
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
    </fieldset>
    <fieldset>
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

  private renderMeeting() {
    const demo = this.demo;
    const meeting = this.meeting;
    const people = [...meeting.participants.values()];
    return html`<fieldset ?disabled=${!demo}>
      <legend>Simulated meeting</legend>
      <div class="actions">
        <button @click=${() => demo?.join()}>Add participant</button>
        <button aria-pressed=${String(this.alternating)} ?disabled=${people.length < 2 && !this.alternating} @click=${this.toggleAlternating}>
          Alternate speakers quickly
        </button>
        <button @click=${() => demo?.speak(null)} ?disabled=${meeting.activeSpeakerId === null}>Nobody speaks</button>
        <button @click=${() => demo?.stopShare()} ?disabled=${meeting.presenterId === null}>Stop share</button>
      </div>
      <ul aria-label="Participants">
        ${people.map((p) => this.renderParticipant(p))}
      </ul>
    </fieldset>`;
  }

  private renderParticipant(p: Participant) {
    const demo = this.demo;
    const meeting = this.meeting;
    const speaking = meeting.activeSpeakerId === p.id;
    const pinned = meeting.pins.some((pin) => pin.participantId === p.id && pin.cam);
    const sharing = meeting.presenterId === p.id;
    const name = p.displayName;
    return html`<li data-participant-id=${p.id}>
      <div class="who">
        <span>${name}</span>
        ${speaking ? html`<span class="tag">speaking</span>` : nothing}
      </div>
      <div class="buttons">
        <button aria-pressed=${String(speaking)} aria-label=${`Speak ${name}`} @click=${() => demo?.speak(p.id)}>Speak</button>
        <button aria-pressed=${String(pinned)} aria-label=${`Pin ${name}`} @click=${() => (pinned ? demo?.unpin(p.id) : demo?.pin(p.id))}>
          Pin
        </button>
        <button
          aria-pressed=${String(sharing)}
          aria-label=${`Share ${name}'s screen`}
          @click=${() => (sharing ? demo?.stopShare() : demo?.startShare(p.id))}
        >
          Share
        </button>
        <button aria-pressed=${String(p.webcamOn)} aria-label=${`Camera ${name}`} @click=${() => demo?.setCamera(p.id, !p.webcamOn)}>
          Camera
        </button>
        <button aria-pressed=${String(p.micOn)} aria-label=${`Mic ${name}`} @click=${() => demo?.setMic(p.id, !p.micOn)}>Mic</button>
        <button aria-label=${`Remove ${name}`} @click=${() => demo?.leave(p.id)}>Remove</button>
      </div>
    </li>`;
  }

  private renderUrls() {
    const query = optionsToQuery(this.options, { all: true });
    const base = this.templateUrl();
    const templateQuery = new URL(base).searchParams;
    for (const [name, value] of query) templateQuery.set(name, value);
    const queryText = `?${templateQuery.toString()}`;
    const command = launcherCommand(this.options, base);
    return html`<fieldset>
      <legend>Record this design</legend>
      <label for="query-text">Template URL query</label>
      <textarea id="query-text" data-copy="Query string" readonly rows="3" .value=${queryText}></textarea>
      <button @click=${() => this.copy(queryText, 'Query string')}>Copy query string</button>
      <label for="command-text">Launcher command</label>
      <textarea id="command-text" data-copy="Command" readonly rows="5" .value=${command}></textarea>
      <button @click=${() => this.copy(command, 'Command')}>Copy command</button>
      <p class="status" role="status">${this.copyStatus}</p>
      <p class="hint">VideoSDK opens only https template URLs: host dist/ and use that address.</p>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-preview-panel': RecPreviewPanel;
  }
}
