/**
 * Checks on what a caller passes to the client, before anything is signed or sent: each failure an
 * `invalid` error naming the option and what it accepts (JavaScript callers have no types to stop them).
 */
import { invalidOptions } from './errors.js';

// Ids that go into a URL path: no "/", "..", "?" or "%" can change which resource is addressed.
const PATH_ID = /^[A-Za-z0-9_-]{1,256}$/;

/** The shortest stream key accepted: a shorter one could not be told apart from ordinary text when redacting. */
export const MIN_STREAM_KEY_LENGTH = 8;

/** A required identifier (room, participant, session): a string without spaces, at most 256 characters. */
export function requireId(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 256 || /[\s\u0000-\u001f\u007f]/.test(value)) {
    throw invalidOptions(`${name} is not valid; accepted: an ID without spaces, at most 256 characters`);
  }
  return value;
}

/** An identifier that goes into the URL path (a recording's id): letters, digits, "-" and "_". */
export function requirePathId(value: unknown, name: string): string {
  if (typeof value !== 'string' || !PATH_ID.test(value)) {
    throw invalidOptions(`${name} is not valid; accepted: letters, digits, - and _ (at most 256)`);
  }
  return value;
}

/** An optional string that must be non-empty when given. */
export function optionalText(value: unknown, name: string, maxLength = 8192): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw invalidOptions(`${name} is not valid; accepted: a non-empty string of at most ${maxLength} characters`);
  }
  return value;
}

/** An optional URL with one of `protocols` (such as ['https:']). */
export function optionalUrl(value: unknown, name: string, protocols: readonly string[]): string | undefined {
  const text = optionalText(value, name);
  if (text === undefined) return undefined;
  if (!URL.canParse(text) || !protocols.includes(new URL(text).protocol)) {
    throw invalidOptions(`${name} is not valid; accepted: a ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL`);
  }
  return text;
}

/** One of a fixed list of values, when given. */
export function optionalChoice<const T extends readonly string[]>(value: unknown, name: string, choices: T): T[number] | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !choices.includes(value)) throw invalidOptions(`${name} is not valid; accepted: ${choices.join(', ')}`);
  return value;
}

/** One of a fixed list of values, required. */
export function requireChoice<const T extends readonly string[]>(value: unknown, name: string, choices: T): T[number] {
  const choice = optionalChoice(value, name, choices);
  if (choice === undefined) throw invalidOptions(`${name} is required; accepted: ${choices.join(', ')}`);
  return choice;
}

/** An optional positive integer such as a page number. */
export function optionalCount(value: unknown, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalidOptions(`${name} is not valid; accepted: an integer from 1 to ${max}`);
  }
  return value;
}

/** A stream key: a secret, checked without ever being shown. */
export function requireStreamKey(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length < MIN_STREAM_KEY_LENGTH || value.length > 1024 || /[\s\u0000-\u001f\u007f]/.test(value)) {
    throw invalidOptions(`${name} is not a stream key; accepted: ${MIN_STREAM_KEY_LENGTH} to 1024 characters without spaces (the value is not shown)`);
  }
  return value;
}

/** The object with its undefined fields left out, so a body carries only what was asked for. */
export function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
