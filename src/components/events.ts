/** Events that carry user intent up to the app element ("properties down, events up"). */
import type { FeatureParams } from '../config/feature-params.js';
import type { RecordingOptions } from '../config/options.js';
import type { DemoControls } from '../sources/demo/demo-controls.js';

/** Asks the app to render with changed options (the preview panel fires it). */
export class RecOptionsChangeEvent extends Event {
  static readonly eventName = 'rec-options-change';
  constructor(readonly options: Partial<RecordingOptions>) {
    super(RecOptionsChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Asks the app to render with changed features: captions, chat toasts, who is hidden, the share layout (the preview panel fires it). */
export class RecFeaturesChangeEvent extends Event {
  static readonly eventName = 'rec-features-change';
  constructor(readonly features: Partial<Pick<FeatureParams, 'captions' | 'chat' | 'hide' | 'shareLayout'>>) {
    super(RecFeaturesChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The stage's tile area changed size (a template reserved room with `--rec-tile-area-inset`). */
export class RecAreaResizeEvent extends Event {
  static readonly eventName = 'rec-area-resize';
  constructor(readonly size: { readonly width: number; readonly height: number }) {
    super(RecAreaResizeEvent.eventName);
  }
}

/** The app's meeting source is running; `controls` drive it when it is the simulated meeting. */
export class RecSourceReadyEvent extends Event {
  static readonly eventName = 'rec-source-ready';
  constructor(readonly controls: DemoControls | undefined) {
    super(RecSourceReadyEvent.eventName);
  }
}

/** A tile's video presented its first frame of `track` (the opening gate waits for these). */
export class RecVideoPresentedEvent extends Event {
  static readonly eventName = 'rec-video-presented';
  constructor(readonly track: MediaStreamTrack) {
    super(RecVideoPresentedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'rec-source-ready': RecSourceReadyEvent;
    'rec-video-presented': RecVideoPresentedEvent;
    'rec-options-change': RecOptionsChangeEvent;
    'rec-features-change': RecFeaturesChangeEvent;
    'rec-area-resize': RecAreaResizeEvent;
  }
}
