/**
 * The TTL syntax the CLI accepts ("90s", "15m", "2h", "7d") and its shortest spelling for messages.
 */
import { MAX_TTL_SECONDS } from '../server/token.js';
import { usageError } from './errors.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Parses "90s", "15m", "2h", "7d" or a bare number of seconds; `flag` names it in the error. */
export function parseTtl(raw: string, flag = '--ttl', minSeconds = 1): number {
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(raw);
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[(match[2] || 's').toLowerCase()] ?? 1) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < minSeconds || seconds > MAX_TTL_SECONDS) {
    throw usageError(
      `${flag}=${JSON.stringify(raw)} is not valid; accepted: a duration from ${formatDuration(minSeconds)} to 30d such as 90s, 15m, 2h, 7d`,
    );
  }
  return seconds;
}

/** A duration in seconds as the shortest exact "2h" / "90m" / "45s" form. */
export function formatDuration(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    const size = UNIT_SECONDS[unit]!;
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
