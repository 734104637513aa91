/**
 * `videosdk-record`: dispatches a command, prints help, and turns every failure into one redacted
 * line (or JSON with --json) and its documented exit code. `run` never calls process.exit, so tests
 * drive it in-process.
 */
import { helpLine } from './template-url-flags.js';
import { parseArgs } from 'node:util';
import { MIN_SECRET_LENGTH } from '../server/client.js';
import { VideoSdkError } from '../server/errors.js';
import type { CommandSpec } from './command-spec.js';
import { EXIT, fromVideoSdkError, LauncherError, usageError } from './errors.js';
import { hlsCommand, livestreamCommand } from './live-commands.js';
import { type CliIo, Output } from './output.js';
import { listCommand, startCommand, stopCommand } from './recording-commands.js';
import { recordingCommand } from './recording-id-commands.js';
import { roomCommand } from './room-commands.js';
import { type Env, loadEnv } from './settings.js';
import { STREAM_KEY_VARIABLE, streamKeyProblem } from './stream-keys.js';
import { tokenCommand, urlCommand } from './token-url-commands.js';
import { participantCommand, trackCommand } from './track-commands.js';
import { watchCommand } from './watch-command.js';

/** The streams, environment and abort signal run() uses. */
export type { CliIo } from './output.js';

/** Every command, in help order. */
export const COMMANDS: readonly CommandSpec[] = [
  tokenCommand, urlCommand, startCommand, stopCommand, listCommand, recordingCommand, trackCommand, participantCommand,
  hlsCommand, livestreamCommand, roomCommand, watchCommand,
];

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  'show-token': { type: 'boolean' },
  'env-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const GLOBAL_FLAG_HELP = [
  helpLine('--json', 'machine-readable output: one JSON document (NDJSON events for watch)'),
  helpLine('--show-token', 'print the tokens the launcher signs (also inside URLs) instead of redacting them'),
  helpLine('--env-file FILE', 'read credentials from FILE instead of ./.env'),
  helpLine('-h, --help', 'this help'),
];

// Flags people reach for out of habit; refused without echoing the value, which may be a secret.
const CREDENTIAL_FLAG = /^--?(secret|api-?secret|api-?key|key|password)(=|$)/i;
const STREAM_KEY_FLAG = /^--?(stream-?key|rtmp-?key)(=|$)/i;

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'videosdk-record: record, stream and watch VideoSDK rooms filmed with this template',
    '',
    'Usage: videosdk-record <command> [flags]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global flags:',
    ...GLOBAL_FLAG_HELP.map((line) => `  ${line}`),
    '',
    'Environment (or a .env file; credentials are never read from flags):',
    '  VIDEOSDK_API_KEY, VIDEOSDK_SECRET  credentials (required except for help)',
    '  VIDEOSDK_API_URL                   API base (default https://api.videosdk.live)',
    '  VIDEOSDK_TIMEOUT_MS (15000), VIDEOSDK_RETRIES (3), VIDEOSDK_RETRY_BASE_MS (500),',
    '  VIDEOSDK_MAX_RETRY_WAIT_MS (60000)  per-request timeout and retry policy',
    `  ${STREAM_KEY_VARIABLE}                the RTMP stream key of a one-output \`livestream start\``,
    '',
    'Exit codes: 0 ok, 1 internal error, 2 usage, 3 auth/credentials, 4 API error, 5 network,',
    '            6 the watched run failed (watch), 7 outcome unknown (a request that changes state was',
    '            sent but not answered: check before trying again), 130 interrupted',
    '',
    'Example: videosdk-record start --room abcd-efgh-ijkl --template-url https://rec.example.com/ --layout GRID',
    'Run `videosdk-record <command> --help` for its flags and an example.',
  ].join('\n');
}

function commandHelp(spec: CommandSpec): string {
  return [
    `videosdk-record ${spec.name}: ${spec.summary}`,
    '',
    `Usage: ${spec.usage}`,
    '',
    'Flags:',
    ...spec.flags.map((line) => `  ${line}`),
    // A command that explains a global flag in its own words lists it once.
    ...GLOBAL_FLAG_HELP.filter((line) => !spec.flags.some((own) => own.split(' ')[0] === line.split(' ')[0])).map((line) => `  ${line}`),
    '',
    spec.examples.length > 1 ? 'Examples:' : 'Example:',
    ...spec.examples.map((line) => `  ${line}`),
  ].join('\n');
}

/** The --env-file value, read before parsing so the secret is known to the redactor from the start. */
function envFileArg(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg.startsWith('--env-file=')) return arg.slice('--env-file='.length);
    if (arg === '--env-file') return args[i + 1];
  }
  return undefined;
}

/** `--summary` takes an optional prompt: a bare `--summary` (last, or before another flag) means no prompt. */
function normaliseOptionalValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    out.push(arg);
    const next = args[i + 1];
    if (arg === '--summary' && (next === undefined || next.startsWith('-'))) out.push('');
  }
  return out;
}

