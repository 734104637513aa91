/**
 * Flag values checked before any network call, each failure one line naming the flag and what it
 * accepts. Layout flags are validated by the same zod schemas the template page uses.
 */
import { OPTION_FLAGS } from '../config/option-flags.js';
import { acceptedValues, type OptionName, OptionSchemas, type RecordingOptions } from '../config/options.js';
import { isLocalHost } from '../server/template-url.js';
import { usageError } from './errors.js';

/** Parsed flag values as util.parseArgs returns them. */
export type FlagValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** Layout flags and the recording option each one sets. */
export const LAYOUT_FLAGS: Readonly<Record<string, OptionName>> = Object.fromEntries(OPTION_FLAGS.map(({ flag, option }) => [flag, option]));

/** A string flag's value (the last one when repeated), or undefined. */
export function stringFlag(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last : undefined;
}

/** Every value of a repeatable string flag, in order. */
export function stringFlags(values: FlagValues, name: string): string[] {
  const value = values[name];
  const all = Array.isArray(value) ? value : [value];
  return all.filter((item): item is string => typeof item === 'string');
}

/** A boolean flag's value. */
export function booleanFlag(values: FlagValues, name: string): boolean {
  return values[name] === true;
}

function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** An identifier flag (room, participant, session): required or optional, no spaces, at most 256 characters. */
export function identifierFlag(values: FlagValues, name: string, required: true): string;
export function identifierFlag(values: FlagValues, name: string, required: false): string | undefined;
export function identifierFlag(values: FlagValues, name: string, required: boolean): string | undefined {
  const value = stringFlag(values, name)?.trim();
  if (value === undefined || value === '') {
    if (required) throw usageError(`--${name} is required`);
    return undefined;
  }
  if (value.length > 256 || /[\s\u0000-\u001f\u007f]/.test(value)) {
    throw usageError(`--${name}=${shown(value)} is not valid; accepted: an ID without spaces, at most 256 characters`);
  }
  return value;
}

/** One of a fixed list of values, case-sensitive as VideoSDK spells them. */
export function choiceFlag<const T extends readonly string[]>(
  values: FlagValues,
  name: string,
  choices: T,
): T[number] | undefined {
  const value = stringFlag(values, name);
  if (value === undefined) return undefined;
  const match = choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
  if (match === undefined) {
    throw usageError(`--${name}=${shown(value)} is not valid; accepted: ${choices.join(', ')}`);
  }
  return match;
}

/** The layout options the flags set (and only those), validated by the template's own schemas. */
export function layoutFlagOptions(values: FlagValues): Partial<RecordingOptions> {
  const options: Partial<Record<OptionName, unknown>> = {};
  for (const [flag, name] of Object.entries(LAYOUT_FLAGS)) {
    const raw = stringFlag(values, flag);
    if (raw === undefined) continue;
    const result = OptionSchemas[name].safeParse(raw);
    if (!result.success) {
      throw usageError(`--${flag}=${shown(raw)} is not valid; accepted: ${acceptedValues(name)}`);
    }
    options[name] = result.data;
  }
  return options as Partial<RecordingOptions>;
}

/** An http(s) URL flag such as --webhook-url; `warn` hears about hosts VideoSDK cannot reach. */
export function urlFlag(
  values: FlagValues,
  name: string,
  { httpsOnly, warn }: { httpsOnly: boolean; warn?: (message: string) => void },
): string | undefined {
  const raw = stringFlag(values, name)?.trim();
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usageError(`--${name}: not a URL; accepted: an ${httpsOnly ? 'https' : 'http(s)'} URL`);
  }
  const allowed = httpsOnly ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol)) {
    throw usageError(`--${name}: ${url.protocol.replace(':', '')} is not accepted; accepted: an ${httpsOnly ? 'https' : 'http(s)'} URL`);
  }
  if (isLocalHost(url.hostname)) {
    warn?.(`warning: --${name} points at ${url.hostname}, which VideoSDK's servers cannot reach; expose it through a public tunnel`);
  }
  return raw;
}

/** A non-empty free-text flag such as a path. */
export function textFlag(values: FlagValues, name: string, maxLength = 1024): string | undefined {
  const value = stringFlag(values, name);
  if (value === undefined) return undefined;
  if (value.trim() === '' || value.length > maxLength) {
    throw usageError(`--${name} is not valid; accepted: a non-empty value of at most ${maxLength} characters`);
  }
  return value;
}

/** A TCP port flag. */
export function portFlag(values: FlagValues, name: string, fallback: number): number {
  const raw = stringFlag(values, name);
  if (raw === undefined) return fallback;
  const port = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw usageError(`--${name}=${shown(raw)} is not valid; accepted: a port from 0 to 65535 (0 picks a free one)`);
  }
  return port;
}
