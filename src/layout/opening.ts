/**
 * The opening gate: VideoSDK films from the first paint, so until every on-screen camera that is on
 * has presented a frame (or a bound passes) the frame shows a themed opening, then the whole layout
 * at once. No tile of a camera that is on is ever filmed as a placeholder in the first seconds,
 * including the camera-off look of the SDK's first all-false media flags. Audio is never held back.
 */
import type { Participant } from '../meeting/state.js';
import type { PlannedTile } from './types.js';

/** What the gate decides from. */
export interface OpeningInput {
  /** The most the opening may last, from `since` (the URL's `openingMs`); 0: no opening. */
  readonly boundMs: number;
  /** When the opening began (ms, the page's clock: 0 is the navigation). */
  readonly since: number;
  readonly now: number;
  /** Whether the layout was already revealed: a reveal is never taken back (a re-join keeps the last frames). */
  readonly revealed: boolean;
  /** The tiles planned now; none (or undefined) while there is nothing to show yet. */
  readonly tiles: readonly PlannedTile[] | undefined;
  readonly participants: ReadonlyMap<string, Participant>;
  /** Audio-only recordings show no video: nothing to wait for. */
  readonly audioOnly: boolean;
  /** Whether the tile's current video track (camera or share) has presented a frame. */
  readonly presented: (tile: PlannedTile) => boolean;
}

/** What the gate decided. */
export interface OpeningDecision {
  readonly revealed: boolean;
  /** The participants whose tiles hold the opening (empty once revealed). */
  readonly waitingFor: readonly string[];
  /** When to decide again even if nothing changes (the bound), or null. */
  readonly checkAt: number | null;
}

/** Whether a tile is ready to be filmed: its participant's media is known, and a video that is on has a frame. */
function tileReady(tile: PlannedTile, participant: Participant | undefined, presented: OpeningInput['presented']): boolean {
  if (!participant) return true;
  if (tile.role === 'share') return presented(tile);
  if (participant.mediaPending) return false;
  return !participant.webcamOn || presented(tile);
}

/** Decides whether the layout is revealed now. */
export function openingGate(input: OpeningInput): OpeningDecision {
  const revealed = { revealed: true, waitingFor: [], checkAt: null } as const;
  const deadline = input.since + input.boundMs;
  if (input.revealed || input.boundMs <= 0 || input.now >= deadline) return revealed;
  const tiles = input.tiles ?? [];
  if (tiles.length === 0) return { revealed: false, waitingFor: [], checkAt: deadline };
  if (input.audioOnly) return revealed;
  const waitingFor = tiles.filter((tile) => !tileReady(tile, input.participants.get(tile.participantId), input.presented)).map((tile) => tile.participantId);
  return waitingFor.length === 0 ? revealed : { revealed: false, waitingFor, checkAt: deadline };
}
