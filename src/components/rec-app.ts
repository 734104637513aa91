import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { type FeatureParams, NO_FEATURES } from '../config/feature-params.js';
import type { LayoutType, RecordingOptions } from '../config/options.js';
import { type TemplateParams, parseTemplateParams } from '../config/url-params.js';
import { planLayout } from '../layout/plan.js';
import { fitStage } from '../layout/stage.js';
import type { LayoutPlan, Rect, Size } from '../layout/types.js';
import { createSource, isRecorderMode } from '../sources/create-source.js';
import type { DemoControls } from '../sources/demo/demo-controls.js';
import type { MediaDemand, MeetingSource } from '../meeting/source.js';
import { type MeetingState, type PageState, emptyMeeting, pageState } from '../meeting/state.js';
import { MeetingStore } from '../meeting/store.js';
import { type RecAreaResizeEvent, RecFeaturesChangeEvent, RecOptionsChangeEvent } from './events.js';
import { demandOf, sameDemand } from './media-demand.js';
import { OverlayParts } from './overlay-parts.js';
import { loadFontsFor } from './script-fonts.js';
import { themeTokens } from './theme.js';
import { type ShownGraphics, layoutTypeOf, meetingForLayout, onlyOverlayChanged, shownGraphics } from './view-state.js';
import './rec-audio-player.js';
import './rec-stage.js';

/** What the recorded frame says in each state without tiles; nothing while loading (no spinner). */
const STATE_MESSAGES: Partial<Record<PageState, string>> = {
  waiting: 'Waiting for participants to join',
  ended: 'This meeting has ended',
};

/**
 * The template page: reads its URL, runs the meeting source, lays the meeting out and renders it.
 * The one element that holds state; everything below it only renders.
 *
 * @slot - a template's chrome, drawn on the stage above the tiles (e.g. a title bar)
 * @csspart stage - the recording frame; the tiles' parts (tile, video, avatar, label, name, ring) are re-exported
 */
@customElement('rec-app')
export class RecApp extends LitElement {
  static override styles = [
    themeTokens,
    css`
      :host {
        position: fixed;
        inset: 0;
        display: block;
        overflow: hidden;
        background: var(--rec-bg);
        color: var(--rec-text);
        font-family: var(--rec-font);
      }
      .message {
        position: absolute;
        inset: 0;
        display: grid;
        place-content: center;
        gap: 0.6em;
        padding: 8%;
        text-align: center;
        color: var(--rec-text-muted);
        font-size: clamp(14px, 2.6cqh, 28px);
      }
      rec-stage {
        container-type: size;
      }
      .error-code {
        color: var(--rec-text);
        font-weight: 500;
      }
      .banner {
        position: absolute;
        top: 8px;
        left: 50%;
        transform: translateX(-50%);
        max-width: min(90%, 760px);
        z-index: 10;
        margin: 0;
        padding: 8px 12px 8px 28px;
        border-radius: 8px;
        background: #fff4cc;
        color: #3d2f00;
        font: 13px/1.4 system-ui, sans-serif;
        box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25);
      }
    `,
  ];

  /** The page's parameters; read from the URL when not given. */
  @property({ attribute: false }) params?: TemplateParams;
  /** The meeting source; created from the params when not given. */
  @property({ attribute: false }) source?: MeetingSource | Promise<MeetingSource>;
  /** A fixed output size (the preview draws the true resolution); otherwise the element's own size. */
  @property({ attribute: false }) frameSize?: Size;
  /** The URL's warnings are shown beside the frame (the preview panel does): the frame then shows none. */
  @property({ type: Boolean }) warningsOutside = false;
  /** The palette, mirrored from the effective options so outer CSS can target it. */
  @property({ reflect: true }) theme: RecordingOptions['theme'] = 'DEFAULT';

