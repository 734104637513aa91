import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { RecordingOptions } from '../config/options.js';
import { type TemplateParams, parseTemplateParams } from '../config/url-params.js';
import { planLayout } from '../layout/plan.js';
import { fitStage } from '../layout/stage.js';
import type { LayoutPlan, Rect, Size } from '../layout/types.js';
import { createSource, isRecorderMode } from '../sources/create-source.js';
import type { DemoControls } from '../sources/demo/demo-controls.js';
import type { MediaDemand, MeetingSource } from '../meeting/source.js';
import { type MeetingState, type PageState, emptyMeeting, pageState } from '../meeting/state.js';
import { MeetingStore } from '../meeting/store.js';
import { type RecAreaResizeEvent, RecOptionsChangeEvent } from './events.js';
import { loadFontsFor } from './script-fonts.js';
import { themeTokens } from './theme.js';
import './rec-audio-player.js';
import './rec-stage.js';

/** The media a plan puts on screen: what the source should consume (or synthesise). */
export function demandOf(plan: LayoutPlan | undefined, state: MeetingState, options: RecordingOptions): MediaDemand {
  const video = new Set<string>();
  const share = new Set<string>();
  const tileSizes = new Map<string, { width: number; height: number }>();
  for (const tile of plan?.tiles ?? []) {
    if (options.mode === 'audio') continue;
    (tile.role === 'share' ? share : video).add(tile.participantId);
    if (tile.role !== 'share') tileSizes.set(tile.participantId, { width: tile.rect.width, height: tile.rect.height });
  }
  return { video, share, audio: new Set(state.participants.keys()), tileSizes };
}

function sameDemand(a: MediaDemand | undefined, b: MediaDemand): boolean {
  const sameSet = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size === y.size && [...x].every((v) => y.has(v));
  const sameSizes = (x: MediaDemand['tileSizes'], y: MediaDemand['tileSizes']) =>
    x.size === y.size && [...x].every(([id, s]) => y.get(id)?.width === s.width && y.get(id)?.height === s.height);
  return (
    a !== undefined &&
    sameSet(a.video, b.video) &&
    sameSet(a.share, b.share) &&
    sameSet(a.audio, b.audio) &&
    sameSizes(a.tileSizes, b.tileSizes)
  );
}

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
  /** The palette, mirrored from the effective options so outer CSS can target it. */
  @property({ reflect: true }) theme: RecordingOptions['theme'] = 'DEFAULT';

  @state() private meeting: MeetingState = emptyMeeting();
  @state() private plan?: LayoutPlan;
  @state() private stageRect?: Rect;
  @state() private measured?: Size;
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

  /** The options in force: the URL's, then edits from the preview, then live PubSub overrides. */
  get options(): RecordingOptions {
    return { ...this.resolvedParams.options, ...this.optionEdits, ...this.meeting.optionOverrides };
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
    void this.startSource(this.source ?? createSource(params));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.resizeObserver?.disconnect();
    this.removeEventListener(RecOptionsChangeEvent.eventName, this.onOptionsChange);
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

  /** Re-plans the layout for the current meeting, options and size. */
  private refresh(): void {
    clearTimeout(this.recomputeTimer);
    const meeting = this.store.state;
    if (meeting.participants !== this.meeting.participants || !this.plan) {
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
    const plan = showsTiles
      ? planLayout({
          state: meeting,
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
    return html`
      ${rect
        ? html`<rec-stage
            part="stage"
            exportparts="tile, video, avatar, label, name, ring"
            style=${styleMap({ left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.width}px`, height: `${rect.height}px` })}
            .plan=${this.plan}
            .participants=${this.meeting.participants}
            .activeSpeakerId=${this.meeting.activeSpeakerId}
            .layout=${options.layoutType}
            .priority=${options.layoutPriority}
            .audioOnly=${options.mode === 'audio'}
            @rec-area-resize=${this.onAreaResize}
            >${this.renderMessage(page)}<slot></slot></rec-stage
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
    if (isRecorderMode(params) || params.warnings.length === 0) return nothing;
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