function parseCommandArgs(spec: CommandSpec, args: readonly string[]) {
  try {
    return parseArgs({
      args: normaliseOptionalValues(args),
      options: { ...GLOBAL_OPTIONS, ...spec.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(-{1,2}[A-Za-z0-9-]+)/.exec(message)?.[1] ?? 'a flag';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw usageError(`unknown flag ${flag} for ${spec.name}; see videosdk-record ${spec.name} --help`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const takesValue = /argument missing/.test(message);
      throw usageError(takesValue ? `${flag} needs a value` : `${flag} takes no value`);
    }
    throw usageError(`cannot read the arguments; see videosdk-record ${spec.name} --help`);
  }
}

/** Runs the CLI with `argv` (without node and the script) and resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const output = new Output(io, json, argv.includes('--show-token'));
  let command: CommandSpec | undefined;
  const fail = (failure: LauncherError): number => {
    // After exit 7 the user needs to know how to find out whether it took effect.
    const hint = failure.kind === 'outcomeUnknown' && command?.checkWith ? `: ${command.checkWith}` : '';
    const error = { kind: failure.kind, message: `${failure.message}${hint}`, exitCode: failure.exitCode, ...(failure.status !== undefined ? { status: failure.status } : {}), ...(failure.code !== undefined ? { code: failure.code } : {}) };
    if (json) output.noteData({ ok: false, error });
    else output.note(`error: ${error.message}`);
    return failure.exitCode;
  };

  let env: Env = io.env;
  let envError: LauncherError | undefined;
  try {
    env = await loadEnv(io.env, io.cwd, envFileArg(argv));
  } catch (error) {
    envError = error instanceof LauncherError ? error : usageError(String(error));
  }
  const secret = env.VIDEOSDK_SECRET?.trim();
  // A shorter secret is refused before any use; as a redaction pattern it would garble every line.
  if (secret !== undefined && secret.length >= MIN_SECRET_LENGTH) output.redactor.addSecret(secret);
  const streamKey = env[STREAM_KEY_VARIABLE]?.trim();
  if (streamKey !== undefined && streamKeyProblem(streamKey) === undefined) output.redactor.addSecret(streamKey);

  try {
    if (argv.some((arg) => CREDENTIAL_FLAG.test(arg))) {
      throw usageError('credentials are never taken as flags (they would land in shell history): set VIDEOSDK_API_KEY and VIDEOSDK_SECRET in the environment or a .env file');
    }
    if (argv.some((arg) => STREAM_KEY_FLAG.test(arg))) {
      throw usageError(`stream keys are never taken as flags (they would land in shell history): set ${STREAM_KEY_VARIABLE} or pass --stream-key-file FILE`);
    }
    const commandIndex = argv.findIndex((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--env-file');
    const name = commandIndex === -1 ? undefined : argv[commandIndex];
    const wantsHelp = argv.includes('--help') || argv.includes('-h');
    if (name === undefined || name === 'help') {
      const topic = name === 'help' ? argv.slice(commandIndex + 1).find((arg) => !arg.startsWith('-')) : undefined;
      const spec = COMMANDS.find((c) => c.name === topic);
      if (topic !== undefined && spec === undefined) throw usageError(`unknown command ${JSON.stringify(topic.slice(0, 40))}; accepted: ${COMMANDS.map((c) => c.name).join(', ')}`);
      if (name === undefined && !wantsHelp) {
        io.stderr(`${topHelp()}\n`);
        return EXIT.usage;
      }
      io.stdout(`${spec ? commandHelp(spec) : topHelp()}\n`);
      return EXIT.ok;
    }
    const spec = COMMANDS.find((c) => c.name === name);
    command = spec;
    if (spec === undefined) {
      throw usageError(`unknown command ${JSON.stringify(name.slice(0, 40))}; accepted: ${COMMANDS.map((c) => c.name).join(', ')}`);
    }
    const args = [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)];
    if (wantsHelp) {
      io.stdout(`${commandHelp(spec)}\n`);
      return EXIT.ok;
    }
    const { values, positionals } = parseCommandArgs(spec, args);
    const allowed = spec.positionals?.length ?? 0;
    if (positionals.length > allowed) {
      throw usageError(`unexpected argument ${JSON.stringify(positionals[allowed]!.slice(0, 40))} for ${spec.name}; see videosdk-record ${spec.name} --help`);
    }
    if (envError) throw envError;
    return await spec.run({ values, positionals, out: output, env, cwd: io.cwd, signal: io.signal });
  } catch (error) {
    if (error instanceof LauncherError) return fail(error);
    if (error instanceof VideoSdkError) return fail(fromVideoSdkError(error));
    if (io.signal?.aborted) {
      // The request may have left before the interrupt: say how to find out, as for exit 7.
      output.note(command?.checkWith ? `interrupted; if the request was already sent it may have taken effect: ${command.checkWith}` : 'interrupted');
      return EXIT.interrupted;
    }
    const message = error instanceof Error ? error.message : String(error);
    output.note(`internal error: ${message}; please report it with the command you ran`);
    return EXIT.internal;
  }
}
