/**
 * The layout function: (meeting state, options, stage) -> which tiles go where. Matches VideoSDK's
 * prebuilt recorder's GRID / SPOTLIGHT / SIDEBAR × SPEAKER / PIN semantics, with a speaker dwell
 * (no flicker), stable slots and stacked portrait arrangements on top.
 */
import type { RecordingOptions } from '../config/options.js';
import type { MeetingState } from '../meeting/state.js';
import { gapFor, gridRects, innerArea, mainWithStrip } from './geometry.js';
import { keepSlots, spotSlots } from './slots.js';
import { speakerOrder } from './speaker-order.js';
import type { LayoutPlan, PlannedTile, Rect, Size, TileRole } from './types.js';

/** Everything a plan depends on. */
export interface LayoutInput {
  readonly state: MeetingState;
  /** The options in force (live changes already layered in: see `optionsInForce`). */
  readonly options: RecordingOptions;
  /** Stage size in px (16:9 landscape or 9:16 portrait). */
  readonly stage: Size;
  /** The last plan, for stability; null on the first frame. */
  readonly previous: LayoutPlan | null;
  /** Now, in ms on the same clock as the state's timestamps. */
  readonly now: number;
}

/** Who is shown, before geometry: a share in the main area and/or camera slots. */
interface Selection {
  readonly shareId: string | null;
  readonly slots: readonly string[];
  readonly speakerSpot: boolean;
  readonly pending: boolean;
}

/** Plans the tiles for one moment of the meeting. */
export function planLayout(input: LayoutInput): LayoutPlan {
  const { state, stage, options } = input;
  const selection = select(input, options);
  const tiles = arrange(selection, options, stage);
  return {
    stage: { width: stage.width, height: stage.height },
    tiles,
    slots: selection.slots,
    recomputeAt: selection.pending ? state.speakingSince + options.speakerDwellMs : null,
    speakerSpot: selection.speakerSpot,
  };
}

function select(input: LayoutInput, options: RecordingOptions): Selection {
  const { state, previous, now } = input;
  const capacity = options.layoutGridSize;
  const order = speakerOrder(state);
  const speakerId = state.activeSpeakerId !== null && state.participants.has(state.activeSpeakerId)
    ? state.activeSpeakerId
    : null;
  const dwellDone = previous === null || now - state.speakingSince >= options.speakerDwellMs;

  const pins = options.layoutPriority === 'PIN'
    ? state.pins.filter((pin) => state.participants.has(pin.participantId))
    : [];
  const pinnedCams = pins.filter((pin) => pin.cam).map((pin) => pin.participantId);
  const presenter = state.presenterId === null ? undefined : state.participants.get(state.presenterId);
  const sharing = options.mode !== 'audio' && presenter?.screenShareOn === true ? presenter.id : null;
  const shareIsPinned = sharing !== null && pins.some((pin) => pin.participantId === sharing && pin.share);
  const byPin = pinnedCams.length > 0 || shareIsPinned;
  // Under PIN with pins, SPOTLIGHT and SIDEBAR show pinned content only; GRID shows pins first, then others.
  const shareId = byPin && options.layoutType !== 'GRID' && !shareIsPinned ? null : sharing;

  if (byPin && options.layoutType !== 'GRID') {
    if (options.layoutType === 'SPOTLIGHT' && shareId !== null) return fixed(shareId, []);
    return fixed(shareId, pinnedCams.slice(0, capacity));
  }

  if (options.layoutType === 'GRID') {
    const pinned = pinnedCams.slice(0, capacity);
    const pinnedSet = new Set(pinned);
    const others = order.filter((id) => !pinnedSet.has(id));
    const room = capacity - pinned.length;
    const kept = previous ? previous.slots.filter((id) => !pinnedSet.has(id)) : null;
    const rest = keepSlots(kept, others, room, dwellDone ? speakerId : null);
    const pending = speakerId !== null && others.includes(speakerId) && !rest.includes(speakerId) && room > 0;
    return { shareId, slots: [...pinned, ...rest], speakerSpot: false, pending };
  }

  if (options.layoutType === 'SPOTLIGHT' && shareId !== null) return fixed(shareId, []);
  const spotCapacity = options.layoutType === 'SPOTLIGHT' ? 1 : capacity;
  const prior = previous ? { slots: previous.slots, speakerSpot: previous.speakerSpot === true } : null;
  const { slots, pending } = spotSlots(prior, order, spotCapacity, speakerId, dwellDone);
  return { shareId, slots, speakerSpot: slots.length > 0, pending };
}

function fixed(shareId: string | null, slots: readonly string[]): Selection {
  return { shareId, slots, speakerSpot: false, pending: false };
}

function arrange(selection: Selection, options: RecordingOptions, stage: Size): PlannedTile[] {
  const gap = gapFor(stage);
  const area = innerArea(stage, gap);
  const { shareId, slots } = selection;
  const orientation = options.orientation;
  const cam = (id: string, role: TileRole, rect: Rect): PlannedTile =>
    ({ key: `cam:${id}`, participantId: id, role, rect, fit: 'cover' });

  if (shareId !== null) {
    const { main, strip } = mainWithStrip(area, slots.length, orientation, gap);
    const share: PlannedTile = { key: `share:${shareId}`, participantId: shareId, role: 'share', rect: main, fit: 'contain' };
    return [share, ...slots.map((id, i) => cam(id, 'side', strip[i]!))];
  }
  if (slots.length === 0) return [];
  if (options.layoutType === 'SIDEBAR' || (options.layoutType === 'SPOTLIGHT' && slots.length === 1)) {
    const { main, strip } = mainWithStrip(area, slots.length - 1, orientation, gap);
    return slots.map((id, i) => (i === 0 ? cam(id, 'main', main) : cam(id, 'side', strip[i - 1]!)));
  }
  const rects = gridRects(area, slots.length, orientation, gap);
  return slots.map((id, i) => cam(id, 'grid', rects[i]!));
}
