/**
 * VideoSDK JWTs, signed by VideoSDK's server SDK (HS256 with the API secret): the claims VideoSDK
 * reads and the rules it documents for them, checked before anything is signed.
 */
import { decodeToken, generateToken } from '@videosdk.live/server-sdk';
import { invalidOptions } from './errors.js';

/** The permissions a VideoSDK token may grant. */
export const PERMISSIONS = ['allow_join', 'ask_join', 'allow_mod'] as const;
/** The token roles: rtc joins only, crawler calls the REST API only. */
export const ROLES = ['rtc', 'crawler'] as const;
/** The longest lifetime a token is signed for (30 days). */
export const MAX_TTL_SECONDS = 30 * 86_400;

/** One token permission. */
export type Permission = (typeof PERMISSIONS)[number];
/** One token role. */
export type Role = (typeof ROLES)[number];

/** The API key and secret that sign every token. */
export interface Credentials {
  readonly apiKey: string;
  readonly secret: string;
}

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
  readonly permissions?: readonly Permission[] | undefined;
  readonly roomId?: string | undefined;
  readonly participantId?: string | undefined;
  readonly roles?: readonly Role[] | undefined;
}

/** A signed token and the claims inside it. */
export interface MintedToken {
  readonly token: string;
  readonly claims: TokenClaims;
}

function checkRequest(request: TokenRequest): void {
  const { ttlSeconds, permissions = ['allow_join'], roles = [] } = request;
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    throw invalidOptions(`ttlSeconds=${String(ttlSeconds)} is not valid; accepted: an integer from 1 to ${MAX_TTL_SECONDS} (30 days)`);
  }
  if (permissions.length === 0 || permissions.some((p) => !PERMISSIONS.includes(p))) {
    throw invalidOptions(`permissions is not valid; accepted: a non-empty list of ${PERMISSIONS.join(', ')}`);
  }
  if (permissions.includes('ask_join') && permissions.length > 1) {
    throw invalidOptions('permissions: ask_join cannot be combined with other permissions');
  }
  if (roles.some((r) => !ROLES.includes(r))) throw invalidOptions(`roles is not valid; accepted: ${ROLES.join(', ')}`);
  for (const name of ['roomId', 'participantId'] as const) {
    const value = request[name];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) throw invalidOptions(`${name} must be a non-empty string`);
  }
}

/** Signs a version-2 token for the given room, participant, roles and lifetime. */
export async function mintToken(credentials: Credentials, request: TokenRequest): Promise<MintedToken> {
  checkRequest(request);
  const token = generateToken({
    apiKey: credentials.apiKey,
    secretKey: credentials.secret,
    permissions: [...(request.permissions ?? ['allow_join'])],
    version: 2,
    expiresIn: request.ttlSeconds,
    claims: {
      ...(request.roomId !== undefined ? { roomId: request.roomId } : {}),
      ...(request.participantId !== undefined ? { participantId: request.participantId } : {}),
      // The SDK defaults roles to ["crawler"], which cannot join: no roles asked for means no roles claim.
      roles: request.roles !== undefined && request.roles.length > 0 ? [...request.roles] : undefined,
    },
  });
  return { token, claims: decodeToken(token) as unknown as TokenClaims };
}
