import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ImageBudget } from '../../src/components/image-budget.js';

/**
 * The branded template's title bar: a logo and a title across the top of the recording frame.
 * Placed in `<rec-app>`'s slot, so it is drawn on the stage above the tiles, in the stage's units.
 *
 * @csspart bar - the bar itself
 * @csspart logo - the logo image
 * @csspart title - the title text
 */
@customElement('rec-brand-bar')
export class RecBrandBar extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      z-index: 2;
      top: 0;
      left: 0;
      right: 0;
      display: block;
      pointer-events: none;
    }
    :host([hidden]) {
      display: none;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: min(1.6cqh, 1.6cqw);
      height: min(8cqh, 11cqw);
      padding: 0 min(2.4cqh, 2.4cqw);
      box-sizing: border-box;
      background: linear-gradient(var(--rec-label-bg), var(--rec-label-bg)), var(--rec-bg);
      border-bottom: min(0.6cqh, 0.6cqw) solid var(--rec-brand, var(--rec-accent));
      color: var(--rec-text);
      font-family: var(--rec-font);
    }
    img {
      height: 68%;
      max-width: 30%;
      object-fit: contain;
    }
    .title {
      min-width: 0;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      font-size: min(3.6cqh, 4.4cqw);
      font-weight: 600;
      letter-spacing: 0.01em;
      unicode-bidi: plaintext;
    }
  `;

  /** The title text; the bar hides when there is neither a title nor a logo. */
  @property() heading?: string;
  /** A validated https: or data: image address. */
  @property() logoUrl?: string;

  @state() private logoFailed = false;

  private readonly logoBudget = new ImageBudget(this, 'logo (logoUrl)');

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('logoUrl')) this.logoFailed = false;
    this.hidden = !this.heading && !this.showsLogo();
  }

  private showsLogo(): boolean {
    return this.logoUrl !== undefined && !this.logoFailed && this.logoBudget.allows(this.logoUrl);
  }

  private onLogoError = (): void => {
    console.warn('Recording template: the logo (logoUrl) could not be loaded; check that the address serves an image.');
    this.logoFailed = true;
  };

  override render() {
    return html`<div part="bar" class="bar">
      ${this.showsLogo()
        ? html`<img part="logo" src=${this.logoUrl} alt="" referrerpolicy="no-referrer" @error=${this.onLogoError} />`
        : nothing}
      ${this.heading ? html`<span part="title" class="title">${this.heading}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-brand-bar': RecBrandBar;
  }
}
