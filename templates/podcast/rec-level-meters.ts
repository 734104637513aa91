/** The podcast template's level meters: a bar meter under each on-screen participant's avatar. */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { RecApp } from '../../src/components/rec-app.js';
import type { Rect } from '../../src/layout/types.js';
import { AudioLevels } from './audio-levels.js';

/** The bars' relative heights: a waveform shape, tallest in the middle. */
const SHAPE = [0.35, 0.6, 0.85, 1, 0.85, 0.6, 0.35];
/** Meters refresh ten times a second: live enough to read, cheap on the recorder's one core. */
const REFRESH_MS = 100;

interface MeterView {
  readonly id: string;
  readonly rect: Rect;
  readonly speaking: boolean;
  /** 0–1, or undefined while levels cannot be measured (then speaking alone drives the bars). */
  readonly level: number | undefined;
}

/**
 * The podcast template's chrome: a level meter under each on-screen participant's avatar.
 * Reads where tiles are from the stage's plan (it never lays anything out) and levels from the audio.
 *
 * @csspart meter - one participant's meter
 * @csspart bar - one bar of a meter
 */
@customElement('rec-level-meters')
export class RecLevelMeters extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      z-index: 1;
      display: block;
      pointer-events: none;
    }
    .meter {
      position: absolute;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 9%;
    }
    .bar {
      flex: 0 0 7%;
      height: 100%;
      border-radius: 999px;
      background: var(--rec-text-muted);
      transform: scaleY(0.12);
      transform-origin: center;
    }
    .meter[data-speaking='true'] .bar {
      background: var(--rec-accent);
    }
    .meter[data-speaking='true'][data-measured='false'] .bar {
      transform: scaleY(var(--shape));
      animation: talk 0.9s ease-in-out infinite alternate;
      animation-delay: var(--delay);
    }
    @keyframes talk {
      from {
        transform: scaleY(calc(var(--shape) * 0.4));
      }
      to {
        transform: scaleY(var(--shape));
      }
    }
  `;

  /** The app whose stage and meeting the meters follow. */
  @property({ attribute: false }) app?: RecApp;
  /** Still meters (from who is speaking only), for deterministic snapshots. */
  @property({ type: Boolean }) still = false;

  @state() private meters: readonly MeterView[] = [];

  private readonly levels = new AudioLevels();
  private timer?: ReturnType<typeof setInterval>;
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => this.sample(), REFRESH_MS);
    this.follow();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('app')) this.follow();
  }

  /** Re-samples right after each meeting change, once the app has re-planned. */
  private follow(): void {
    this.unsubscribe?.();
    const app = this.app;
    this.unsubscribe = app?.store.subscribe(() => void app.updateComplete.then(() => this.sample()));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.levels.close();
  }

  private sample(): void {
    const app = this.app;
    const stage = app?.shadowRoot?.querySelector('rec-stage');
    if (!app || !stage) return;
    const meeting = app.store.state;
    if (!this.still) this.levels.sync(meeting.participants);
    const views: MeterView[] = [];
    for (const tile of stage.plan?.tiles ?? []) {
      if (tile.role === 'share') continue;
      views.push({
        id: tile.participantId,
        rect: tile.rect,
        speaking: tile.participantId === meeting.activeSpeakerId,
        level: this.still ? undefined : this.levels.level(tile.participantId),
      });
    }
    if (!sameViews(this.meters, views)) this.meters = views;
  }

  override render() {
    return repeat(this.meters, (m) => m.id, (m) => this.renderMeter(m));
  }

  private renderMeter(m: MeterView) {
    const { x, y, width, height } = m.rect;
    // Under the avatar, above the name: the band the podcast stylesheet leaves free.
    const meterHeight = Math.min(height * 0.1, width * 0.1);
    const meterWidth = meterHeight * 3;
    const box = {
      left: `${x + (width - meterWidth) / 2}px`,
      top: `${y + height * 0.715}px`,
      width: `${meterWidth}px`,
      height: `${meterHeight}px`,
    };
    // data-meter-for, not data-participant-id: that attribute is the tiles' testing contract alone.
    return html`<div
      part="meter"
      class="meter"
      style=${styleMap(box)}
      data-meter-for=${m.id}
      data-speaking=${String(m.speaking)}
      data-measured=${String(m.level !== undefined)}
    >
      ${SHAPE.map((shape, i) => {
        const style: Record<string, string> = { '--shape': String(shape), '--delay': `${-i * 0.13}s` };
        if (m.level !== undefined) style.transform = `scaleY(${Math.max(0.12, m.level * shape).toFixed(3)})`;
        return html`<i part="bar" class="bar" style=${styleMap(style)}></i>`;
      })}
    </div>`;
  }
}

function sameViews(a: readonly MeterView[], b: readonly MeterView[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const n = b[i]!;
      return (
        m.id === n.id &&
        m.speaking === n.speaking &&
        m.level?.toFixed(2) === n.level?.toFixed(2) &&
        m.rect.x === n.rect.x &&
        m.rect.y === n.rect.y &&
        m.rect.width === n.rect.width &&
        m.rect.height === n.rect.height
      );
    })
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-level-meters': RecLevelMeters;
  }
}
