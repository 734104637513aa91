/**
 * The recording options: one zod schema per option, shared by the URL parser, the REST `config`
 * mapping, PubSub layout messages, the preview panel and the launcher. The single source of truth.
 */
// zod/mini: the same validation at a twentieth of the bundle weight (the recorder's budget is tight).
import * as z from 'zod/mini';

export const LAYOUT_TYPES = ['GRID', 'SPOTLIGHT', 'SIDEBAR'] as const;
export const LAYOUT_PRIORITIES = ['SPEAKER', 'PIN'] as const;
export const THEMES = ['DARK', 'LIGHT', 'DEFAULT'] as const;
export const MODES = ['video-and-audio', 'audio'] as const;
// ultra: the vendor's top recording tier; the page draws at the recorder's viewport, whatever the tier.
export const QUALITIES = ['low', 'med', 'high', 'ultra'] as const;
export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export const MAX_GRID_SIZE = 4;
export const MAX_SPEAKER_DWELL_MS = 10_000;
export const MAX_OPENING_MS = 10_000;

export type LayoutType = (typeof LAYOUT_TYPES)[number];
export type LayoutPriority = (typeof LAYOUT_PRIORITIES)[number];
export type Theme = (typeof THEMES)[number];
export type Mode = (typeof MODES)[number];
export type Quality = (typeof QUALITIES)[number];
export type Orientation = (typeof ORIENTATIONS)[number];

/** An enum that accepts any letter case and yields the canonical spelling. */
function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.pipe(
    z.transform((raw: unknown) =>
      typeof raw === 'string'
        ? (values.find((v) => v.toLowerCase() === raw.trim().toLowerCase()) ?? raw)
        : raw,
    ),
    z.enum(values),
  );
}

/** An integer that may arrive as a string (URL) or a number (JSON). */
function integerIn(min: number, max: number) {
  return z.pipe(
    z.transform((raw: unknown) => (typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw)),
    z.int().check(z.minimum(min), z.maximum(max)),
  );
}

/** Each option's schema, keyed by its URL parameter name (VideoSDK's prebuilt recorder's names). */
export const OptionSchemas = {
  layoutType: caseInsensitiveEnum(LAYOUT_TYPES),
  layoutPriority: caseInsensitiveEnum(LAYOUT_PRIORITIES),
  layoutGridSize: integerIn(1, MAX_GRID_SIZE),
  theme: caseInsensitiveEnum(THEMES),
  mode: caseInsensitiveEnum(MODES),
  quality: caseInsensitiveEnum(QUALITIES),
  orientation: caseInsensitiveEnum(ORIENTATIONS),
  speakerDwellMs: integerIn(0, MAX_SPEAKER_DWELL_MS),
  openingMs: integerIn(0, MAX_OPENING_MS),
} as const;

export type OptionName = keyof typeof OptionSchemas;

export const RecordingOptionsSchema = z.object(OptionSchemas);
/** Every option the template renders with, after validation. */
export type RecordingOptions = z.infer<typeof RecordingOptionsSchema>;

/** The defaults: VideoSDK's prebuilt recorder's, plus a 1.5 s speaker dwell and a 3 s bound on the opening. */
export const DEFAULT_OPTIONS: RecordingOptions = Object.freeze({
  layoutType: 'GRID',
  layoutPriority: 'SPEAKER',
  layoutGridSize: 4,
  theme: 'DEFAULT',
  mode: 'video-and-audio',
  quality: 'med',
  orientation: 'landscape',
  speakerDwellMs: 1500,
  openingMs: 3000,
});

/** The values an option accepts, as a user would type them. */
export function acceptedValues(name: OptionName): string {
  switch (name) {
    case 'layoutType':
      return LAYOUT_TYPES.join(', ');
    case 'layoutPriority':
      return LAYOUT_PRIORITIES.join(', ');
    case 'layoutGridSize':
      return `an integer from 1 to ${MAX_GRID_SIZE}`;
    case 'theme':
      return THEMES.join(', ');
    case 'mode':
      return MODES.join(', ');
    case 'quality':
      return QUALITIES.join(', ');
    case 'orientation':
      return ORIENTATIONS.join(', ');
    case 'speakerDwellMs':
      return `an integer from 0 to ${MAX_SPEAKER_DWELL_MS} (milliseconds)`;
    case 'openingMs':
      return `an integer from 0 to ${MAX_OPENING_MS} (milliseconds; 0: no opening)`;
  }
}

/** A rejected option value: which option, what was given, what is accepted. */
export interface OptionWarning {
  readonly option: string;
  readonly value: string;
  readonly accepted: string;
  readonly message: string;
}

/** A rejected value as JSON; one too deep to write (JSON.stringify overflows the stack) by its kind. */
function shownValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : String(value);
  }
}

/** Builds the one-line warning for a rejected value; `fallback` says what is used instead. */
export function optionWarning(
  option: string,
  value: unknown,
  accepted: string,
  fallback?: string,
): OptionWarning {
  const shown = shownValue(value);
  const clipped = shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
  const tail = fallback === undefined ? 'Ignored.' : `Using ${fallback}.`;
  return {
    option,
    value: clipped,
    accepted,
    message: `${option}=${JSON.stringify(clipped)} is not valid; accepted: ${accepted}. ${tail}`,
  };
}

/** Validates one option value; `ok: false` carries the warning naming the option and accepted values. */
export function parseOption<K extends OptionName>(
  name: K,
  raw: unknown,
  fallback: RecordingOptions[K],
): { ok: true; value: RecordingOptions[K] } | { ok: false; warning: OptionWarning } {
  const result = OptionSchemas[name].safeParse(raw);
  if (result.success) return { ok: true, value: result.data as RecordingOptions[K] };
  return { ok: false, warning: optionWarning(name, raw, acceptedValues(name), String(fallback)) };
}

/**
 * Validates a partial set of options (unknown keys ignored). Valid values are kept; each invalid one
 * is dropped with a warning, so one bad value never discards the good ones beside it.
 */
export function parsePartialOptions(
  input: Readonly<Partial<Record<OptionName, unknown>>>,
  base: RecordingOptions = DEFAULT_OPTIONS,
): { options: Partial<RecordingOptions>; warnings: OptionWarning[] } {
  const options: Partial<Record<OptionName, unknown>> = {};
  const warnings: OptionWarning[] = [];
  for (const name of Object.keys(OptionSchemas) as OptionName[]) {
    const raw = input[name];
    if (raw === undefined || raw === null || raw === '') continue;
    const parsed = parseOption(name, raw, base[name]);
    if (parsed.ok) options[name] = parsed.value;
    else warnings.push(parsed.warning);
  }
  return { options: options as Partial<RecordingOptions>, warnings };
}
