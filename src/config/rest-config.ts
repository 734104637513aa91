/**
 * VideoSDK's nested `config` object (REST `POST /v2/recordings/start`, and the `RECORDING_LAYOUT`
 * PubSub message) mapped to and from the flat recording options the URL uses.
 */
import * as z from 'zod/mini';
import {
  type OptionName,
  type OptionWarning,
  type RecordingOptions,
  DEFAULT_OPTIONS,
  optionWarning,
  parsePartialOptions,
} from './options.js';

/** The REST API's `config` object, exactly as VideoSDK documents it. */
export interface RestConfig {
  layout: {
    type: RecordingOptions['layoutType'];
    priority: RecordingOptions['layoutPriority'];
    gridSize: RecordingOptions['layoutGridSize'];
  };
  theme: RecordingOptions['theme'];
  mode: RecordingOptions['mode'];
  quality: RecordingOptions['quality'];
  orientation: RecordingOptions['orientation'];
}

/** The REST `config` for a set of options (speakerDwellMs and openingMs are ours and travel in the URL only). */
export function toRestConfig(options: RecordingOptions): RestConfig {
  return {
    layout: {
      type: options.layoutType,
      priority: options.layoutPriority,
      gridSize: options.layoutGridSize,
    },
    theme: options.theme,
    mode: options.mode,
    quality: options.quality,
    orientation: options.orientation,
  };
}

/** Loose outer shape: the values are validated one by one so one bad value keeps the rest. */
const ConfigShape = z.looseObject({
  layout: z.optional(z.looseObject({})),
});

/** Where each flat option lives in the nested object. */
const NESTED_PATHS: Record<OptionName, readonly [string] | readonly ['layout', string]> = {
  layoutType: ['layout', 'type'],
  layoutPriority: ['layout', 'priority'],
  layoutGridSize: ['layout', 'gridSize'],
  theme: ['theme'],
  mode: ['mode'],
  quality: ['quality'],
  orientation: ['orientation'],
  speakerDwellMs: ['speakerDwellMs'],
  openingMs: ['openingMs'],
};

/**
 * Reads a nested config object (REST `config` or a `RECORDING_LAYOUT` message) into flat options.
 * Returns `error` when the input is not an object at all; otherwise the valid options and a warning
 * (named by its nested path, e.g. `layout.gridSize`) for each invalid value.
 */
export function fromConfigObject(
  input: unknown,
  base: RecordingOptions = DEFAULT_OPTIONS,
):
  | { ok: true; options: Partial<RecordingOptions>; warnings: OptionWarning[] }
  | { ok: false; error: string } {
  const shape = ConfigShape.safeParse(input);
  if (!shape.success) {
    return { ok: false, error: 'expected a JSON object such as {"layout":{"type":"GRID","priority":"SPEAKER","gridSize":4}}' };
  }
  const source = shape.data as Record<string, unknown>;
  const layout = (source.layout ?? {}) as Record<string, unknown>;
  const flat: Partial<Record<OptionName, unknown>> = {};
  for (const [name, path] of Object.entries(NESTED_PATHS) as [OptionName, readonly string[]][]) {
    flat[name] = path.length === 2 ? layout[path[1]!] : source[path[0]!];
  }
  const parsed = parsePartialOptions(flat, base);
  const warnings = parsed.warnings.map((w) => {
    const path = NESTED_PATHS[w.option as OptionName].join('.');
    return optionWarning(path, w.value, w.accepted);
  });
  return { ok: true, options: parsed.options, warnings };
}
