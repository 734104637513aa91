/**
 * Which output VideoSDK films the page for (`output=recording|hls|livestream`), and the PubSub topic
 * its host publishes live layouts on, as VideoSDK's prebuilt recorder follows one topic per output.
 */
import * as z from 'zod/mini';
import { type OptionWarning, optionWarning } from './options.js';

export const OUTPUTS = ['recording', 'hls', 'livestream'] as const;

/** What the page is filmed for: a recording, an HLS stream or an RTMP live stream. */
export type Output = (typeof OUTPUTS)[number];

export const DEFAULT_OUTPUT: Output = 'recording';

/** The live layout topic of each output. */
export const LAYOUT_TOPICS: Readonly<Record<Output, string>> = {
  recording: 'RECORDING_LAYOUT',
  hls: 'HLS_LAYOUT',
  livestream: 'LIVE_STREAM_LAYOUT',
};

const OutputSchema = z.enum(OUTPUTS);

/** Reads `output` (trimmed, any case); a bad value falls back to `recording` with a warning. */
export function parseOutput(value: string | null): { output: Output; warning?: OptionWarning } {
  if (value === null || value.trim() === '') return { output: DEFAULT_OUTPUT };
  const parsed = OutputSchema.safeParse(value.trim().toLowerCase());
  if (parsed.success) return { output: parsed.data };
  return { output: DEFAULT_OUTPUT, warning: optionWarning('output', value, OUTPUTS.join(', '), DEFAULT_OUTPUT) };
}
