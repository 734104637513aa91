import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ImageBudget } from './image-budget.js';
import type { Rect } from '../layout/types.js';
import type { ToastRequest } from '../meeting/overlay.js';
import type { ShownGraphics } from './view-state.js';

/** Toasts waiting their turn at most; a flood keeps the newest. */
const MAX_WAITING_TOASTS = 8;

/**
 * The live graphics over the tiles: a banner in its band, a lower third (on its participant's tile
 * when given, else on the frame), a logo in a corner and toasts, one at a time, each for its time.
 * It only renders what it is given; every text is rendered as text.
 *
 * @csspart banner - the banner strip
 * @csspart lower-third - the lower third box; `lower-third-title`, `lower-third-subtitle` inside it
 * @csspart logo - the logo image
 * @csspart toast - the toast box; `toast-sender` names who wrote a chat message
 */
@customElement('rec-graphics')
export class RecGraphics extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
      font-family: var(--rec-font);
      --gap: max(6px, 2.2cqh);
      --above-bottom: calc(var(--rec-band-bottom, 0px) + var(--rec-caption-band, 0px));
    }
    .banner {
      position: absolute;
      left: 0;
      right: 0;
      box-sizing: border-box;
      display: flex;
      align-items: center;
      padding: 0 1em;
      background: var(--rec-banner-bg, var(--rec-accent));
      color: var(--rec-banner-text, #ffffff);
      font-size: var(--rec-banner-font, 16px);
      font-weight: 600;
    }
    .banner.top {
      top: 0;
      height: var(--rec-band-top, 2.2em);
    }
    .banner.bottom {
      bottom: 0;
      height: var(--rec-band-bottom, 2.2em);
    }
    .line {
      min-width: 0;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      unicode-bidi: plaintext;
    }
    .lower-third {
      position: absolute;
      box-sizing: border-box;
      left: var(--gap);
      bottom: calc(var(--above-bottom) + max(40px, 13cqh));
      max-width: 60%;
      padding: 0.35em 0.8em 0.4em 0.65em;
      border-left: 0.3em solid var(--rec-accent);
      background: var(--rec-graphic-bg);
      color: var(--rec-graphic-text);
      font-size: var(--rec-graphic-font, 14px);
      line-height: 1.3;
    }
    .lower-third.anchored {
      bottom: auto;
      transform: translateY(-100%);
    }
    .title {
      font-size: 1.25em;
      font-weight: 600;
    }
    .subtitle {
      opacity: 0.85;
    }
    .logo {
      position: absolute;
      max-height: calc(var(--rec-graphic-font, 14px) * 3.2);
      max-width: 20%;
      object-fit: contain;
    }
    .logo.top-left,
    .logo.top-right {
      top: calc(var(--rec-band-top, 0px) + var(--gap));
    }
    .logo.bottom-left,
    .logo.bottom-right {
      bottom: calc(var(--above-bottom) + var(--gap));
    }
    .logo.top-left,
    .logo.bottom-left {
      left: var(--gap);
    }
    .logo.top-right,
    .logo.bottom-right {
      right: var(--gap);
    }
    .toast {
      position: absolute;
      top: calc(var(--rec-band-top, 0px) + var(--gap));
      left: 50%;
      transform: translateX(-50%);
      box-sizing: border-box;
      max-width: 72%;
      padding: 0.45em 0.9em;
      border-radius: 0.4em;
      border-bottom: 0.2em solid var(--rec-accent);
      background: var(--rec-graphic-bg);
      color: var(--rec-graphic-text);
      font-size: calc(var(--rec-graphic-font, 14px) * 1.1);
      line-height: 1.3;
      overflow-wrap: anywhere;
      unicode-bidi: plaintext;
    }
    .sender {
      font-weight: 600;
      margin-inline-end: 0.4em;
    }
  `;

  /** The banner, lower third and logo in force. */
  @property({ attribute: false }) graphics: ShownGraphics = {};
  /** The lower third's participant's tile (tile-area coordinates), when they are on screen. */
  @property({ attribute: false }) anchor?: Rect;
  /** Toast requests, oldest first; each is shown once, in turn. */
  @property({ attribute: false }) toasts: readonly ToastRequest[] = [];
  /** Toasts up to this seq are withdrawn. */
  @property({ type: Number }) toastsClearedThrough = 0;
  /** Whether chat toasts are shown. */
  @property({ type: Boolean }) chat = false;

  @state() private toast?: ToastRequest;
  @state() private logoFailed?: string;

  private readonly logoBudget = new ImageBudget(this, 'logo');
  private waiting: ToastRequest[] = [];
  private lastSeen = 0;
  private toastTimer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.toastTimer);
    this.toast = undefined;
    this.waiting = [];
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('toasts') || changed.has('toastsClearedThrough') || changed.has('chat')) this.queueToasts();
    this.dataset.toast = this.toast ? String(this.toast.seq) : '';
  }

  private queueToasts(): void {
    const cleared = this.toastsClearedThrough;
    for (const request of this.toasts) {
      if (request.seq <= this.lastSeen) continue;
      this.lastSeen = request.seq;
      if (request.seq > cleared && (request.kind !== 'chat' || this.chat)) this.waiting.push(request);
    }
    this.waiting = this.waiting.filter((t) => t.seq > cleared && (t.kind !== 'chat' || this.chat)).slice(-MAX_WAITING_TOASTS);
    if (this.toast && (this.toast.seq <= cleared || (this.toast.kind === 'chat' && !this.chat))) {
      clearTimeout(this.toastTimer);
      this.toast = undefined;
    }
    if (!this.toast) this.showNext();
  }

  private showNext(): void {
    this.toast = this.waiting.shift();
    if (this.toast) this.toastTimer = setTimeout(() => this.showNext(), this.toast.durationMs);
  }

  private onLogoError = (): void => {
    const url = this.graphics.logo?.url;
    console.warn('Recording template: the logo could not be loaded; check that its address serves an image.');
    this.logoFailed = url;
  };

  override render() {
    const { banner, lowerThird, logo } = this.graphics;
    return html`${logo && this.logoFailed !== logo.url && this.logoBudget.allows(logo.url)
      ? html`<img part="logo" class="logo ${logo.corner}" src=${logo.url} alt="" referrerpolicy="no-referrer" @error=${this.onLogoError} />`
      : nothing}
    ${lowerThird ? this.renderLowerThird(lowerThird) : nothing}
    ${banner ? html`<div part="banner" class="banner ${banner.position}"><span class="line" dir="auto">${banner.text}</span></div>` : nothing}
    ${this.toast ? this.renderToast(this.toast) : nothing}`;
  }

  private renderLowerThird(lowerThird: NonNullable<ShownGraphics['lowerThird']>) {
    const anchor = this.anchor;
    // Above the tile's own name label: clear of it by about its height.
    const clearance = anchor ? Math.min(52, Math.round(anchor.height * 0.22)) : 0;
    const margin = anchor ? Math.max(6, Math.round(anchor.width * 0.03)) : 0;
    const place = anchor
      ? {
          left: `${anchor.x + margin}px`,
          top: `calc(var(--rec-band-top, 0px) + ${anchor.y + anchor.height - clearance}px)`,
          maxWidth: `${Math.max(0, anchor.width - 2 * margin)}px`,
        }
      : {};
    return html`<div part="lower-third" class="lower-third ${anchor ? 'anchored' : ''}" style=${styleMap(place)}>
      <div part="lower-third-title" class="title line" dir="auto">${lowerThird.title}</div>
      ${lowerThird.subtitle
        ? html`<div part="lower-third-subtitle" class="subtitle line" dir="auto">${lowerThird.subtitle}</div>`
        : nothing}
    </div>`;
  }

  private renderToast(toast: ToastRequest) {
    return html`<div part="toast" class="toast" role="status" dir="auto">
      ${toast.sender ? html`<span part="toast-sender" class="sender">${toast.sender}</span>` : nothing}<span>${toast.text}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-graphics': RecGraphics;
  }
}
