/**
 * The flags every command that builds a templateUrl shares (url, start, hls start, livestream start,
 * room create): the layout options and their help, and the templateUrl the library builds from
 * --template-url (its own layout options kept), the layout flags over them and a join token for --ttl.
 */
import type { OptionName } from '../config/options.js';
import type { TemplateOutput } from '../server/template-url.js';
import { MIN_TEMPLATE_TOKEN_TTL_SECONDS, type TemplateUrl } from '../server/template-url-builder.js';
import { type CommandContext, videoSdk } from './command-spec.js';
import { usageError } from './errors.js';
import { booleanFlag, LAYOUT_FLAGS, layoutFlagOptions, stringFlag } from './flags.js';
import { parseTtl } from './token.js';

/** Default lifetime of the join token inside a templateUrl: longer than any wait for the recorder. */
export const TEMPLATE_TOKEN_TTL = '24h';

/** The layout flags' parseArgs options, with --template-url, --ttl and --allow-insecure-template. */
export const TEMPLATE_URL_OPTIONS = {
  'template-url': { type: 'string' },
  ttl: { type: 'string' },
  'allow-insecure-template': { type: 'boolean' },
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

/** The help lines of --template-url, the layout flags, --ttl and --allow-insecure-template. */
export const TEMPLATE_URL_FLAG_HELP = [
  '--template-url BASE       https address of the hosted template page (required)',
  ...LAYOUT_FLAG_HELP,
  '--ttl DURATION            lifetime of the join token in the templateUrl (default 24h, at least 10m)',
  '--allow-insecure-template permit http and local template addresses (testing only; VideoSDK refuses them)',
];

/** A layout option both a flag and the base URL's query set: the flag's value is the one used. */
export interface LayoutOverride {
  readonly option: OptionName;
  readonly flag: string;
  readonly value: string | number;
  readonly replaced: string | number;
}

/** The library's templateUrl with its overrides named by flag. */
export interface TemplateUrlResult extends Omit<TemplateUrl, 'overrides'> {
  readonly overrides: readonly LayoutOverride[];
}

const FLAG_OF = Object.fromEntries(Object.entries(LAYOUT_FLAGS).map(([flag, option]) => [option, `--${flag}`])) as Record<OptionName, string>;

/** Tells the user which flags won over the base URL's own values: on stderr, or in the JSON document. */
export function overrideNotes(overrides: readonly LayoutOverride[]): string[] {
  return overrides.map((o) => `note: ${o.flag} ${o.value} is used instead of ${o.option}=${o.replaced} from --template-url`);
}

/**
 * Validates the template flags and has the library build the templateUrl for `output`; `roomId`
 * undefined means the room does not exist yet (room create).
 */
export async function templateUrlFromFlags(context: CommandContext, roomId: string | undefined, output: TemplateOutput): Promise<TemplateUrlResult> {
  const baseUrl = stringFlag(context.values, 'template-url');
  if (baseUrl === undefined) throw usageError('--template-url is required (the https address of the hosted template page)');
  const options = layoutFlagOptions(context.values);
  const ttlSeconds = parseTtl(stringFlag(context.values, 'ttl') ?? TEMPLATE_TOKEN_TTL, '--ttl', MIN_TEMPLATE_TOKEN_TTL_SECONDS);
  const result = await videoSdk(context, { rest: false }).templateUrl({
    baseUrl,
    output,
    options,
    ttlSeconds,
    allowInsecure: booleanFlag(context.values, 'allow-insecure-template'),
    ...(roomId !== undefined ? { roomId } : {}),
  });
  context.out.redactor.addToken(result.token);
  return { ...result, overrides: result.overrides.map((o) => ({ option: o.option, flag: FLAG_OF[o.option], value: o.value, replaced: o.replaced })) };
}
