/**
 * The flags `url` and `start` share: the layout options and their help, and the templateUrl they
 * build from --template-url (its own layout options kept), the layout flags over them and a
 * room-bound join token signed for --ttl.
 */
import { DEFAULT_OPTIONS, type OptionName, type RecordingOptions } from '../config/options.js';
import type { CommandContext } from './command-spec.js';
import { usageError } from './errors.js';
import { booleanFlag, type FlagValues, LAYOUT_FLAGS, layoutOptionsFromFlags, stringFlag } from './flags.js';
import { readCredentials } from './settings.js';
import { baseOptions, buildTemplateUrl, parseTemplateBase } from './template-url.js';
import { type MintedToken, mintToken, parseTtl } from './token.js';

/** Default lifetime of the join token inside a templateUrl: longer than any wait for the recorder. */
export const TEMPLATE_TOKEN_TTL = '24h';
const MIN_TEMPLATE_TOKEN_TTL_SECONDS = 600;

/** The layout flags' parseArgs options. */
export const LAYOUT_OPTIONS = {
  layout: { type: 'string' },
  priority: { type: 'string' },
  'grid-size': { type: 'string' },
  theme: { type: 'string' },
  mode: { type: 'string' },
  quality: { type: 'string' },
  orientation: { type: 'string' },
  'speaker-dwell-ms': { type: 'string' },
} as const;

/** The layout flags' help lines. */
export const LAYOUT_FLAG_HELP = [
  '--layout GRID|SPOTLIGHT|SIDEBAR      layout type (default GRID)',
  '--priority SPEAKER|PIN               who gets the main place (default SPEAKER)',
  '--grid-size 1-4                      tiles on screen (default 4)',
  '--theme DARK|LIGHT|DEFAULT           colours (default DEFAULT)',
  '--mode video-and-audio|audio         (default video-and-audio)',
  '--quality low|med|high               (default med)',
  '--orientation landscape|portrait     (default landscape)',
  '--speaker-dwell-ms 0-10000           ms a new speaker must talk before the layout follows (default 1500)',
];

/** A layout option both a flag and the base URL's query set: the flag's value is the one used. */
export interface LayoutOverride {
  readonly option: OptionName;
  readonly flag: string;
  readonly value: string | number;
  readonly replaced: string | number;
}

/** The templateUrl, the join token inside it, the options it carries and which flags replaced the base's. */
export interface TemplateUrlResult {
  readonly templateUrl: string;
  readonly join: MintedToken;
  readonly options: RecordingOptions;
  readonly overrides: readonly LayoutOverride[];
}

function overridesOf(values: FlagValues, fromBase: Partial<RecordingOptions>, options: RecordingOptions): LayoutOverride[] {
  const overrides: LayoutOverride[] = [];
  for (const [flag, option] of Object.entries(LAYOUT_FLAGS)) {
    const replaced = fromBase[option];
    if (replaced === undefined || stringFlag(values, flag) === undefined) continue;
    overrides.push({ option, flag: `--${flag}`, value: options[option], replaced });
  }
  return overrides;
}

/** Tells the user which flags won over the base URL's own values: on stderr, or in the JSON document. */
export function overrideNotes(overrides: readonly LayoutOverride[]): string[] {
  return overrides.map((o) => `note: ${o.flag} ${o.value} is used instead of ${o.option}=${o.replaced} from --template-url`);
}

/** Validates the url/start flags and signs the room-bound join token for the templateUrl. */
export async function templateUrlFromFlags(context: CommandContext, roomId: string): Promise<TemplateUrlResult> {
  const rawBase = stringFlag(context.values, 'template-url');
  if (rawBase === undefined) throw usageError('--template-url is required (the https address of the hosted template page)');
  const base = parseTemplateBase(rawBase, booleanFlag(context.values, 'allow-insecure-template'));
  // The base's own layout options stand unless a flag says otherwise (a branded link keeps its theme).
  const fromBase = baseOptions(base);
  const options = layoutOptionsFromFlags(context.values, { ...DEFAULT_OPTIONS, ...fromBase });
  const ttlSeconds = parseTtl(stringFlag(context.values, 'ttl') ?? TEMPLATE_TOKEN_TTL, '--ttl', MIN_TEMPLATE_TOKEN_TTL_SECONDS);
  const credentials = readCredentials(context.env);
  context.out.redactor.addSecret(credentials.secret);
  // Room-bound and join-only, never participant-bound: the recorder joins under VideoSDK's own id.
  const join = await mintToken(credentials, { ttlSeconds, roomId, roles: ['rtc'], permissions: ['allow_join'] });
  context.out.redactor.addToken(join.token);
  const overrides = overridesOf(context.values, fromBase, options);
  return { templateUrl: buildTemplateUrl(base, join.token, roomId, options), join, options, overrides };
}
