/** A reactive controller that reports an element's rounded size while its host is connected. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Size } from '../layout/types.js';

/**
 * Observes `target()` from `hostConnected` to `hostDisconnected`, so a host that is detached and
 * re-attached keeps reporting. The target is looked up again after each update: it may be rendered later.
 */
export class ResizeController implements ReactiveController {
  private readonly observer: ResizeObserver;
  private observed?: Element;

  constructor(
    host: ReactiveControllerHost,
    private readonly target: () => Element | null | undefined,
    onResize: (size: Size) => void,
  ) {
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) onResize({ width: Math.round(box.width), height: Math.round(box.height) });
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.observe();
  }

  hostUpdated(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observed = undefined;
  }

  private observe(): void {
    const element = this.target();
    if (!element || element === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observer.observe(element);
    this.observed = element;
  }
}
