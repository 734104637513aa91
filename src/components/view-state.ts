/**
 * What the frame shows of the meeting, derived for rendering: who the layout may place (hidden
 * participants left out), the graphics in force (the URL's
 * starting ones under the live ones), and whether a change touched only the overlay.
 */
import type { FeatureParams, StartingGraphics } from '../config/feature-params.js';
import type { RecordingOptions } from '../config/options.js';
import type { LayoutPlan, Rect } from '../layout/types.js';
import type { Graphics, LowerThird } from '../config/graphics-topics.js';
import type { LiveGraphics } from '../meeting/overlay.js';
import type { MeetingState, Participant } from '../meeting/state.js';

/** Whether a participant is kept off the frame (still heard): `hide=` or their own `metaData.hideFromRecording`. */
export function isHidden(participant: Participant, hide: ReadonlySet<string>): boolean {
  return participant.hiddenFromRecording === true || hide.has(participant.id);
}

/** Whether someone's screen share is on show (audio mode shows none). */
export function isSharing(meeting: MeetingState, options: Pick<RecordingOptions, 'mode'>): boolean {
  const presenter = meeting.presenterId === null ? undefined : meeting.participants.get(meeting.presenterId);
  return options.mode !== 'audio' && presenter?.screenShareOn === true;
}

/**
 * The meeting the layout plans from: hidden participants taken out (with them their speaking, share
 * and pins, which the layout then ignores). The same object when nobody is hidden.
 */
export function meetingForLayout(meeting: MeetingState, features: Pick<FeatureParams, 'hide'>): MeetingState {
  const hide = new Set(features.hide);
  const anyHidden = [...meeting.participants.values()].some((p) => isHidden(p, hide));
  if (!anyHidden) return meeting;
  return { ...meeting, participants: new Map([...meeting.participants].filter(([, p]) => !isHidden(p, hide))) };
}

/** The graphics on the frame. */
export type ShownGraphics = Partial<Omit<Graphics, 'toast'>>;

/** The URL's starting graphics under the live ones: a key a message set (or cleared with null) wins. */
export function shownGraphics(start: StartingGraphics, live: LiveGraphics | undefined): ShownGraphics {
  const pick = <K extends keyof StartingGraphics>(key: K): StartingGraphics[K] | undefined => {
    const set = live?.[key];
    if (set !== undefined) return (set ?? undefined) as StartingGraphics[K] | undefined;
    return start[key];
  };
  const shown: { -readonly [K in keyof ShownGraphics]: ShownGraphics[K] } = {};
  const banner = pick('banner');
  const logo = pick('logo');
  const background = pick('background');
  if (banner) shown.banner = banner;
  if (logo) shown.logo = logo;
  if (background) shown.background = background;
  if (live?.lowerThird) shown.lowerThird = live.lowerThird;
  return shown;
}

/** The tile rectangle (tile-area coordinates) a lower third is anchored to: its participant's camera tile, if on screen. */
export function lowerThirdAnchor(plan: LayoutPlan | undefined, lowerThird: LowerThird | undefined): Rect | undefined {
  const id = lowerThird?.participantId;
  if (id === undefined || !plan) return undefined;
  return plan.tiles.find((tile) => tile.participantId === id && tile.role !== 'share')?.rect;
}

/** Whether a store change touched only the overlay (graphics, toasts, captions): the layout stays as planned. */
export function onlyOverlayChanged(previous: MeetingState, next: MeetingState): boolean {
  if (previous === next || previous.overlay === next.overlay) return false;
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]) as Set<keyof MeetingState>;
  for (const key of keys) {
    if (key !== 'overlay' && key !== 'revision' && previous[key] !== next[key]) return false;
  }
  return true;
}