  @state() private meeting: MeetingState = emptyMeeting();
  @state() private plan?: LayoutPlan;
  @state() private stageRect?: Rect;
  @state() private measured?: Size;
  /** The layout in force (the share layout while someone shares), mirrored to the stage's `data-layout`. */
  @state() private layoutType?: LayoutType;
  /** The stage's tile area, when a template reserves part of the stage (e.g. for a title bar). */
  private tileArea?: Size;

  /** The meeting store; exposed for tests and templates that read the meeting. */
  readonly store = new MeetingStore();
  private activeSource?: MeetingSource;
  private unsubscribe?: () => void;
  private resizeObserver?: ResizeObserver;
  private recomputeTimer?: ReturnType<typeof setTimeout>;
  private lastDemand?: MediaDemand;
  private optionEdits: Partial<RecordingOptions> = {};
  private featureEdits: Partial<FeatureParams> = {};
  /** Graphics, captions and agent faces: their elements load on first use. */
  private readonly overlay = new OverlayParts(this);

  /** The options in force: the URL's, then edits from the preview, then live PubSub overrides. */
  get options(): RecordingOptions {
    return { ...this.resolvedParams.options, ...this.optionEdits, ...this.meeting.optionOverrides };
  }

  /** The extras in force: the URL's, then edits from the preview. */
  get features(): FeatureParams {
    return { ...NO_FEATURES, ...this.resolvedParams.features, ...this.featureEdits };
  }

  /** The graphics on the frame: the URL's starting ones under the live ones (templates read it, e.g. for a logo). */
  get graphics(): ShownGraphics {
    return shownGraphics(this.features.graphics, this.meeting.overlay?.graphics);
  }

