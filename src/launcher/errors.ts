/**
 * The launcher's failures as typed values, each mapped to the documented exit code so scripts can
 * tell a typo from a rejected secret from a VideoSDK outage.
 */

/** Exit codes of `videosdk-record`, as documented in docs/launcher.md. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  auth: 3,
  api: 4,
  network: 5,
  recordingFailed: 6,
  outcomeUnknown: 7,
  interrupted: 130,
} as const;

/** What kind of failure ended a command. */
export type FailureKind = 'usage' | 'auth' | 'api' | 'network' | 'recordingFailed' | 'outcomeUnknown';

/** A failure with a message a user can act on and the exit code that goes with it. */
export class LauncherError extends Error {
  readonly kind: FailureKind;
  /** HTTP status from VideoSDK, when there was one. */
  readonly status: number | undefined;

  constructor(kind: FailureKind, message: string, status?: number) {
    super(message);
    this.name = 'LauncherError';
    this.kind = kind;
    this.status = status;
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }
}

/** A usage error: a bad flag, value or missing argument (exit 2). */
export function usageError(message: string): LauncherError {
  return new LauncherError('usage', message);
}
