/**
 * `--dry-run` for every command that sends a request: the body is printed (through the redactor,
 * so stream keys, upload URLs and tokens stay hidden) and nothing is sent.
 */
import type { CommandContext } from './command-spec.js';
import { booleanFlag } from './flags.js';

/** The parseArgs option and help line of --dry-run. */
export const DRY_RUN_OPTION = { 'dry-run': { type: 'boolean' } } as const;
/** The help line of --dry-run. */
export const DRY_RUN_HELP = '--dry-run                 print the request instead of sending it';

/**
 * With --dry-run, prints the request (the body alone on stdout, or `{dryRun, method, path, request}`
 * with --json) and returns true; the command then sends nothing.
 */
export function dryRun(context: CommandContext, method: string, path: string, body: object | undefined, extra: object = {}): boolean {
  if (!booleanFlag(context.values, 'dry-run')) return false;
  const { out } = context;
  if (out.json) out.data({ dryRun: true, method, path, request: body ?? null, ...extra });
  else {
    if (body !== undefined) out.line(JSON.stringify(body, null, 2));
    out.note(`dry run: ${method} ${path} was not sent`);
  }
  return true;
}
