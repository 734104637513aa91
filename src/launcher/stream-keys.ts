/**
 * RTMP stream keys: secrets, so they come from VIDEOSDK_STREAM_KEY (one output) or a file with one
 * key per line (--stream-key-file), never from a flag. Each is registered with the redactor before
 * anything else happens, and no message ever quotes one.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MIN_STREAM_KEY_LENGTH } from '../server/checks.js';
import type { CommandContext } from './command-spec.js';
import { usageError } from './errors.js';
import { stringFlag } from './flags.js';

/** The environment variable that holds the stream key of a single output. */
export const STREAM_KEY_VARIABLE = 'VIDEOSDK_STREAM_KEY';
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** Why a value cannot be a stream key (without quoting it), or undefined when it can. */
export function streamKeyProblem(key: string): string | undefined {
  if (key.length < MIN_STREAM_KEY_LENGTH) return `shorter than ${MIN_STREAM_KEY_LENGTH} characters`;
  if (key.length > 1024) return 'longer than 1024 characters';
  if (/[\s\u0000-\u001f\u007f]/.test(key)) return 'contains spaces or control characters';
  return undefined;
}

async function keysFromFile(context: CommandContext, file: string): Promise<string[]> {
  const path = resolve(context.cwd, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw usageError(`--stream-key-file: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (bytes.length > MAX_KEY_FILE_BYTES) throw usageError(`--stream-key-file: ${path} is larger than ${MAX_KEY_FILE_BYTES / 1024} KB; accepted: one stream key per line`);
  const lines = bytes.toString('utf8').split(/\r?\n/).map((line) => line.trim());
  // Every usable key is registered before anything is printed; a message names a bad one by line only.
  for (const line of lines) if (line !== '' && streamKeyProblem(line) === undefined) context.out.redactor.addSecret(line);
  const keys: string[] = [];
  lines.forEach((line, i) => {
    if (line === '') return;
    const problem = streamKeyProblem(line);
    if (problem) throw usageError(`--stream-key-file: line ${i + 1} is not a stream key (${problem}; the value is not shown)`);
    keys.push(line);
  });
  return keys;
}

/** The stream keys for `count` outputs, in the order of the --rtmp-url flags. */
export async function readStreamKeys(context: CommandContext, count: number): Promise<string[]> {
  const file = stringFlag(context.values, 'stream-key-file');
  const fromEnv = context.env[STREAM_KEY_VARIABLE]?.trim();
  if (fromEnv && streamKeyProblem(fromEnv) === undefined) context.out.redactor.addSecret(fromEnv);
  if (file !== undefined) {
    const keys = await keysFromFile(context, file);
    if (keys.length !== count) {
      throw usageError(`--stream-key-file holds ${keys.length} key${keys.length === 1 ? '' : 's'} for ${count} --rtmp-url: one key per line, in the order of the URLs`);
    }
    if (fromEnv) context.out.note(`note: ${STREAM_KEY_VARIABLE} is ignored: the keys come from --stream-key-file`);
    return keys;
  }
  if (!fromEnv) {
    throw usageError(`no stream key: set ${STREAM_KEY_VARIABLE} (one --rtmp-url) or pass --stream-key-file FILE with one key per line; keys are never taken as flags`);
  }
  if (count !== 1) throw usageError(`${STREAM_KEY_VARIABLE} holds one key, for one --rtmp-url; for ${count} outputs pass --stream-key-file FILE with one key per line`);
  const problem = streamKeyProblem(fromEnv);
  if (problem) throw usageError(`${STREAM_KEY_VARIABLE} is not a stream key (${problem}; the value is not shown)`);
  return [fromEnv];
}
