import { LitElement, css, html } from 'lit';
import type { MeetingState, RecApp } from 'videosdk-recording-template';

/**
 * A title bar across the top of the recording frame, with how many people are in the meeting. Inside
 * <rec-app> it is drawn on the stage, so cqh/cqw units are the recorded frame's.
 */
export class MyTitleBar extends LitElement {
  static override properties = {
    heading: { type: String },
    people: { state: true },
  };

  static override styles = css`
    :host {
      position: absolute;
      inset: 0 0 auto 0;
      z-index: 2;
      display: flex;
      align-items: center;
      justify-content: space-between;
      height: min(8cqh, 11cqw);
      padding: 0 min(2.4cqh, 2.4cqw);
      box-sizing: border-box;
      background: var(--rec-bg);
      border-bottom: 2px solid var(--rec-accent);
      color: var(--rec-text);
      font: 600 min(3.6cqh, 4.4cqw) var(--rec-font);
      pointer-events: none;
    }
    .people {
      color: var(--rec-text-muted);
      font-weight: 500;
    }
  `;

  /** The title shown in the bar. */
  declare heading: string;
  private declare people: number;
  private unsubscribe?: () => void;

  constructor() {
    super();
    this.heading = '';
    this.people = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Chrome may read the meeting (the app's store) but leaves the layout to the app.
    const app = this.closest('rec-app') as RecApp | null;
    if (!app) return;
    const follow = (state: MeetingState): void => {
      this.people = state.participants.size;
    };
    follow(app.store.state);
    this.unsubscribe = app.store.subscribe(follow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  override render() {
    return html`<span>${this.heading}</span><span class="people">${this.people} in the meeting</span>`;
  }
}

customElements.define('my-title-bar', MyTitleBar);

declare global {
  interface HTMLElementTagNameMap {
    'my-title-bar': MyTitleBar;
  }
}
