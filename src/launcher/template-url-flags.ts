/**
 * The flags every command that builds a templateUrl shares (url, start, hls start, livestream start,
 * room create): the layout options and their help, and the templateUrl the library builds from
 * --template-url (its own layout options kept), the layout flags over them and a join token for --ttl.
 */
import { OPTION_FLAGS, optionFlagHelp } from '../config/option-flags.js';
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
  ...Object.fromEntries(OPTION_FLAGS.map(({ flag }) => [flag, { type: 'string' as const }])),
} as const;

/** The column help text starts at in every command's flag list (after the two-space indent). */
export const HELP_COLUMN = 26;

/** The layout flags' help lines, defaults included. */
export const LAYOUT_FLAG_HELP = optionFlagHelp(HELP_COLUMN);

/** One help line: the flag and its value, then the text from HELP_COLUMN. */
export function helpLine(flag: string, text: string): string {
  return `${flag.padEnd(HELP_COLUMN)}${text}`;
}

/** The help lines of --template-url (`required` says when it is needed), the layout flags, --ttl and --allow-insecure-template. */
export function templateUrlFlagHelp(required = 'required'): string[] {
  return [
    helpLine('--template-url BASE', `https address of the hosted template page (${required})`),
    ...LAYOUT_FLAG_HELP,
    helpLine('--ttl DURATION', 'lifetime of the join token in the templateUrl (default 24h, at least 10m)'),
    helpLine('--allow-insecure-template', 'permit http and local template addresses (testing only; VideoSDK refuses them)'),
  ];
}

/** The help lines of a command that always needs --template-url. */
export const TEMPLATE_URL_FLAG_HELP = templateUrlFlagHelp();

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
