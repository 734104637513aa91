/**
 * The frame function: everything the recorded frame shows, from the meeting, the page's parameters,
 * the preview's edits, the size, the previous frame and which videos have presented a frame (the opening). Pure (no DOM, no timers): `<rec-app>` applies it.
 */
import { type FeatureParams, NO_FEATURES } from '../config/feature-params.js';
import type { LayoutType, RecordingOptions } from '../config/options.js';
import { openingGate } from '../layout/opening.js';
import { planLayout } from '../layout/plan.js';
import { fitStage } from '../layout/stage.js';
import type { LayoutPlan, PlannedTile, Rect, Size } from '../layout/types.js';
import type { MediaDemand } from '../meeting/source.js';
import { type MeetingState, optionsInForce } from '../meeting/state.js';
import { demandOf } from './media-demand.js';
import { isSharing, meetingForLayout } from './view-state.js';

/** What the designer panel changed over the URL's values. */
export interface FrameEdits {
  readonly options: Partial<RecordingOptions>;
  readonly features: Partial<FeatureParams>;
}

/** No edits: a recording, or a preview nobody touched yet. */
export const NO_EDITS: FrameEdits = Object.freeze({ options: {}, features: {} });

/** Everything one frame depends on. */
export interface FrameInput {
  readonly meeting: MeetingState;
  /** The page's parameters (from its URL). */
  readonly params: { readonly options: RecordingOptions; readonly features?: FeatureParams };
  readonly edits: FrameEdits;
  /** The space the frame fills (unknown until measured), and the stage's tile area once the stage reported it. */
  readonly size: { readonly viewport?: Size; readonly tileArea?: Size };
  /** The frame before this one, for stable slots and to know whether the tile area is still current. */
  readonly previous?: Frame;
  /** Now, in ms on the meeting's clock (`performance.now()`). */
  readonly now: number;
  /** Whether a tile's current video has presented a frame (the opening waits for them); none has when absent. */
  readonly presented?: (tile: PlannedTile) => boolean;
}

/** What to draw, and what media that needs. */
export interface Frame {
  /** The options in force: the URL's, then the edits, then live changes (what the panel and the URL show). */
  readonly options: RecordingOptions;
  /** The layout drawn: the share layout while someone's share is on show, else the options' layout. */
  readonly layoutType: LayoutType;
  /** The features in force: the URL's, then the edits. */
  readonly features: FeatureParams;
  /** Where the stage sits in the viewport; absent until the size is known. */
  readonly stage?: Rect;
  /** The tiles; absent while nothing is live (loading, ended, an error) or the size is unknown. */
  readonly plan?: LayoutPlan;
  /** The media the plan puts on screen (everyone is heard). */
  readonly demand: MediaDemand;
  /** Whether the tiles are filmed: false during the opening (src/layout/opening.ts), then true for good. */
  readonly revealed: boolean;
  /** When to draw the frame again for the opening's bound, while it holds; null otherwise. */
  readonly openingCheckAt: number | null;
}

/** Computes one frame. */
export function frameOf(input: FrameInput): Frame {
  const { meeting, params, edits, size, previous, now } = input;
  const features: FeatureParams = { ...NO_FEATURES, ...params.features, ...edits.features };
  const view = meetingForLayout(meeting, features);
  const options = optionsInForce({ ...params.options, ...edits.options }, meeting);
  // The share layout is the layout while someone's share is on show; it beats a live layout change.
  const layoutType = features.shareLayout !== undefined && isSharing(view, options) ? features.shareLayout : options.layoutType;
  // The opening starts with the page (0 is the navigation): VideoSDK films from the first paint.
  const opening = (plan: LayoutPlan | undefined) => {
    const gate = openingGate({
      boundMs: options.openingMs,
      since: 0,
      now,
      revealed: previous?.revealed ?? false,
      tiles: plan?.tiles,
      participants: meeting.participants,
      audioOnly: options.mode === 'audio',
      presented: input.presented ?? (() => false),
    });
    return { revealed: gate.revealed, openingCheckAt: gate.checkAt };
  };
  if (!size.viewport) return { options, layoutType, features, demand: demandOf(undefined, meeting, options), ...opening(undefined) };
  const stage = fitStage(size.viewport, options.orientation);
  const sameStage = previous?.stage?.width === stage.width && previous.stage.height === stage.height;
  // A tile area measured for another stage size is stale: plan for the whole stage until the next report.
  const area = sameStage && size.tileArea ? size.tileArea : { width: stage.width, height: stage.height };
  const showsTiles = meeting.status === 'live' || meeting.status === 'reconnecting';
  const planned = { ...options, layoutType };
  const plan = showsTiles ? planLayout({ state: view, options: planned, stage: area, previous: previous?.plan ?? null, now }) : undefined;
  return { options, layoutType, features, stage, plan, demand: demandOf(plan, meeting, options), ...opening(plan) };
}
