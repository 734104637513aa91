/** The output of the layout functions: where each tile goes. Plain data, no DOM. */

/** A rectangle in stage pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A width and height in pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** What a tile is for; mirrored to the tile's `data-role`. */
export type TileRole = 'main' | 'grid' | 'side' | 'share';

/** One tile of a plan. */
export interface PlannedTile {
  /** Stable identity: `cam:<id>` or `share:<id>`; elements are keyed by it. */
  readonly key: string;
  readonly participantId: string;
  readonly role: TileRole;
  readonly rect: Rect;
  /** `cover` for cameras, `contain` for screen shares (never cropped). */
  readonly fit: 'cover' | 'contain';
}

/** A layout plan for one moment. */
export interface LayoutPlan {
  readonly stage: Size;
  readonly tiles: readonly PlannedTile[];
  /**
   * Participant ids in their camera slots, in slot order (the main spot first where there is one).
   * Fed back as `previous` so the next plan keeps everyone where they were.
   */
  readonly slots: readonly string[];
  /** When (source clock, ms) this plan should be recomputed because a speaker's dwell elapses; null if never. */
  readonly recomputeAt: number | null;
  /**
   * True when `slots[0]` is the speaker's spot (the main tile, or the top of the strip beside a share);
   * lets the next plan tell a kept spot from a first slot that merely happens to lead.
   */
  readonly speakerSpot?: boolean;
}
