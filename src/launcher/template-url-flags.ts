/**
 * The flags `url` and `start` share: the layout options and their help, and the templateUrl they
 * build from --template-url, the layout flags and a room-bound join token signed for --ttl.
 */
import type { RecordingOptions } from '../config/options.js';
import type { CommandContext } from './command-spec.js';
import { usageError } from './errors.js';
import { booleanFlag, layoutOptionsFromFlags, stringFlag } from './flags.js';
import { readCredentials } from './settings.js';
import { buildTemplateUrl, parseTemplateBase } from './template-url.js';
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

/** The templateUrl, the join token inside it and the options it carries. */
export interface TemplateUrlResult {
  readonly templateUrl: string;
  readonly join: MintedToken;
  readonly options: RecordingOptions;
}

/** Validates the url/start flags and signs the room-bound join token for the templateUrl. */
export async function templateUrlFromFlags(context: CommandContext, roomId: string): Promise<TemplateUrlResult> {
  const rawBase = stringFlag(context.values, 'template-url');
  if (rawBase === undefined) throw usageError('--template-url is required (the https address of the hosted template page)');
  const base = parseTemplateBase(rawBase, booleanFlag(context.values, 'allow-insecure-template'));
  const options = layoutOptionsFromFlags(context.values);
  const ttlSeconds = parseTtl(stringFlag(context.values, 'ttl') ?? TEMPLATE_TOKEN_TTL, '--ttl', MIN_TEMPLATE_TOKEN_TTL_SECONDS);
  const credentials = readCredentials(context.env);
  context.out.redactor.addSecret(credentials.secret);
  // Room-bound and join-only, never participant-bound: the recorder joins under VideoSDK's own id.
  const join = await mintToken(credentials, { ttlSeconds, roomId, roles: ['rtc'], permissions: ['allow_join'] });
  return { templateUrl: buildTemplateUrl(base, join.token, roomId, options), join, options };
}
