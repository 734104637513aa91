/** The first step of reading a JSON PubSub message: its text as a JSON object, or why not. */

/** A message's JSON object, or why it is not one (`example` shows the shape expected). */
export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** Parses text that must be a JSON object; never throws. */
export function parseJsonObject(text: string, example: string): JsonObjectResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: `expected a JSON object such as ${example}` };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}
