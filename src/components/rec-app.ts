import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { FeatureParams } from '../config/feature-params.js';
import type { RecordingOptions } from '../config/options.js';
import { type TemplateParams, parseTemplateParams } from '../config/url-params.js';
import type { PlannedTile, Size } from '../layout/types.js';
import { type CreatedSource, createSource, isRecorderMode } from '../sources/create-source.js';
import type { DemoControls } from '../sources/demo/demo-controls.js';
import type { MediaDemand, MeetingSource } from '../meeting/source.js';
import { type MeetingState, type PageState, emptyMeeting, pageState } from '../meeting/state.js';
import { MeetingStore } from '../meeting/store.js';
import { markPhase } from '../meeting/phases.js';
import { type RecAreaResizeEvent, RecFeaturesChangeEvent, RecOptionsChangeEvent, RecSourceReadyEvent, RecVideoPresentedEvent } from './events.js';
import { type Frame, type FrameEdits, NO_EDITS, frameOf } from './frame.js';
import { sameDemand } from './media-demand.js';
import { OverlayParts } from './overlay-parts.js';
import { loadFontsFor } from './script-fonts.js';
import { themeTokens } from './theme.js';
import { ResizeController } from './resize-controller.js';
import { type ShownGraphics, onlyOverlayChanged, shownGraphics } from './view-state.js';
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
  /** What is drawn: the frame function's latest result. */
  @state() private frame?: Frame;

  /** The meeting store; exposed for tests and templates that read the meeting. */
  readonly store = new MeetingStore();
  /** The simulated meeting's controls, as the source factory returned them (none for a live meeting or a given source). */
  controls?: DemoControls;
  private activeSource?: MeetingSource;
  private unsubscribe?: () => void;
  private measured?: Size;
  /** The stage's tile area, when a template reserves part of the stage (e.g. for a title bar). */
  private tileArea?: Size;
  private edits: FrameEdits = NO_EDITS;
  private recomputeTimer?: ReturnType<typeof setTimeout>;
  private openingTimer?: ReturnType<typeof setTimeout>;
  /** Tracks whose first frame a tile has presented (the opening waits for them). */
  private readonly presentedTracks = new WeakSet<MediaStreamTrack>();
  private lastDemand?: MediaDemand;
  /** Graphics, captions and agent faces: their elements load on first use. */
  private readonly overlay = new OverlayParts(this);
  private readonly size = new ResizeController(this, () => this, (size) => {
    this.measured = size;
    this.refresh();
  });

  /** The options in force: the URL's, then edits from the preview, then live PubSub changes. */
  get options(): RecordingOptions {
    return this.frame?.options ?? this.frameFor(this.store.state).options;
  }

  /** The features in force: the URL's, then edits from the preview. */
  get features(): FeatureParams {
    return this.frame?.features ?? this.frameFor(this.store.state).features;
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
    this.addEventListener(RecOptionsChangeEvent.eventName, this.onOptionsChange);
    this.addEventListener(RecFeaturesChangeEvent.eventName, this.onFeaturesChange);
    this.addEventListener(RecVideoPresentedEvent.eventName, this.onVideoPresented);
    void this.startSource(this.source ? Promise.resolve(this.source).then((source) => ({ source })) : createSource(params));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.removeEventListener(RecOptionsChangeEvent.eventName, this.onOptionsChange);
    this.removeEventListener(RecFeaturesChangeEvent.eventName, this.onFeaturesChange);
    this.removeEventListener(RecVideoPresentedEvent.eventName, this.onVideoPresented);
    clearTimeout(this.recomputeTimer);
    clearTimeout(this.openingTimer);
    this.activeSource?.stop();
    if (this.controls && window.recDemo === this.controls) delete window.recDemo;
    this.activeSource = undefined;
    this.controls = undefined;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('frameSize')) this.refresh();
  }

  override updated(): void {
    const root = document.documentElement.dataset;
    root.state = pageState(this.meeting);
    if (this.frame?.revealed) delete root.opening;
    else root.opening = 'holding';
  }

  private async startSource(pending: Promise<CreatedSource>): Promise<void> {
    const { source, controls } = await pending;
    if (!this.isConnected) return;
    this.activeSource = source;
    this.controls = controls;
    // A test hook only: page tests drive the simulated meeting through it; the preview gets the controls by event.
    if (controls) window.recDemo = controls;
    this.dispatchEvent(new RecSourceReadyEvent(controls));
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
    this.edits = { ...this.edits, options: { ...this.edits.options, ...event.options } };
    this.refresh();
  };

  private onFeaturesChange = (event: RecFeaturesChangeEvent): void => {
    this.edits = { ...this.edits, features: { ...this.edits.features, ...event.features } };
    this.refresh();
  };

  private onVideoPresented = (event: RecVideoPresentedEvent): void => {
    this.presentedTracks.add(event.track);
    if (!this.frame?.revealed) this.refresh();
  };

  /** Whether the video a tile shows now has presented a frame. */
  private presented = (tile: PlannedTile): boolean => {
    const participant = this.meeting.participants.get(tile.participantId);
    const track = tile.role === 'share' ? participant?.shareTrack : participant?.videoTrack;
    return track !== undefined && this.presentedTracks.has(track);
  };

  private frameFor(meeting: MeetingState): Frame {
    const size = { viewport: this.frameSize ?? this.measured, tileArea: this.tileArea };
    const presented = this.presented;
    return frameOf({ meeting, params: this.resolvedParams, edits: this.edits, size, previous: this.frame, now: performance.now(), presented });
  }

  /** Draws the frame for the current meeting, edits and size, and asks the source for its media. */
  private refresh(): void {
    const meeting = this.store.state;
    const previous = this.meeting;
    this.meeting = meeting;
    // Graphics and captions change often; the layout only when the meeting does.
    if (this.frame?.plan && onlyOverlayChanged(previous, meeting)) {
      this.overlay.follow(previous, meeting, this.frame.features);
      return;
    }
    if (meeting.participants !== previous.participants || !this.frame?.plan) {
      for (const p of meeting.participants.values()) loadFontsFor(p.displayName);
    }
    const revealedBefore = this.frame?.revealed ?? false;
    const frame = this.frameFor(meeting);
    this.frame = frame;
    if (frame.plan && frame.plan.tiles.length > 0) markPhase('first-plan');
    if (frame.revealed && !revealedBefore) markPhase('reveal');
    clearTimeout(this.openingTimer);
    if (frame.openingCheckAt !== null) this.openingTimer = setTimeout(() => this.refresh(), Math.max(0, frame.openingCheckAt - performance.now()) + 1);
    this.overlay.follow(previous, meeting, frame.features);
    this.theme = frame.options.theme;
    clearTimeout(this.recomputeTimer);
    const at = frame.plan?.recomputeAt;
    if (at != null) this.recomputeTimer = setTimeout(() => this.refresh(), Math.max(0, at - performance.now()) + 1);
    if (this.activeSource && !sameDemand(this.lastDemand, frame.demand)) {
      this.lastDemand = frame.demand;
      this.activeSource.demand(frame.demand);
    }
  }

  override render() {
    const rect = this.frame?.stage;
    const options = this.options;
    const page = pageState(this.meeting);
    const graphics = this.graphics;
    return html`
      ${rect
        ? html`<rec-stage
            part="stage"
            exportparts="tile, video, avatar, label, name, ring, agent-badge, agent, agent-state"
            style=${styleMap({ left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.width}px`, height: `${rect.height}px` })}
            .plan=${this.frame?.plan}
            .participants=${this.meeting.participants}
            .activeSpeakerId=${this.meeting.activeSpeakerId}
            .layout=${this.frame?.layoutType ?? options.layoutType}
            .priority=${options.layoutPriority}
            .audioOnly=${options.mode === 'audio'}
            .captionBand=${this.features.captions}
            .opening=${!(this.frame?.revealed ?? false)}
            .bannerPosition=${graphics.banner?.position ?? null}
            @rec-area-resize=${this.onAreaResize}
            >${this.overlay.renderBackdrop(graphics)}${this.renderMessage(page)}${page === 'error'
              ? nothing
              : this.overlay.renderOverlay(graphics, this.meeting.overlay, this.frame?.plan, this.features)}<slot></slot></rec-stage
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
