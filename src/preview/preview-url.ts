/** Pure helpers of the designer preview: output sizes, the stage's scale, and the URLs it shares. */
import { type FeatureParams, featureFlagsToQuery } from '../config/feature-params.js';
import type { RecordingGraphicsMessage } from '../config/graphics-topics.js';
import { DEFAULT_OPTIONS, OptionSchemas, type OptionName, type Orientation, type Quality, type RecordingOptions } from '../config/options.js';
import { OPTION_FLAGS } from '../config/option-flags.js';
import { optionsToQuery } from '../config/url-params.js';
import type { Size } from '../layout/types.js';

/** The recorder's output size per quality, in landscape. */
export const OUTPUT_SIZES: Readonly<Record<Quality, Size>> = {
  low: { width: 640, height: 360 },
  med: { width: 1280, height: 720 },
  high: { width: 1920, height: 1080 },
  ultra: { width: 3840, height: 2160 },
};

/** The frame the recorder films for a quality and orientation (portrait swaps the sides). */
export function outputSize(quality: Quality, orientation: Orientation): Size {
  const { width, height } = OUTPUT_SIZES[quality];
  return orientation === 'portrait' ? { width: height, height: width } : { width, height };
}

/** Where a frame goes inside a space: the largest uniform scale that fits, centred. */
export function fitFrame(frame: Size, space: Size): { scale: number; x: number; y: number } {
  const scale = Math.max(0.01, Math.min(space.width / frame.width, space.height / frame.height));
  return {
    scale,
    x: Math.round((space.width - frame.width * scale) / 2),
    y: Math.round((space.height - frame.height * scale) / 2),
  };
}

/**
 * The page's query with the option parameters replaced by these options (defaults left out);
 * every other parameter (demo, seed, names, template params) is kept as it was.
 */
export function previewSearch(current: string, options: RecordingOptions): string {
  const query = new URLSearchParams(current);
  for (const name of Object.keys(OptionSchemas) as OptionName[]) query.delete(name);
  for (const [name, value] of optionsToQuery(options)) query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Where the command says the template is hosted when the preview runs somewhere VideoSDK cannot open. */
export const PLACEHOLDER_HOST = 'https://your.host';

/**
 * The `videosdk-record start` command that records a room with these options and this template.
 * A template served over http or from this machine (the dev server) is named at `PLACEHOLDER_HOST`
 * with the same path, since the launcher refuses such addresses.
 */
export function launcherCommand(options: RecordingOptions, templateUrl: string): string {
  const flags = OPTION_FLAGS.map(({ flag, option }) => `--${flag} ${String(options[option])}`);
  const url = new URL(templateUrl);
  const hosted = url.protocol === 'https:' && !looksLocal(url.hostname) ? templateUrl : `${PLACEHOLDER_HOST}${url.pathname}${url.search}`;
  return ['videosdk-record start --room <ROOM_ID>', `--template-url ${shellQuote(hosted)}`, ...flags].join(' ');
}

/** Loopback, private or single-label hosts: VideoSDK's recorder cannot reach them, and the launcher refuses them. */
function looksLocal(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  if (host.includes(':')) return host === '::1' || /^f[cd]|^fe80/.test(host);
  return !host.includes('.') || /^(127|10|0)\.|^192\.168\.|^169\.254\.|^172\.(1[6-9]|2\d|3[01])\./.test(host);
}

/** Quotes a value for a POSIX shell when it holds anything but safe characters. */
function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Page parameters that belong to the preview or the simulated meeting, never to a recording's URL. */
const PAGE_ONLY_PARAMS = new Set([
  'token', 'meetingId', 'participantId', 'panel', 'demo', 'seed', 'speaker', 'pins', 'presenter',
  'cameraOff', 'muted', 'names', 'still', 'clip', 'agents',
]);

/** The template address to record: the page's, with the template's own params (e.g. a title) and no preview-only or option ones. */
export function recordingTemplateUrl(pageUrl: string): string {
  const page = new URL(pageUrl);
  const own = new URLSearchParams();
  const options = new Set<string>(Object.keys(DEFAULT_OPTIONS));
  for (const [name, value] of page.searchParams) {
    if (!PAGE_ONLY_PARAMS.has(name) && !options.has(name)) own.append(name, value);
  }
  const query = own.toString();
  return `${page.origin}${page.pathname}${query ? `?${query}` : ''}`;
}

/** The template's own address: origin and path, without the query (the launcher adds its own). */
export function templateBase(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}`;
}

/** The flags of the features the preview writes to its URL (captions, chat, hide, shareLayout). */
const FEATURE_FLAGS = ['captions', 'chat', 'hide', 'shareLayout'] as const;

/** The page's query with the features' flags replaced by these (off ones left out); everything else kept. */
export function previewFeatureSearch(current: string, features: Pick<FeatureParams, (typeof FEATURE_FLAGS)[number]>): string {
  const query = new URLSearchParams(current);
  for (const name of FEATURE_FLAGS) query.delete(name);
  for (const [name, value] of featureFlagsToQuery(features)) query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The page's query with `demo` set to this many simulated participants (the panel adds and removes them); everything else kept. */
export function previewDemoSearch(current: string, count: number): string {
  const query = new URLSearchParams(current);
  query.set('demo', String(count));
  return `?${query.toString()}`;
}

/** The host app's call that puts these graphics on every recorder (`publishRecordingGraphics`). */
export function publishCall(message: RecordingGraphicsMessage): string {
  const keys = Object.keys(message);
  if (keys.length === 0) return '// No live graphics yet: show one above to see the call that publishes it.';
  return [
    "import { publishRecordingGraphics } from 'videosdk-recording-template/host';",
    '',
    `await publishRecordingGraphics(meeting, ${JSON.stringify(message, null, 2)});`,
  ].join('\n');
}
