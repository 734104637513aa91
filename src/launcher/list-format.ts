/**
 * How lists print: every page fetched, each recording or stream summarised to the fields a user
 * needs (never a stream key), one line per entry with the server's text made printable.
 */
import { printable } from '../server/printable.js';
import type { PageInfo, RecordingEntry } from '../server/rest-replies.js';

/** The most pages a list fetches (at 20 a page, 1000 entries). */
export const MAX_LIST_PAGES = 50;
/** The page size lists ask for. */
export const LIST_PAGE_SIZE = 20;

/** Fetches pages until the last one (or MAX_LIST_PAGES), returning every entry and VideoSDK's total. */
export async function allPages<T>(fetchPage: (page: number) => Promise<{ pageInfo?: PageInfo | undefined; data: T[] }>): Promise<{ total: number; entries: T[] }> {
  const entries: T[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_LIST_PAGES; page += 1) {
    const result = await fetchPage(page);
    entries.push(...result.data);
    total = result.pageInfo?.total ?? entries.length;
    if (result.pageInfo === undefined || page >= result.pageInfo.lastPage || result.data.length === 0) break;
  }
  return { total, entries };
}

function numberOf(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Bytes as a short human size. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Seconds as h:mm:ss. */
export function formatClock(seconds: number | undefined): string {
  if (seconds === undefined) return '?';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** A recording as `list` and `recording get` print it in --json. */
export function summariseRecording(entry: RecordingEntry) {
  return {
    id: entry.id,
    sessionId: entry.sessionId ?? null,
    createdAt: entry.createdAt ?? null,
    fileUrl: entry.file?.fileUrl ?? null,
    filePath: entry.file?.filePath ?? null,
    sizeBytes: numberOf(entry.file?.size) ?? null,
    durationSeconds: numberOf(entry.file?.meta?.duration ?? undefined) ?? null,
  };
}

/** One recording as one line: date, session, size, duration, file URL. */
export function recordingLine(r: ReturnType<typeof summariseRecording>): string {
  // The fields are the server's: one recording must print as exactly one line.
  return printable([r.createdAt ?? '?', `session ${r.sessionId ?? '?'}`, formatBytes(r.sizeBytes ?? undefined), formatClock(r.durationSeconds ?? undefined), r.fileUrl ?? '(file not ready)'].join('  '));
}

/** Fields joined into one printable line, `?` for the missing ones. */
export function entryLine(fields: readonly (string | null | undefined)[]): string {
  return printable(fields.map((field) => field ?? '?').join('  '));
}
