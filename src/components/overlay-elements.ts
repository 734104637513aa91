/**
 * The live graphics and captions elements and the templates that put them on the stage: one chunk
 * the app loads when the first of them is needed.
 */
import { html, nothing } from 'lit';
import type { FeatureParams } from '../config/feature-params.js';
import type { LayoutPlan } from '../layout/types.js';
import type { Overlay } from '../meeting/overlay.js';
import { type ShownGraphics, lowerThirdAnchor } from './view-state.js';
import './rec-backdrop.js';
import './rec-captions.js';
import './rec-graphics.js';

/** The live background, behind the tiles. */
export function renderBackdrop(graphics: ShownGraphics) {
  if (!graphics.background) return nothing;
  return html`<rec-backdrop slot="backdrop" exportparts="backdrop" .background=${graphics.background}></rec-backdrop>`;
}

/** Graphics and captions, above the tiles in their bands. */
export function renderOverlay(graphics: ShownGraphics, overlay: Overlay | undefined, plan: LayoutPlan | undefined, features: FeatureParams) {
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
