/**
 * `createVideoSdkClient`: the typed client a backend (and the CLI) drives VideoSDK through. Its
 * groups mirror the REST API; each method takes one options object named as in the REST body and
 * resolves to a typed result or rejects with a VideoSdkError.
 */
import { invalidOptions, VideoSdkError } from './errors.js';
import { DEFAULT_NETWORK, type NetworkSettings, type RetryNotice, type SettingNames, Transport, type TransportOptions } from './http.js';
import { type RestGroups, restGroups } from './rest-groups.js';
import type { BaseUrlNames } from './template-url.js';
import { buildTemplateUrlFor, type TemplateUrl, type TemplateUrlOptions } from './template-url-builder.js';
import { type Credentials, type MintedToken, mintToken, type Permission, type Role } from './token.js';

/** VideoSDK's API base, used unless `apiUrl` says otherwise. */
export const DEFAULT_API_URL = 'https://api.videosdk.live';
/** The shortest API secret accepted: VideoSDK's are 64 hex characters, and 32 are the least HS256 allows. */
export const MIN_SECRET_LENGTH = 32;

/** How to reach VideoSDK and how patiently (timeoutMs 15000, retries 3, retryBaseMs 500, maxRetryWaitMs 60000). */
export interface VideoSdkClientOptions extends Partial<NetworkSettings> {
  readonly apiKey: string;
  readonly secret: string;
  /** API base (default https://api.videosdk.live). */
  readonly apiUrl?: string | URL;
  /** Hears about each retry before its wait. */
  readonly onRetry?: (notice: RetryNotice) => void;
  /** Aborts every call of this client. */
  readonly signal?: AbortSignal;
}

/** What `tokens.mint` puts in a token (lifetime in seconds, default 1 h). */
export interface MintOptions {
  readonly roomId?: string;
  readonly participantId?: string;
  readonly roles?: readonly Role[];
  readonly permissions?: readonly Permission[];
  readonly ttlSeconds?: number;
}

/** A signed token, its claims and when it expires. */
export interface Token extends MintedToken {
  readonly expiresAt: string;
}

/** The client: tokens, templateUrl and one group per REST resource. */
export interface VideoSdkClient extends RestGroups {
  readonly tokens: { mint(options?: MintOptions): Promise<Token> };
  /** Builds the templateUrl VideoSDK opens for `output` (default recording), with a room-bound join token. */
  templateUrl(options: TemplateUrlOptions): Promise<TemplateUrl>;
  /** VideoSDK's webhook public key (PEM), fetched once and kept: what createWebhookHandler verifies against. */
  webhookPublicKey(): Promise<string>;
}

/** What the CLI adds: messages naming its environment variables and flags, and a clock tests can skip. */
export interface ClientInternals {
  readonly names?: SettingNames;
  readonly baseUrlNames?: BaseUrlNames;
  readonly sleep?: TransportOptions['sleep'];
  readonly random?: TransportOptions['random'];
}

function checkCredentials(options: VideoSdkClientOptions): Credentials {
  const apiKey = typeof options?.apiKey === 'string' ? options.apiKey.trim() : '';
  const secret = typeof options?.secret === 'string' ? options.secret.trim() : '';
  if (apiKey === '' || secret === '') throw invalidOptions('createVideoSdkClient: apiKey and secret are required');
  if (secret.length < MIN_SECRET_LENGTH) {
    throw invalidOptions(`createVideoSdkClient: secret is too short to be a VideoSDK API secret (${secret.length} characters; VideoSDK's are 64, at least ${MIN_SECRET_LENGTH} are required)`);
  }
  return { apiKey, secret };
}

function checkApiUrl(raw: string | URL | undefined): URL {
  const text = String(raw ?? DEFAULT_API_URL);
  if (!URL.canParse(text) || !['https:', 'http:'].includes(new URL(text).protocol)) {
    throw invalidOptions(`apiUrl is not valid; accepted: an http(s) URL such as ${DEFAULT_API_URL}`);
  }
  const url = new URL(text);
  // Never echoed: a password here would end up in every message that names the host.
  if (url.username !== '' || url.password !== '') throw invalidOptions('apiUrl must not contain a user name or password (VideoSDK authenticates with the signed token)');
  return url;
}

function checkNetwork(options: Partial<NetworkSettings>): NetworkSettings {
  const network: Record<keyof NetworkSettings, number> = { ...DEFAULT_NETWORK };
  for (const name of Object.keys(DEFAULT_NETWORK) as (keyof NetworkSettings)[]) {
    const value = options[name];
    if (value === undefined) continue;
    const min = name === 'timeoutMs' ? 1 : 0;
    const max = name === 'retries' ? 10 : Number.MAX_SAFE_INTEGER;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw invalidOptions(`${name} is not valid; accepted: an integer from ${min}${name === 'retries' ? ' to 10' : ''}`);
    }
    network[name] = value;
  }
  return network;
}

/** Builds the client with the CLI's internals; a backend calls createVideoSdkClient. */
export function buildVideoSdkClient(options: VideoSdkClientOptions, internals: ClientInternals = {}): VideoSdkClient {
  const credentials = checkCredentials(options);
  const transport = new Transport({
    baseUrl: checkApiUrl(options.apiUrl),
    credentials,
    network: checkNetwork(options),
    names: internals.names ?? { credentials: 'the apiKey and secret', apiUrl: 'apiUrl' },
    onRetry: options.onRetry,
    signal: options.signal,
    ...(internals.sleep ? { sleep: internals.sleep } : {}),
    ...(internals.random ? { random: internals.random } : {}),
  });
  let webhookKey: string | undefined;
  return {
    async webhookPublicKey() {
      webhookKey ??= await transport.request({ send: (sdk) => sdk.webhooks.getPublicKey() });
      if (typeof webhookKey !== 'string' || !webhookKey.includes('PUBLIC KEY')) {
        webhookKey = undefined;
        throw new VideoSdkError('api', 'VideoSDK sent a webhook public key that is not a PEM key', { endpoint: 'GET /v2/public/rsa-public-key' });
      }
      return webhookKey;
    },
    tokens: {
      async mint(mint = {}) {
        const minted = await mintToken(credentials, { ...mint, ttlSeconds: mint.ttlSeconds ?? 3600 });
        return { ...minted, expiresAt: new Date(minted.claims.exp * 1000).toISOString() };
      },
    },
    templateUrl: async (request) => buildTemplateUrlFor(credentials, request, internals.baseUrlNames),
    ...restGroups((spec) => transport.request(spec)),
  };
}

/** Creates a client for VideoSDK's REST API; throws a VideoSdkError (kind `invalid`) for bad options. */
export function createVideoSdkClient(options: VideoSdkClientOptions): VideoSdkClient {
  return buildVideoSdkClient(options);
}
