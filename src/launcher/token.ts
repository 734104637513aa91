/**
 * VideoSDK JWTs (HS256, signed with the API secret), built with jose, plus the TTL syntax the
 * CLI accepts ("90s", "15m", "2h", "7d").
 */
import { SignJWT } from 'jose';
import { usageError } from './errors.js';
import type { Credentials } from './settings.js';

/** The permissions a VideoSDK token may grant. */
export const PERMISSIONS = ['allow_join', 'ask_join', 'allow_mod'] as const;
/** The token roles: rtc joins only, crawler calls the REST API only. */
export const ROLES = ['rtc', 'crawler'] as const;

/** One token permission. */
export type Permission = (typeof PERMISSIONS)[number];
/** One token role. */
export type Role = (typeof ROLES)[number];

/** The claims VideoSDK reads from a token. */
export interface TokenClaims {
  readonly apikey: string;
  readonly permissions: readonly Permission[];
  readonly version: 2;
  readonly roomId?: string;
  readonly participantId?: string;
  readonly roles?: readonly Role[];
  readonly iat: number;
  readonly exp: number;
}

/** What to put in a token besides the API key. */
export interface TokenRequest {
  readonly ttlSeconds: number;
  readonly permissions?: readonly Permission[];
  readonly roomId?: string | undefined;
  readonly roles?: readonly Role[] | undefined;
}

/** A signed token and the claims inside it. */
export interface MintedToken {
  readonly token: string;
  readonly claims: TokenClaims;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
/** The longest lifetime the CLI signs a token for (30 days). */
export const MAX_TTL_SECONDS = 30 * 86_400;

/** Parses "90s", "15m", "2h", "7d" or a bare number of seconds; `flag` names it in the error. */
export function parseTtl(raw: string, flag = '--ttl', minSeconds = 1): number {
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(raw);
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[(match[2] || 's').toLowerCase()] ?? 1) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < minSeconds || seconds > MAX_TTL_SECONDS) {
    throw usageError(
      `${flag}=${JSON.stringify(raw)} is not valid; accepted: a duration from ${formatDuration(minSeconds)} to 30d such as 90s, 15m, 2h, 7d`,
    );
  }
  return seconds;
}

/** A duration in seconds as the shortest exact "2h" / "90m" / "45s" form. */
export function formatDuration(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    const size = UNIT_SECONDS[unit]!;
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Signs a version-2 token for the given room, roles and lifetime. */
export async function mintToken(
  credentials: Credentials,
  request: TokenRequest,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<MintedToken> {
  const claims: TokenClaims = {
    apikey: credentials.apiKey,
    permissions: request.permissions ?? ['allow_join'],
    version: 2,
    ...(request.roomId !== undefined ? { roomId: request.roomId } : {}),
    ...(request.roles !== undefined && request.roles.length > 0 ? { roles: request.roles } : {}),
    iat: nowSeconds,
    exp: nowSeconds + request.ttlSeconds,
  };
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(credentials.secret));
  return { token, claims };
}
