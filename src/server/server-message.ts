/**
 * What VideoSDK said when it answered: its message and its own error code, from a JSON
 * `{error, statusCode}` / `{message}` body or a plain string, made safe to print.
 */
import { printable } from './printable.js';

const MAX_MESSAGE_LENGTH = 300;

// Codes VideoSDK documents, with what to do about them.
const KNOWN_CODES: Record<number, string> = {
  4011: 'VideoSDK could not start the recording',
  4012: 'VideoSDK could not stop the recording',
  4018: 'the previous recording of this room is still being processed; try again in a minute',
  4028: "the organisation's recording limit is reached",
  4029: "the organisation's HLS limit is reached",
  5004: 'a recording lasts at most 2 hours',
  5005: 'an HLS stream lasts at most 2 hours',
  5006: 'an RTMP live stream lasts at most 2 hours',
};

/** VideoSDK's answer as one printable line and the code it carried, if any. */
export interface ServerReply {
  readonly message: string;
  readonly code: number | undefined;
}

/** Reads VideoSDK's answer: `{error, statusCode}`, `{message}` or a plain (JSON) string. */
export function readServerReply(text: string): ServerReply {
  let message = text;
  let code: number | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'string') message = parsed;
    else if (parsed !== null && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      const main = [record.error, record.message, record.msg].find((v) => typeof v === 'string');
      code = typeof record.statusCode === 'number' ? record.statusCode : undefined;
      const hint = code !== undefined ? KNOWN_CODES[code] : undefined;
      message = [main ?? JSON.stringify(parsed), code !== undefined ? `(code ${code}${hint ? `: ${hint}` : ''})` : '']
        .filter((part) => part !== '')
        .join(' ');
    }
  } catch {
    // Not JSON: VideoSDK also answers with plain strings.
  }
  // Control characters from a hostile or broken server must not reach a terminal or a log.
  const clean = printable(message).trim();
  if (clean === '') return { message: '(empty response)', code };
  return { message: clean.length > MAX_MESSAGE_LENGTH ? `${clean.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : clean, code };
}

/** VideoSDK's message alone (see readServerReply). */
export function serverMessage(text: string): string {
  return readServerReply(text).message;
}
