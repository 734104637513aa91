/**
 * Recorder failures as values a person watching the recording can act on: checks of the URL's
 * credentials before any network call. VideoSDK's own error and leave codes are explained in
 * videosdk-errors.ts, which loads with the SDK.
 */
import type { RecorderParams } from '../../config/url-params.js';
import type { MeetingFailure } from '../../meeting/state.js';

/** The claims of a VideoSDK token this page cares about; everything else is ignored. */
interface TokenClaims {
  readonly exp?: unknown;
  readonly participantId?: unknown;
  readonly roomId?: unknown;
  readonly roles?: unknown;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Decodes one base64url JWT segment to text; null when it is not base64url. */
function decodeSegment(segment: string): string | null {
  if (!BASE64URL.test(segment)) return null;
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Reads a JWT's payload without verifying it (the page never holds the secret); null if not a JWT. */
export function readTokenClaims(token: string): TokenClaims | null {
  const parts = token.split('.');
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || !header || !payload || !signature || !BASE64URL.test(signature)) return null;
  const headerText = decodeSegment(header);
  const payloadText = decodeSegment(payload);
  if (headerText === null || payloadText === null) return null;
  try {
    const parsedHeader: unknown = JSON.parse(headerText);
    const parsed: unknown = JSON.parse(payloadText);
    if (typeof parsedHeader !== 'object' || parsedHeader === null) return null;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return parsed as TokenClaims;
  } catch {
    return null;
  }
}

/**
 * Checks the recorder's URL parameters before any network call. Returns null when they can be tried
 * (or when there is no token at all: that is preview mode, not a failure). Never includes the token.
 */
export function checkRecorderParams(recorder: RecorderParams, now: number = Date.now()): MeetingFailure | null {
  const { token, meetingId, participantId } = recorder;
  if (!token) return null;
  if (!meetingId) {
    return {
      code: 'MISSING_MEETING_ID',
      message: 'The URL has a token but no meetingId parameter: add meetingId=<room id> to the template URL.',
    };
  }
  const claims = readTokenClaims(token);
  if (!claims) {
    return {
      code: 'TOKEN_NOT_JWT',
      message:
        'The URL parameter token is not a VideoSDK token (a JWT: three base64url parts with a JSON payload).',
    };
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) {
    return {
      code: 'TOKEN_EXPIRED',
      message: `The URL parameter token expired at ${new Date(claims.exp * 1000).toISOString()}: mint one that outlives the wait until the recorder joins.`,
    };
  }
  if (typeof claims.participantId === 'string' && claims.participantId !== participantId) {
    return {
      code: 'TOKEN_PARTICIPANT_BOUND',
      message: `The URL parameter token is bound to another participantId than the URL's participantId=${participantId ?? '(none)'}: mint the recorder's token without participantId.`,
    };
  }
  if (typeof claims.roomId === 'string' && claims.roomId !== meetingId) {
    return {
      code: 'TOKEN_ROOM_MISMATCH',
      message: `The URL parameter token is bound to another room than meetingId=${meetingId}: mint it for this room.`,
    };
  }
  if (Array.isArray(claims.roles) && claims.roles.includes('crawler') && !claims.roles.includes('rtc')) {
    return {
      code: 'TOKEN_CANNOT_JOIN',
      message: 'The URL parameter token has only the crawler role (REST calls), so it cannot join: add the rtc role.',
    };
  }
  return null;
}

/** One line, no tokens, bounded length: what an SDK message may add to our explanation. */
export function cleanDetail(message: string | undefined): string {
  if (!message) return '';
  const oneLine = message.replace(/\s+/g, ' ').trim();
  const redacted = oneLine.replace(/[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g, '[token]');
  return redacted.length > 120 ? `${redacted.slice(0, 117)}...` : redacted;
}

/** The failure shown when the SDK's own code could not be loaded (offline, blocked, broken deploy). */
export function sdkLoadFailure(error: unknown): MeetingFailure {
  const detail = cleanDetail(error instanceof Error ? error.message : String(error));
  return {
    code: 'SDK_LOAD_FAILED',
    message: `The VideoSDK library could not be loaded${detail ? ` (${detail})` : ''}: check the network and the deployment.`,
  };
}
