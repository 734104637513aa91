import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Background } from '../config/graphics-topics.js';
import { ImageBudget } from './image-budget.js';

/**
 * The live background behind the tiles: a CSS colour and/or an image covering the frame. The image
 * is an `<img>`, never a CSS `url()`, so an address can only ever be an address.
 *
 * @csspart backdrop - the background box
 */
@customElement('rec-backdrop')
export class RecBackdrop extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    div,
    img {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    img {
      object-fit: cover;
    }
  `;

  /** The background in force (its colour and image already checked). */
  @property({ attribute: false }) background?: Background;

  @state() private failedUrl?: string;

  private readonly imageBudget = new ImageBudget(this, 'background image');

  private onError = (): void => {
    console.warn('Recording template: the background image could not be loaded; check that its address serves an image.');
    this.failedUrl = this.background?.imageUrl;
  };

  override render() {
    const background = this.background;
    if (!background) return nothing;
    const url = background.imageUrl;
    const image = url !== undefined && url !== this.failedUrl && this.imageBudget.allows(url) ? url : undefined;
    // style.setProperty() takes the colour as one value: it cannot add a declaration.
    return html`<div part="backdrop" style=${styleMap({ backgroundColor: background.color ?? 'transparent' })}>
      ${image ? html`<img src=${image} alt="" referrerpolicy="no-referrer" @error=${this.onError} />` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-backdrop': RecBackdrop;
  }
}
