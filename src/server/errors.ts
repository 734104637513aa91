/**
 * The library's failures as one typed error: what kind of failure, VideoSDK's HTTP status and its
 * own error code when it sent one, and a message (already redacted) a user can act on.
 */

/**
 * What went wrong: `invalid` options (nothing was sent), `auth` (credentials refused), `api`
 * (VideoSDK rejected or kept failing the request, or answered in an unexpected shape), `network`
 * (no answer, and a re-send was safe but ran out of retries), `outcomeUnknown` (a request that
 * changes state was sent but not answered: it was not re-sent and may have taken effect).
 */
export type VideoSdkErrorKind = 'invalid' | 'auth' | 'api' | 'network' | 'outcomeUnknown';

/** Where an error came from and what VideoSDK said, when it said anything. */
export interface VideoSdkErrorDetails {
  /** HTTP status of VideoSDK's answer. */
  readonly status?: number | undefined;
  /** VideoSDK's own code (the `statusCode` of its JSON error body, e.g. 4028). */
  readonly code?: number | undefined;
  /** The request, as `METHOD /path` without its query. */
  readonly endpoint?: string | undefined;
}

/** A failure of a VideoSDK call or of its options; its message never carries a secret or a token. */
export class VideoSdkError extends Error {
  readonly kind: VideoSdkErrorKind;
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly endpoint: string | undefined;

  constructor(kind: VideoSdkErrorKind, message: string, details: VideoSdkErrorDetails = {}) {
    super(message);
    this.name = 'VideoSdkError';
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.endpoint = details.endpoint;
  }

  /** The same error with its message passed through `redact`. */
  redacted(redact: (text: string) => string): VideoSdkError {
    const copy = new VideoSdkError(this.kind, redact(this.message), this);
    // The stack repeats the message: keep the original's frames under the redacted text.
    copy.stack = `${copy.name}: ${copy.message}\n${(this.stack ?? '').split('\n').slice(1).join('\n')}`;
    return copy;
  }
}

/** An `invalid` error: options refused before anything was sent. */
export function invalidOptions(message: string): VideoSdkError {
  return new VideoSdkError('invalid', message);
}
