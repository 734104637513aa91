/**
 * The app's overlay: loads the graphics, captions and agent elements the first time the meeting or
 * the URL needs one (so a recording without them downloads none), and renders them into the stage.
 */
import { nothing, type ReactiveControllerHost } from 'lit';
import { type FeatureParams, hasStartingGraphics } from '../config/feature-params.js';
import type { LayoutPlan } from '../layout/types.js';
import type { Overlay } from '../meeting/overlay.js';
import type { MeetingState } from '../meeting/state.js';
import { loadFontsForText } from './script-fonts.js';
import type { ShownGraphics } from './view-state.js';

type OverlayElements = typeof import('./overlay-elements.js');

/** Loads and renders the app's overlay elements. */
export class OverlayParts {
  private overlayLoading = false;
  private agentsLoading = false;
  private elements?: OverlayElements;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Starts loading what this meeting and these features need, and the fonts of any new overlay text. */
  follow(previous: MeetingState, meeting: MeetingState, features: FeatureParams): void {
    const wanted = features.captions || features.chat || hasStartingGraphics(features.graphics) || meeting.overlay !== undefined;
    if (wanted && !this.overlayLoading) {
      this.overlayLoading = true;
      this.load(import('./overlay-elements.js'), 'graphics and captions', (elements) => (this.elements = elements));
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
    return this.elements?.renderBackdrop(graphics) ?? nothing;
  }

  /** Graphics and captions, above the tiles in their bands. */
  renderOverlay(graphics: ShownGraphics, overlay: Overlay | undefined, plan: LayoutPlan | undefined, features: FeatureParams) {
    return this.elements?.renderOverlay(graphics, overlay, plan, features) ?? nothing;
  }

  private load<T>(loading: Promise<T>, what: string, done: (module: T) => void): void {
    loading
      .then((module) => {
        done(module);
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
