/** The designer panel: a collapsible side bar holding the options, features, graphics, meeting and "Record this design" sections. */
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RecApp } from '../components/rec-app.js';
import { RecFeaturesChangeEvent, RecOptionsChangeEvent } from '../components/events.js';
import { FONT_STACK } from '../components/theme.js';
import { type FeatureParams, NO_FEATURES } from '../config/feature-params.js';
import { DEFAULT_OPTIONS, type RecordingOptions } from '../config/options.js';
import type { DemoControls } from '../sources/demo/demo-controls.js';
import { type MeetingState, emptyMeeting } from '../meeting/state.js';
import { panelStyles } from './panel-styles.js';
import './rec-features-controls.js';
import './rec-graphics-controls.js';
import './rec-meeting-controls.js';
import './rec-option-fields.js';
import './rec-record-design.js';

/**
 * The designer panel: every recording option, the simulated meeting's controls and the URL that
 * records what is shown. It follows the app's store and hands each section what it shows; it only
 * sends intent: option edits go to the app as `rec-options-change`, meeting actions go to the
 * simulated meeting's `DemoControls`.
 *
 * @fires rec-options-change - on the app, when an option is edited
 * @fires rec-features-change - on the app, when captions, chat, who is hidden or the share layout change
 */
@customElement('rec-preview-panel')
export class RecPreviewPanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
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
      .toggle {
        min-width: 32px;
      }
      .warnings {
        margin: 0 0 12px;
        padding: 8px 12px 8px 28px;
        border-radius: 8px;
        background: #fff4cc;
        color: #3d2f00;
      }
    `,
  ];

  /** The app element the panel designs. */
  @property({ attribute: false }) app?: RecApp;
  /** The simulated meeting's controls (mountPreview passes the app's); absent for a live meeting. */
  @property({ attribute: false }) controls?: DemoControls;
  /** Whether only the expand button shows. */
  @property({ type: Boolean, reflect: true }) collapsed = false;

  @state() private options: RecordingOptions = DEFAULT_OPTIONS;
  @state() private meeting: MeetingState = emptyMeeting();
  @state() private features: FeatureParams = NO_FEATURES;

  private unsubscribe?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
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
    this.features = app.features;
    this.meeting = app.store.state;
    this.unsubscribe = app.store.subscribe((meeting) => {
      this.meeting = meeting;
      this.options = app.options;
    });
  }

  /** Passes a section's edit (an option or an extra) on to the app, which layers it over the URL's. */
  private onEdit = (event: RecOptionsChangeEvent | RecFeaturesChangeEvent): void => {
    event.stopPropagation();
    const app = this.app;
    if (!app) return;
    app.dispatchEvent(event instanceof RecOptionsChangeEvent ? new RecOptionsChangeEvent(event.options) : new RecFeaturesChangeEvent(event.features));
    this.options = app.options;
    this.features = app.features;
  };

  private toggleCollapsed = (): void => {
    this.collapsed = !this.collapsed;
  };

  /** The URL's bad values, beside the frame rather than over it. */
  private renderWarnings() {
    const warnings = this.app?.params?.warnings ?? [];
    if (warnings.length === 0) return nothing;
    return html`<ul class="warnings" role="status" aria-label="URL parameter warnings">
      ${warnings.map((w) => html`<li>${w.message}</li>`)}
    </ul>`;
  }

  override render() {
    const people = [...this.meeting.participants.values()];
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
        ${this.renderWarnings()}
        <rec-option-fields .options=${this.options} @rec-options-change=${this.onEdit}></rec-option-fields>
        <rec-features-controls
          .features=${this.features}
          .controls=${this.controls}
          .participants=${people}
          @rec-features-change=${this.onEdit}
        ></rec-features-controls>
        <rec-graphics-controls .controls=${this.controls} .participants=${people} .graphics=${this.app?.graphics ?? {}}></rec-graphics-controls>
        <rec-meeting-controls
          .meeting=${this.meeting}
          .controls=${this.controls}
          .hiddenIds=${this.features.hide}
          @rec-features-change=${this.onEdit}
        ></rec-meeting-controls>
        <rec-record-design .options=${this.options} .graphics=${this.app?.graphics ?? {}} .pageUrl=${window.location.href}></rec-record-design>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-preview-panel': RecPreviewPanel;
  }
}
