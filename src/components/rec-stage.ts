import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { LayoutPriority, LayoutType } from '../config/options.js';
import type { LayoutPlan, PlannedTile } from '../layout/types.js';
import type { Participant } from '../meeting/state.js';
import { RecAreaResizeEvent } from './events.js';
import { ResizeController } from './resize-controller.js';
import './rec-tile.js';

/** Tiles in key order: DOM order never changes when tiles move, so no element is re-attached. */
function byKey(a: PlannedTile, b: PlannedTile): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The recording frame: draws a layout plan's tiles at their rectangles, in the `--rec-*` tokens it inherits.
 * Only renders; the app element decides what is in the plan.
 *
 * @slot - overlays drawn above the tiles (state messages, a template's title bar), in stage coordinates
 * @slot backdrop - drawn behind the tiles (a live background)
 * @slot overlay - graphics and captions, in the coordinates of the stage less `--rec-tile-area-inset`;
 *   they read `--rec-band-top`, `--rec-band-bottom` and `--rec-caption-band` to stay in their bands
 * @csspart tile - every tile
 * @csspart area - the box the tiles are laid out in: the stage less `--rec-tile-area-inset` and the bands
 * @fires rec-area-resize - the tile area's size changed (the app re-plans the layout for it)
 */
@customElement('rec-stage')
export class RecStage extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      display: block;
      overflow: hidden;
      background: var(--rec-bg);
      color: var(--rec-text);
      font-family: var(--rec-font);
    }
    .frame {
      position: absolute;
      inset: var(--rec-tile-area-inset, 0);
      /* Bands kept clear of tiles: captions (and a banner) never cover a face or a name label. */
      --rec-caption-band: 0px;
      --rec-band-top: 0px;
      --rec-band-bottom: 0px;
    }
    :host([captions]) .frame {
      --rec-caption-band: calc(var(--rec-caption-font, 16px) * 3.4);
    }
    :host([banner='top']) .frame {
      --rec-band-top: calc(var(--rec-banner-font, 16px) * 2.2);
    }
    :host([banner='bottom']) .frame {
      --rec-band-bottom: calc(var(--rec-banner-font, 16px) * 2.2);
    }
    /* The opening: the tiles play (so their first frames come) but are not filmed until the reveal. */
    :host([opening]) .area {
      opacity: 0;
    }
    .area {
      position: absolute;
      left: 0;
      right: 0;
      top: var(--rec-band-top);
      bottom: calc(var(--rec-band-bottom) + var(--rec-caption-band));
    }
  `;

  /** Where every tile goes. */
  @property({ attribute: false }) plan?: LayoutPlan;
  /** The meeting's participants by id. */
  @property({ attribute: false }) participants: ReadonlyMap<string, Participant> = new Map();
  /** Who is speaking right now (highlighted even before the layout promotes them). */
  @property({ attribute: false }) activeSpeakerId: string | null = null;
  /** Mirrored to `data-layout`. */
  @property() layout: LayoutType = 'GRID';
  /** Mirrored to `data-priority`. */
  @property() priority: LayoutPriority = 'SPEAKER';
  /** Audio-only recording: avatars, no video elements. */
  @property({ type: Boolean }) audioOnly = false;
  /** Keeps a band below the tiles for captions (reflected as `captions`). */
  @property({ type: Boolean, reflect: true, attribute: 'captions' }) captionBand = false;
  /** The opening: tiles are laid out and play but are not shown yet (reflected as `opening`). */
  @property({ type: Boolean, reflect: true }) opening = false;
  /** Keeps a band above or below the tiles for a banner (reflected as `banner`). */
  @property({ reflect: true, attribute: 'banner' }) bannerPosition: 'top' | 'bottom' | null = null;

  @query('.area') private area?: HTMLElement;
  /** Reports the tile area's size for as long as the stage is attached (again after a re-attach). */
  private readonly areaSize = new ResizeController(this, () => this.area, (size) => this.dispatchEvent(new RecAreaResizeEvent(size)));

  override willUpdate(): void {
    this.dataset.layout = this.layout;
    this.dataset.priority = this.priority;
  }

  override render() {
    const tiles = [...(this.plan?.tiles ?? [])].sort(byKey);
    return html`<slot name="backdrop"></slot>
      <div class="frame">
        <div class="area" part="area">${repeat(tiles, (tile) => tile.key, (tile) => this.renderTile(tile))}</div>
        <slot name="overlay"></slot>
      </div>
      <slot></slot>`;
  }

  private renderTile(tile: PlannedTile) {
    const participant = this.participants.get(tile.participantId);
    const { x, y, width, height } = tile.rect;
    return html`<rec-tile
      part="tile"
      exportparts="video, avatar, label, name, ring, agent-badge, agent, agent-state"
      style=${styleMap({ left: `${x}px`, top: `${y}px`, width: `${width}px`, height: `${height}px` })}
      .participant=${participant}
      .kind=${tile.role === 'share' ? 'share' : 'cam'}
      .tileRole=${tile.role}
      .speaking=${tile.role !== 'share' && tile.participantId === this.activeSpeakerId}
      .audioOnly=${this.audioOnly}
    ></rec-tile>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-stage': RecStage;
  }
}
