import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { AgentState } from '../meeting/state.js';

const STATE_WORDS: Record<AgentState, string> = {
  idle: 'idle',
  listening: 'listening',
  thinking: 'thinking',
  speaking: 'speaking',
};

/**
 * An AI agent's face on its tile, in place of an initials avatar: a ring that listens, dots that
 * think, bars that speak. Motion is transform and opacity only (the compositor's work, not the page's).
 *
 * @csspart agent - the circle
 * @csspart agent-state - the state word under it
 */
@customElement('rec-agent-visual')
export class RecAgentVisual extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: min(3cqh, 12px);
      pointer-events: none;
    }
    .orb {
      position: relative;
      width: min(38cqh, 38cqw, 170px);
      height: min(38cqh, 38cqw, 170px);
      border-radius: 50%;
      display: grid;
      place-items: center;
      background: radial-gradient(circle at 35% 30%, color-mix(in srgb, var(--rec-accent) 55%, #ffffff), var(--rec-accent) 70%);
      box-shadow: 0 0 0 min(1.2cqh, 5px) color-mix(in srgb, var(--rec-accent) 35%, transparent);
    }
    :host([state='idle']) .orb {
      filter: saturate(0.35) brightness(0.8);
    }
    :host([state='listening']) .orb::after {
      content: '';
      position: absolute;
      inset: calc(-1 * min(3cqh, 12px));
      border-radius: 50%;
      border: min(0.8cqh, 3px) solid var(--rec-accent);
      opacity: 0.55;
      animation: breathe 2.4s ease-in-out infinite;
    }
    .dots,
    .bars {
      display: flex;
      align-items: center;
      gap: 12%;
      width: 56%;
      height: 40%;
      justify-content: center;
    }
    .dots i {
      width: 16%;
      aspect-ratio: 1;
      border-radius: 50%;
      background: #ffffff;
      animation: blink 1.2s ease-in-out infinite;
    }
    .dots i:nth-child(2) {
      animation-delay: 0.2s;
    }
    .dots i:nth-child(3) {
      animation-delay: 0.4s;
    }
    .bars i {
      width: 11%;
      height: 100%;
      border-radius: 999px;
      background: #ffffff;
      transform: scaleY(var(--h));
      animation: talk 0.9s ease-in-out infinite alternate;
    }
    .bars i:nth-child(2n) {
      animation-delay: 0.3s;
    }
    .bars i:nth-child(3n) {
      animation-delay: 0.15s;
    }
    .word {
      color: var(--rec-text-muted);
      font-size: clamp(10px, 5cqh, 16px);
      letter-spacing: 0.04em;
    }
    @keyframes breathe {
      50% {
        transform: scale(1.08);
        opacity: 0.2;
      }
    }
    @keyframes blink {
      50% {
        opacity: 0.3;
      }
    }
    @keyframes talk {
      to {
        transform: scaleY(calc(var(--h) * 0.45));
      }
    }
  `;

  /** What the agent is doing; mirrored to the `state` attribute. */
  @property({ reflect: true }) state: AgentState = 'idle';

  override render() {
    const state = STATE_WORDS[this.state] ? this.state : 'idle';
    return html`<div part="agent" class="orb" role="img" aria-label=${`AI agent, ${STATE_WORDS[state]}`}>
        ${state === 'thinking' ? html`<div class="dots"><i></i><i></i><i></i></div>` : nothing}
        ${state === 'speaking'
          ? html`<div class="bars">
              ${[0.45, 0.8, 1, 0.7, 0.5].map((h) => html`<i style=${styleMap({ '--h': String(h) })}></i>`)}
            </div>`
          : nothing}
      </div>
      <div part="agent-state" class="word">${STATE_WORDS[state]}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-agent-visual': RecAgentVisual;
  }
}