  private get resolvedParams(): TemplateParams {
    this.params ??= parseTemplateParams(window.location.search);
    return this.params;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const params = this.resolvedParams;
    for (const warning of params.warnings) console.warn(`Recording template: ${warning.message}`);
    this.unsubscribe = this.store.subscribe(() => this.refresh());
    this.resizeObserver = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) this.measured = { width: Math.round(box.width), height: Math.round(box.height) };
      this.refresh();
    });
    this.resizeObserver.observe(this);
    this.addEventListener(RecOptionsChangeEvent.eventName, this.onOptionsChange);
    this.addEventListener(RecFeaturesChangeEvent.eventName, this.onFeaturesChange);
    void this.startSource(this.source ?? createSource(params));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.resizeObserver?.disconnect();
    this.removeEventListener(RecOptionsChangeEvent.eventName, this.onOptionsChange);
    this.removeEventListener(RecFeaturesChangeEvent.eventName, this.onFeaturesChange);
    clearTimeout(this.recomputeTimer);
    this.activeSource?.stop();
    if (window.recDemo && this.activeSource && 'controls' in this.activeSource) delete window.recDemo;
    this.activeSource = undefined;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('frameSize')) this.refresh();
  }

  override updated(): void {
    document.documentElement.dataset.state = pageState(this.meeting);
  }

  private async startSource(pending: MeetingSource | Promise<MeetingSource>): Promise<void> {
    const source = await pending;
    if (!this.isConnected) return;
    this.activeSource = source;
    if ('controls' in source) window.recDemo = source.controls as DemoControls;
    await source.start(this.store);
    this.refresh();
  }

  private onAreaResize = (event: RecAreaResizeEvent): void => {
    const { width, height } = event.size;
    if (this.tileArea?.width === width && this.tileArea.height === height) return;
    this.tileArea = event.size;
    this.refresh();
  };

  private onOptionsChange = (event: RecOptionsChangeEvent): void => {
    this.optionEdits = { ...this.optionEdits, ...event.options };
    this.refresh();
  };

  private onFeaturesChange = (event: RecFeaturesChangeEvent): void => {
    this.featureEdits = { ...this.featureEdits, ...event.features };
    this.refresh();
  };

  /** Re-plans the layout for the current meeting, options and size. */
  private refresh(): void {
    const meeting = this.store.state;
    const previous = this.meeting;
    this.overlay.follow(previous, meeting, this.features);
    if (this.plan && onlyOverlayChanged(previous, meeting)) {
      // Graphics and captions change often; the layout only when the meeting does.
      this.meeting = meeting;
      return;
    }
    clearTimeout(this.recomputeTimer);
    if (meeting.participants !== previous.participants || !this.plan) {
      for (const p of meeting.participants.values()) loadFontsFor(p.displayName);
    }
    this.meeting = meeting;
    const options = this.options;
    this.theme = options.theme;
    const viewport = this.frameSize ?? this.measured;
    if (!viewport) return;
    const stageRect = fitStage(viewport, options.orientation);
    const showsTiles = meeting.status === 'live' || meeting.status === 'reconnecting';
    const sameStage = this.stageRect?.width === stageRect.width && this.stageRect.height === stageRect.height;
    const area = sameStage && this.tileArea ? this.tileArea : { width: stageRect.width, height: stageRect.height };
    const view = meetingForLayout(meeting, this.features, options);
    this.layoutType = layoutTypeOf(view, options);
    const plan = showsTiles
      ? planLayout({
          state: view,
          options,
          stage: area,
          previous: this.plan ?? null,
          now: performance.now(),
        })
      : undefined;
    this.stageRect = stageRect;
    this.plan = plan;
    if (plan?.recomputeAt != null) {
      this.recomputeTimer = setTimeout(() => this.refresh(), Math.max(0, plan.recomputeAt - performance.now()) + 1);
    }
    const demand = demandOf(plan, meeting, options);
    if (this.activeSource && !sameDemand(this.lastDemand, demand)) {
      this.lastDemand = demand;
      this.activeSource.demand(demand);
    }
  }

  override render() {
    const rect = this.stageRect;
    const options = this.options;
    const page = pageState(this.meeting);
    const graphics = this.graphics;
    return html`
      ${rect
        ? html`<rec-stage
            part="stage"
            exportparts="tile, video, avatar, label, name, ring, agent-badge, agent, agent-state"
            style=${styleMap({ left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.width}px`, height: `${rect.height}px` })}
            .plan=${this.plan}
            .participants=${this.meeting.participants}
            .activeSpeakerId=${this.meeting.activeSpeakerId}
            .layout=${this.layoutType ?? options.layoutType}
            .priority=${options.layoutPriority}
            .audioOnly=${options.mode === 'audio'}
            .captionBand=${this.features.captions}
            .bannerPosition=${graphics.banner?.position ?? null}
            @rec-area-resize=${this.onAreaResize}
            >${this.overlay.renderBackdrop(graphics)}${this.renderMessage(page)}${page === 'error'
              ? nothing
              : this.overlay.renderOverlay(graphics, this.meeting.overlay, this.plan, this.features)}<slot></slot></rec-stage
          >`
        : nothing}
      ${page === 'live' || page === 'waiting'
        ? html`<rec-audio-player .participants=${[...this.meeting.participants.values()]}></rec-audio-player>`
        : nothing}
      ${this.renderWarnings()}
    `;
  }

  private renderMessage(page: PageState) {
    if (page === 'error') {
      const failure = this.meeting.failure;
      return html`<div class="message" role="alert">
        <div class="error-code">The recording could not show this meeting${failure ? ` (${failure.code})` : ''}</div>
        <div>${failure?.message ?? 'An unknown error occurred.'}</div>
      </div>`;
    }
    const text = STATE_MESSAGES[page];
    return text ? html`<div class="message" role="status">${text}</div>` : nothing;
  }

  /** Bad URL values, shown only in the preview: a recording must never film a banner. */
  private renderWarnings() {
    const params = this.resolvedParams;
    if (isRecorderMode(params) || params.warnings.length === 0 || this.warningsOutside) return nothing;
    return html`<ul class="banner" role="status" aria-label="URL parameter warnings">
      ${params.warnings.map((w) => html`<li>${w.message}</li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-app': RecApp;
  }
}
