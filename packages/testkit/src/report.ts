/** What the kit reports: how a template is filmed, the checks it must pass, and what to fix when one fails. */

/** How the kit films a template. */
export interface RunOptions {
  /** The template's URL (http or https); the kit adds token, meetingId, participantId and `query`. */
  readonly url: string;
  /** Extra template parameters, e.g. `layoutType=SIDEBAR&theme=DARK`. */
  readonly query: string;
  /** Participants who send: all but the last with a camera, every one with a microphone. */
  readonly peers: number;
  /** How long the page may take to reach each expected state, in ms. */
  readonly timeoutMs: number;
  /** The core the recorder's browser is pinned to (null: not pinned). */
  readonly core: number | null;
  /** The CPU window, in ms. */
  readonly cpuWindowMs: number;
}

/** The checks every template must pass, in the order they run. */
export const CHECKS = ['live', 'hidden', 'cameras', 'audio', 'layout-message', 'socket-drop', 'refused-token', 'page-errors'] as const;
/** One of {@link CHECKS}. */
export type CheckId = (typeof CHECKS)[number];

/** The outcome of one check; `fix` says what to change when it failed. */
export interface CheckResult {
  readonly id: CheckId;
  readonly ok: boolean;
  readonly detail: string;
  readonly fix?: string;
}

/** What `--json` prints. */
export interface Report {
  readonly url: string;
  readonly passed: boolean;
  readonly checks: CheckResult[];
  /** Milliseconds from navigation to the first presented camera frame (null: none). */
  readonly firstFrameMs: number | null;
  /** The recorder browser's CPU in the steady meeting, as a share of one core (null: not measured). */
  readonly cpuPercent: number | null;
  /** The core the recorder's browser ran on (null: not pinned). */
  readonly pinnedCore: number | null;
  /** How busy that core was in the CPU window (over the whole meeting when there was none), everything on it counted (null: not pinned or unknown). */
  readonly coreBusyPercent: number | null;
  readonly durationMs: number;
}

/** What to change in a template when a check fails. */
export const FIXES: Record<CheckId, string> = {
  live: 'set <html data-state="live"> once the meeting is joined, and give each shown participant an element with data-participant-id',
  hidden: "show only participants whose mode is SEND_AND_RECV (or CONFERENCE), never the recorder's own participantId",
  cameras: "put each shown camera's track in a <video> inside its tile (srcObject = new MediaStream([track]), muted, autoplay, playsinline)",
  audio: 'play every microphone, on screen or not, in an <audio data-key="mic:<participantId>"> with srcObject set and play() called',
  'layout-message': 'parse RECORDING_LAYOUT messages defensively and keep data-state="live", the tiles and their video while re-laying out',
  'socket-drop': 'keep the last frame (data-state="live", tiles) while the SDK re-joins, then consume cameras and mics again on the new participants',
  'refused-token': 'on a failed join set <html data-state="error"> and draw a visible message (code and explanation), not an empty frame',
  'page-errors': 'catch and log errors instead of letting them escape (each is listed above)',
};
