/** The media a layout plan puts on screen, which the source consumes (or synthesises), and its change check. */
import type { RecordingOptions } from '../config/options.js';
import type { LayoutPlan } from '../layout/types.js';
import type { MediaDemand } from '../meeting/source.js';
import type { MeetingState } from '../meeting/state.js';

/** The media a plan puts on screen: what the source should consume (or synthesise). Everyone is heard. */
export function demandOf(plan: LayoutPlan | undefined, state: MeetingState, options: RecordingOptions): MediaDemand {
  const video = new Set<string>();
  const share = new Set<string>();
  const tileSizes = new Map<string, { width: number; height: number }>();
  for (const tile of plan?.tiles ?? []) {
    if (options.mode === 'audio') continue;
    (tile.role === 'share' ? share : video).add(tile.participantId);
    if (tile.role !== 'share') tileSizes.set(tile.participantId, { width: tile.rect.width, height: tile.rect.height });
  }
  return { video, share, audio: new Set(state.participants.keys()), tileSizes };
}

/** Whether two demands ask for the same media at the same sizes. */
export function sameDemand(a: MediaDemand | undefined, b: MediaDemand): boolean {
  const sameSet = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size === y.size && [...x].every((v) => y.has(v));
  const sameSizes = (x: MediaDemand['tileSizes'], y: MediaDemand['tileSizes']) =>
    x.size === y.size && [...x].every(([id, s]) => y.get(id)?.width === s.width && y.get(id)?.height === s.height);
  return (
    a !== undefined &&
    sameSet(a.video, b.video) &&
    sameSet(a.share, b.share) &&
    sameSet(a.audio, b.audio) &&
    sameSizes(a.tileSizes, b.tileSizes)
  );
}
