/**
 * The app's overlay: loads the graphics, captions and agent elements the first time the meeting or
 * the URL needs one (so a recording without them downloads none), and renders them into the stage.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { type FeatureParams, hasStartingGraphics } from '../config/feature-params.js';
import type { LayoutPlan } from '../layout/types.js';
import type { Overlay } from '../meeting/overlay.js';
import type { MeetingState } from '../meeting/state.js';
import { loadFontsForText } from './script-fonts.js';
import { type ShownGraphics, lowerThirdAnchor } from './view-state.js';

/** Loads and renders the app's overlay elements. */
export class OverlayParts {
  private overlayLoading = false;
  private agentsLoading = false;
  private ready = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Starts loading what this meeting and these extras need, and the fonts of any new overlay text. */
  follow(previous: MeetingState, meeting: MeetingState, features: FeatureParams): void {
    const wanted = features.captions || features.chat || hasStartingGraphics(features.graphics) || meeting.overlay !== undefined;
    if (wanted && !this.overlayLoading) {
      this.overlayLoading = true;
      this.load(import('./overlay-elements.js'), 'graphics and captions', () => (this.ready = true));
    }
    if (!this.agentsLoading && meeting.participants !== previous.participants) {
      if ([...meeting.participants.values()].some((p) => p.isAgent)) {
        this.agentsLoading = true;
        this.load(import('./rec-agent-visual.js'), 'the AI agent tile', () => undefined);
      }
    }
    if (meeting.overlay !== previous.overlay && meeting.overlay) loadFontsForText(overlayText(meeting.overlay));
    if (previous.overlay === undefined && hasStartingGraphics(features.graphics)) {
      loadFontsForText(features.graphics.banner?.text ?? '');
    }
  }

  /** The live background, behind the tiles. */
  renderBackdrop(graphics: ShownGraphics) {
    if (!this.ready || !graphics.background) return nothing;
    return html`<rec-backdrop slot="backdrop" exportparts="backdrop" .background=${graphics.background}></rec-backdrop>`;
  }

  /** Graphics and captions, above the tiles in their bands. */
  renderOverlay(graphics: ShownGraphics, overlay: Overlay | undefined, plan: LayoutPlan | undefined, features: FeatureParams) {
    if (!this.ready) return nothing;
    return html`<rec-graphics
        slot="overlay"
        exportparts="banner, lower-third, lower-third-title, lower-third-subtitle, logo, toast, toast-sender"
        .graphics=${graphics}
        .anchor=${lowerThirdAnchor(plan, graphics.lowerThird)}
        .toasts=${overlay?.toasts ?? []}
        .toastsClearedThrough=${overlay?.toastsClearedThrough ?? 0}
        .chat=${features.chat}
      ></rec-graphics>
      ${features.captions
        ? html`<rec-captions slot="overlay" exportparts="caption, caption-name, caption-text" .caption=${overlay?.caption}></rec-captions>`
        : nothing}`;
  }

  private load(loading: Promise<unknown>, what: string, done: () => void): void {
    loading
      .then(() => {
        done();
        this.host.requestUpdate();
      })
      .catch((error: unknown) => console.warn(`Recording template: ${what} did not load (${String(error)}); the recording goes on without.`));
  }
}

/** Every text an overlay shows, for the fonts it needs. */
function overlayText(overlay: Overlay): string {
  const { banner, lowerThird } = overlay.graphics;
  const caption = overlay.caption;
  return [
    banner?.text,
    lowerThird?.title,
    lowerThird?.subtitle,
    caption?.speakerName,
    caption?.text,
    caption?.interim,
    ...overlay.toasts.map((t) => `${t.sender ?? ''}${t.text}`),
  ].join(' ');
}
