/**
 * The preview's page shell: puts the designer panel beside the app, draws the app at the recorder's
 * true output size scaled to the space left, and keeps the page URL in step with the options.
 */
import type { RecApp } from '../components/rec-app.js';
import { RecFeaturesChangeEvent, RecOptionsChangeEvent, RecSourceReadyEvent } from '../components/events.js';
import { fitFrame, outputSize, previewDemoSearch, previewFeatureSearch, previewSearch } from './preview-url.js';
import './rec-preview-panel.js';
import type { RecPreviewPanel } from './rec-preview-panel.js';

/** Breathing room between the panel, the window edges and the scaled frame. */
const MARGIN = 16;

/** A mounted preview; `unmount` restores the app to the whole window. */
export interface MountedPreview {
  readonly panel: RecPreviewPanel;
  /** Places the app again (after a resize or an option change). */
  place(): void;
  unmount(): void;
}

/** Mounts the designer panel next to this app (preview mode only). */
export function mountPreview(app: RecApp, host: HTMLElement = document.body): MountedPreview {
  const panel = document.createElement('rec-preview-panel');
  panel.app = app;
  // The simulated meeting's controls come from the app's source factory, now or when its source is ready.
  panel.controls = app.controls;
  const onSourceReady = (event: RecSourceReadyEvent): void => {
    panel.controls = event.controls;
  };
  app.addEventListener(RecSourceReadyEvent.eventName, onSourceReady);
  // The panel lists the URL's warnings, so none covers the filmed frame.
  app.warningsOutside = true;
  host.append(panel);
  document.documentElement.dataset.preview = 'panel';

  const place = (): void => {
    const { quality, orientation } = app.options;
    const frame = outputSize(quality, orientation);
    const side = panel.getBoundingClientRect().width;
    const space = {
      width: Math.max(1, window.innerWidth - side - 2 * MARGIN),
      height: Math.max(1, window.innerHeight - 2 * MARGIN),
    };
    const fit = fitFrame(frame, space);
    if (app.frameSize?.width !== frame.width || app.frameSize.height !== frame.height) app.frameSize = frame;
    Object.assign(app.style, {
      inset: 'auto',
      left: `${side + MARGIN + fit.x}px`,
      top: `${MARGIN + fit.y}px`,
      width: `${frame.width}px`,
      height: `${frame.height}px`,
      transform: `scale(${fit.scale})`,
      transformOrigin: '0 0',
      boxShadow: '0 0 0 1px rgba(127, 127, 127, 0.5), 0 8px 32px rgba(0, 0, 0, 0.45)',
    });
    app.dataset.previewScale = fit.scale.toFixed(4);
  };

  // The app handles the event first (it listens on itself), so its options are already updated here.
  const onOptions = (): void => {
    place();
    const search = previewSearch(window.location.search, app.options);
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  };
  app.addEventListener(RecOptionsChangeEvent.eventName, onOptions);
  // Captions, chat, hide and the share layout are in the URL too, so a reload and a recording keep them.
  const onFeatures = (): void => {
    const search = previewFeatureSearch(window.location.search, app.features);
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  };
  app.addEventListener(RecFeaturesChangeEvent.eventName, onFeatures);
  // People added or removed in the panel are in the URL too (as demo=N), so a reload keeps them.
  let people = app.params?.demo.count;
  const unsubscribe = app.store.subscribe((state) => {
    const count = [...state.participants.values()].filter((p) => !p.isAgent).length;
    if (state.status !== 'live' || count === people) return;
    people = count;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${previewDemoSearch(window.location.search, count)}${window.location.hash}`);
  });
  const observer = new ResizeObserver(() => place());
  observer.observe(panel);
  window.addEventListener('resize', place);
  place();

  return {
    panel,
    place,
    unmount: () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
      app.removeEventListener(RecOptionsChangeEvent.eventName, onOptions);
      app.removeEventListener(RecFeaturesChangeEvent.eventName, onFeatures);
      app.removeEventListener(RecSourceReadyEvent.eventName, onSourceReady);
      unsubscribe();
      app.warningsOutside = false;
      panel.remove();
      for (const name of ['inset', 'left', 'top', 'width', 'height', 'transform', 'transformOrigin', 'boxShadow'] as const) {
        app.style[name] = '';
      }
      delete app.dataset.previewScale;
      delete document.documentElement.dataset.preview;
      app.frameSize = undefined;
    },
  };
}
