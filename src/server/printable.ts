/**
 * Text from outside (webhook bodies, server answers) made safe for a terminal: whoever wrote it must
 * not be able to start a new line, move the cursor, recolour or reorder what the CLI prints or a log shows.
 */

// ECMA-48 escape sequences, removed whole so no "[31m" residue is left: control strings (OSC, DCS,
// SOS, PM, APC) up to their terminator, CSI with parameters, then any other two-character escape.
const ESCAPE_SEQUENCE =
  /\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|\u009c)|(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;
// C0, DEL, C1, the Unicode line and paragraph separators, and the bidi embeddings, overrides and
// isolates (which can make a printed URL read as another one).
const CONTROL_RUN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
// What JSON.stringify leaves raw although a terminal or a line splitter acts on it.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text with escape sequences removed and every run of other control characters replaced by one space. */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL_RUN, ' ');
}

/** A parsed JSON value with `printable` applied to every string in it, keys included. */
export function printableDeep<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return printable(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [printable(key), clean(item)]));
  }
  return value;
}

/** JSON text with the characters JSON.stringify leaves raw (DEL, C1, separators, bidi) written as \u escapes. */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
