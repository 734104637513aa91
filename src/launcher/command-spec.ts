/**
 * What every command is made of: the context it runs with, its spec (flags, help, run), and the
 * library client a command calls VideoSDK through, its secrets registered with the redactor and its
 * retries reported on stderr.
 */
import type { ParseArgsConfig } from 'node:util';
import { buildVideoSdkClient, type VideoSdkClient } from '../server/client.js';
import type { FlagValues } from './flags.js';
import type { Output } from './output.js';
import { type Env, readApiUrl, readCredentials, readNetworkSettings } from './settings.js';

/** What a command runs with. */
export interface CommandContext {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
  readonly out: Output;
  readonly env: Env;
  readonly cwd: string;
  readonly signal?: AbortSignal | undefined;
}

/** One CLI command: its flags, its help and what it does. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly flags: readonly string[];
  readonly examples: readonly string[];
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly positionals?: readonly string[];
  /** The command that tells whether a request with an unknown outcome (exit 7) took effect. */
  readonly checkWith?: string;
  readonly run: (context: CommandContext) => Promise<number>;
}

/** How the library's messages name what a CLI user can fix. */
const CLI_NAMES = {
  names: { credentials: 'VIDEOSDK_API_KEY and VIDEOSDK_SECRET', apiUrl: 'VIDEOSDK_API_URL' },
  baseUrlNames: { url: '--template-url', allowInsecure: '--allow-insecure-template' },
} as const;

/**
 * The library client for a command, from the environment; `rest: false` for commands that only sign
 * (token, url), so a bad VIDEOSDK_API_URL does not stop them.
 */
export function videoSdk(context: CommandContext, { rest = true }: { rest?: boolean } = {}): VideoSdkClient {
  const credentials = readCredentials(context.env);
  context.out.redactor.addSecret(credentials.secret);
  return buildVideoSdkClient(
    {
      ...credentials,
      ...(rest ? { apiUrl: readApiUrl(context.env), ...readNetworkSettings(context.env) } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
      onRetry: (notice) =>
        context.out.note(`${notice.reason}; retrying in ${(notice.delayMs / 1000).toFixed(1)} s (attempt ${notice.attempt} of ${notice.attempts})`),
    },
    CLI_NAMES,
  );
}
