import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CAPTION_HOLD_MS, type Caption } from '../meeting/overlay.js';

/**
 * Burned-in captions: the speaker's name and their latest words, at most two lines (older words
 * scroll out at the top), in the band the stage keeps below the tiles. The caption fades after
 * CAPTION_HOLD_MS without new words; a new speaker's caption replaces it. Text is only ever text.
 *
 * @csspart caption - the caption box
 * @csspart caption-name - the speaker's name
 * @csspart caption-text - the words
 */
@customElement('rec-captions')
export class RecCaptions extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      left: 0;
      right: 0;
      bottom: var(--rec-band-bottom, 0px);
      height: var(--rec-caption-band, 0px);
      display: flex;
      align-items: center;
      justify-content: center;
      pointer-events: none;
      font-family: var(--rec-font);
    }
    .caption {
      box-sizing: border-box;
      max-width: 94%;
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      column-gap: 0.5em;
      padding: 0.25em 0.6em;
      border-radius: 0.3em;
      background: var(--rec-caption-bg);
      color: var(--rec-caption-text);
      font-size: var(--rec-caption-font, 16px);
      line-height: 1.25;
      opacity: 1;
      transition: opacity 0.6s ease-out;
    }
    .caption.faded {
      opacity: 0;
    }
    .name {
      align-self: start;
      max-width: 8em;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      font-weight: 600;
      color: var(--rec-caption-name, #ffd75e);
      unicode-bidi: plaintext;
    }
    .text {
      display: flex;
      flex-direction: column;
      justify-content: flex-end;
      max-height: 2.5em;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    .interim {
      opacity: 0.78;
    }
  `;

  /** The caption on screen, if any. */
  @property({ attribute: false }) caption?: Caption;

  @state() private faded = false;

  private fadeTimer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.fadeTimer);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('caption')) {
      clearTimeout(this.fadeTimer);
      const caption = this.caption;
      const left = caption ? caption.updatedAt + CAPTION_HOLD_MS - performance.now() : 0;
      this.faded = left <= 0;
      if (left > 0) this.fadeTimer = setTimeout(() => (this.faded = true), left);
    }
    this.dataset.speakerId = this.caption?.speakerId ?? '';
    this.dataset.faded = String(this.faded);
  }

  override render() {
    const caption = this.caption;
    if (!caption) return nothing;
    return html`<div part="caption" class="caption ${this.faded ? 'faded' : ''}" role="status" aria-live="polite">
      <span part="caption-name" class="name" dir="auto">${caption.speakerName}</span>
      <span part="caption-text" class="text"
        ><span dir="auto">${caption.text}${caption.text && caption.interim ? ' ' : ''}${caption.interim
          ? html`<span class="interim">${caption.interim}</span>`
          : nothing}</span
        ></span
      >
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-captions': RecCaptions;
  }
}
