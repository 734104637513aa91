/**
 * The template's URL: recorder credentials (from VideoSDK), recording options, and the simulated
 * meeting's parameters. A bad value never breaks the page: its default is used, with a warning.
 */
import * as z from 'zod/mini';
import { type FeatureParams, parseFeatureParams } from './feature-params.js';
import {
  DEFAULT_OPTIONS,
  type OptionName,
  type OptionWarning,
  OptionSchemas,
  type RecordingOptions,
  optionWarning,
  parsePartialOptions,
} from './options.js';
import { type Output, parseOutput } from './output.js';

export const MAX_DEMO_PARTICIPANTS = 100;
export const MAX_DEMO_AGENTS = 4;

/** What VideoSDK puts in the URL for its recorder. */
export interface RecorderParams {
  readonly token?: string;
  readonly meetingId?: string;
  readonly participantId?: string;
  /** What VideoSDK films the page for (`output=`, set by whoever starts it); picks the layout topic. */
  readonly output?: Output;
}

/** The simulated meeting's parameters (used only when there is no token). */
export interface DemoParams {
  /** Number of participants p1…pN. */
  readonly count: number;
  readonly seed: number;
  readonly speaker?: string;
  readonly pins: readonly string[];
  readonly presenter?: string;
  readonly cameraOff: readonly string[];
  readonly muted: readonly string[];
  /** Display names overriding the generated ones, in participant order. */
  readonly names: readonly string[];
  /** A still synthetic frame instead of moving video, for snapshots. */
  readonly still: boolean;
  /** URL of a VP8 clip (IVF) that cameras play, decoded by the browser, instead of canvas drawing (benchmarks). */
  readonly clip?: string;
  /** Number of AI agents a1…aN, after the participants (absent: none). */
  readonly agents?: number;
  /** Whether speakers produce transcription lines at once (the URL's `captions=1`). */
  readonly transcribe?: boolean;
}

/** Everything the page reads from its URL. */
export interface TemplateParams {
  readonly recorder: RecorderParams;
  readonly options: RecordingOptions;
  readonly demo: DemoParams;
  readonly warnings: readonly OptionWarning[];
  /** Whether the designer panel is wanted (preview only; `panel=0` hides it for clean frames). */
  readonly panel?: boolean;
  /** Captions, chat toasts, who is hidden, the share layout and the starting graphics. */
  readonly features?: FeatureParams;
}

/** A comma-separated list, trimmed, without empty items. */
function commaList(value: string | null): readonly string[] {
  return (value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

function boundedInteger(min: number, max: number) {
  return z.pipe(
    z.transform((raw: string) => (/^\d+$/.test(raw) ? Number(raw) : raw)),
    z.int().check(z.minimum(min), z.maximum(max)),
  );
}

/** The simulated meeting's URL parameters, with their defaults and accepted values. */
export const DemoParamSchemas = {
  demo: {
    schema: boundedInteger(0, MAX_DEMO_PARTICIPANTS),
    accepted: `an integer from 0 to ${MAX_DEMO_PARTICIPANTS}`,
  },
  seed: { schema: boundedInteger(0, 2 ** 31 - 1), accepted: 'an integer from 0 to 2147483647' },
  agents: { schema: boundedInteger(0, MAX_DEMO_AGENTS), accepted: `an integer from 0 to ${MAX_DEMO_AGENTS}` },
  still: { schema: z.enum(['1', '0', 'true', 'false']), accepted: '1, 0, true, false' },
  panel: { schema: z.enum(['1', '0', 'true', 'false']), accepted: '1, 0, true, false' },
} as const;

const DEMO_DEFAULTS: DemoParams = {
  count: 4,
  seed: 1,
  pins: [],
  cameraOff: [],
  muted: [],
  names: [],
  still: false,
};

function text(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name)?.trim();
  return value ? value : undefined;
}

/** Parses the page's query string. Never throws; invalid values fall back with a warning each. */
export function parseTemplateParams(search: string | URLSearchParams): TemplateParams {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw: Partial<Record<OptionName, string>> = {};
  for (const name of Object.keys(OptionSchemas) as OptionName[]) {
    const value = query.get(name);
    if (value !== null) raw[name] = value;
  }
  const parsed = parsePartialOptions(raw);
  const warnings: OptionWarning[] = [...parsed.warnings];
  const options: RecordingOptions = { ...DEFAULT_OPTIONS, ...parsed.options };

  const demoNumber = (name: 'demo' | 'seed' | 'agents', fallback: number): number => {
    const value = query.get(name);
    if (value === null || value.trim() === '') return fallback;
    const result = DemoParamSchemas[name].schema.safeParse(value.trim());
    if (result.success) return result.data;
    warnings.push(optionWarning(name, value, DemoParamSchemas[name].accepted, String(fallback)));
    return fallback;
  };
  const flag = (name: 'still' | 'panel', fallback: boolean): boolean => {
    const value = query.get(name);
    if (value === null) return fallback;
    const result = DemoParamSchemas[name].schema.safeParse(value.trim().toLowerCase());
    if (result.success) return result.data === '1' || result.data === 'true';
    warnings.push(optionWarning(name, value, DemoParamSchemas[name].accepted, String(fallback)));
    return fallback;
  };
  const still = flag('still', DEMO_DEFAULTS.still);
  const panel = flag('panel', true);
  const list = (name: string): readonly string[] => commaList(query.get(name));
  const clip = text(query, 'clip');
  const agents = demoNumber('agents', 0);
  const read = parseFeatureParams(query);
  warnings.push(...read.warnings);
  const demo: DemoParams = {
    count: demoNumber('demo', DEMO_DEFAULTS.count),
    seed: demoNumber('seed', DEMO_DEFAULTS.seed),
    speaker: text(query, 'speaker'),
    pins: list('pins'),
    presenter: text(query, 'presenter'),
    cameraOff: list('cameraOff'),
    muted: list('muted'),
    names: list('names'),
    still,
    // Only present when given, so parsed params without it compare equal to the defaults.
    ...(clip === undefined ? {} : { clip }),
    ...(agents === 0 ? {} : { agents }),
    ...(read.features.captions ? { transcribe: true } : {}),
  };

  const output = parseOutput(query.get('output'));
  if (output.warning) warnings.push(output.warning);
  const recorder: RecorderParams = {
    token: text(query, 'token'),
    meetingId: text(query, 'meetingId'),
    participantId: text(query, 'participantId'),
    ...(query.has('output') && !output.warning ? { output: output.output } : {}),
  };
  return { recorder, options, demo, warnings, panel, features: read.features };
}

/**
 * The query parameters for a set of options, leaving out those at their defaults so URLs stay short.
 * `all: true` writes every option (for the launcher, so the recording does not depend on our defaults).
 */
export function optionsToQuery(
  options: RecordingOptions,
  { all = false }: { all?: boolean } = {},
): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of Object.keys(OptionSchemas) as OptionName[]) {
    if (all || options[name] !== DEFAULT_OPTIONS[name]) query.set(name, String(options[name]));
  }
  return query;
}
