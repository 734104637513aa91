/**
 * `client.templateUrl(…)`: the base page's own layout options, the caller's over them, a join token
 * that can join (bound to the room when it is known, never to a participant) and `output=`.
 */
import { DEFAULT_OPTIONS, type OptionName, OptionSchemas, optionWarning, acceptedValues, type RecordingOptions } from '../config/options.js';
import { type RestConfig, toRestConfig } from '../config/rest-config.js';
import { requireId } from './checks.js';
import { invalidOptions } from './errors.js';
import { type BaseUrlNames, baseOptions, buildTemplateUrl, OUTPUTS, parseTemplateBase, type TemplateOutput } from './template-url.js';
import { type Credentials, mintToken, type TokenClaims } from './token.js';

/** Default lifetime of the join token inside a templateUrl (24 h): longer than any wait for the recorder. */
export const TEMPLATE_TOKEN_TTL_SECONDS = 24 * 3600;
/** The shortest join token lifetime accepted: the token is checked when the recorder joins. */
export const MIN_TEMPLATE_TOKEN_TTL_SECONDS = 600;

/** What to build the templateUrl from. */
export interface TemplateUrlOptions {
  /** The https address of the hosted template page; its own layout options are kept. */
  readonly baseUrl: string | URL;
  /** The room; leave it out only when it does not exist yet (a room's auto-start): no meetingId, a token for any room. */
  readonly roomId?: string;
  /** What VideoSDK films the page for (default recording); sets `output=`. */
  readonly output?: TemplateOutput;
  /** Layout options over the base URL's own. */
  readonly options?: Partial<RecordingOptions>;
  /** Lifetime of the join token (default 24 h, at least 10 minutes). */
  readonly ttlSeconds?: number;
  /** Permit http and local addresses (testing only: VideoSDK refuses them). */
  readonly allowInsecure?: boolean;
}

/** A layout option both `options` and the base URL's query set: `value` is the one used. */
export interface LayoutOverride {
  readonly option: OptionName;
  readonly value: string | number;
  readonly replaced: string | number;
}

/** The templateUrl, the join token inside it, the options it carries and the REST `config` that matches them. */
export interface TemplateUrl {
  readonly templateUrl: string;
  readonly token: string;
  readonly claims: TokenClaims;
  readonly expiresAt: string;
  readonly options: RecordingOptions;
  readonly config: RestConfig;
  readonly overrides: readonly LayoutOverride[];
}

function checkOptions(given: Partial<RecordingOptions> | undefined): Partial<RecordingOptions> {
  if (given === undefined) return {};
  if (given === null || typeof given !== 'object') throw invalidOptions('options is not valid; accepted: an object of layout options such as {layoutType: "GRID"}');
  const checked: Partial<Record<OptionName, unknown>> = {};
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!(name in OptionSchemas)) throw invalidOptions(`options.${name} is not a template option; accepted: ${Object.keys(OptionSchemas).join(', ')}`);
    const result = OptionSchemas[name as OptionName].safeParse(value);
    if (!result.success) throw invalidOptions(`options.${optionWarning(name, value, acceptedValues(name as OptionName)).message.replace(/ Ignored\.$/, '')}`);
    checked[name as OptionName] = result.data;
  }
  return checked as Partial<RecordingOptions>;
}

/** Builds the templateUrl with a freshly signed join token; `names` lets the CLI name its flags in errors. */
export async function buildTemplateUrlFor(credentials: Credentials, request: TemplateUrlOptions, names?: BaseUrlNames): Promise<TemplateUrl> {
  const output = request?.output ?? 'recording';
  if (!OUTPUTS.includes(output)) throw invalidOptions(`output is not valid; accepted: ${OUTPUTS.join(', ')}`);
  const roomId = request.roomId === undefined ? undefined : requireId(request.roomId, 'roomId');
  const ttlSeconds = request.ttlSeconds ?? TEMPLATE_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < MIN_TEMPLATE_TOKEN_TTL_SECONDS) {
    throw invalidOptions(`ttlSeconds is not valid; accepted: an integer of at least ${MIN_TEMPLATE_TOKEN_TTL_SECONDS} (the token must outlive the wait for the recorder)`);
  }
  const base = parseTemplateBase(String(request.baseUrl), request.allowInsecure === true, names);
  // The base's own layout options stand unless the caller says otherwise (a branded link keeps its theme).
  const fromBase = baseOptions(base, names?.url);
  const given = checkOptions(request.options);
  const options: RecordingOptions = { ...DEFAULT_OPTIONS, ...fromBase, ...given };
  const overrides: LayoutOverride[] = [];
  for (const option of Object.keys(given) as OptionName[]) {
    const replaced = fromBase[option];
    if (replaced !== undefined) overrides.push({ option, value: options[option], replaced });
  }
  // Join-only, never participant-bound: the recorder joins under VideoSDK's own id.
  const { token, claims } = await mintToken(credentials, { ttlSeconds, roomId, roles: ['rtc'], permissions: ['allow_join'] });
  return {
    templateUrl: buildTemplateUrl(base, token, roomId, options, output),
    token,
    claims,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    options,
    config: toRestConfig(options),
    overrides,
  };
}
