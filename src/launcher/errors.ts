/**
 * The CLI's failures as typed values, each mapped to the documented exit code so scripts can tell a
 * typo from a rejected secret from a VideoSDK outage; the library's errors map onto them.
 */
import { VideoSdkError } from '../server/errors.js';

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
  /** VideoSDK's own error code, when it sent one. */
  readonly code: number | undefined;

  constructor(kind: FailureKind, message: string, status?: number, code?: number) {
    super(message);
    this.name = 'LauncherError';
    this.kind = kind;
    this.status = status;
    this.code = code;
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }
}

/** A usage error: a bad flag, value or missing argument (exit 2). */
export function usageError(message: string): LauncherError {
  return new LauncherError('usage', message);
}

/** The library's error as the CLI's: refused options are usage errors, the rest keep their kind. */
export function fromVideoSdkError(error: VideoSdkError): LauncherError {
  return new LauncherError(error.kind === 'invalid' ? 'usage' : error.kind, error.message, error.status, error.code);
}
