/**
 * What every command is made of: the context it runs with, its spec (flags, help, run), and the
 * REST client a command calls VideoSDK through, with retries reported on stderr.
 */
import type { ParseArgsConfig } from 'node:util';
import type { FlagValues } from './flags.js';
import type { Output } from './output.js';
import { RestClient } from './rest-client.js';
import { type Env, readApiUrl, readCredentials, readNetworkSettings } from './settings.js';

/** What a command runs with. */
export interface CommandContext {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
  readonly out: Output;
  readonly env: Env;
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
  readonly run: (context: CommandContext) => Promise<number>;
}

/** The REST client for a command: its secret and tokens registered with the redactor, retries noted on stderr. */
export function restClient(context: CommandContext): RestClient {
  const credentials = readCredentials(context.env);
  context.out.redactor.addSecret(credentials.secret);
  return new RestClient({
    baseUrl: readApiUrl(context.env),
    credentials,
    network: readNetworkSettings(context.env),
    signal: context.signal,
    onToken: (token) => context.out.redactor.addToken(token),
    onRetry: (notice) =>
      context.out.note(
        `${notice.reason}; retrying in ${(notice.delayMs / 1000).toFixed(1)} s (attempt ${notice.attempt} of ${notice.attempts})`,
      ),
  });
}
