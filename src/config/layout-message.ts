/**
 * The `RECORDING_LAYOUT` PubSub message: VideoSDK's prebuilt convention for changing a recording's
 * layout live (`{"layout":{type,priority,gridSize}}`), extended with theme, mode, orientation and
 * speakerDwellMs, validated by the same schemas as the URL; and the publish helpers a host app calls
 * for it and for live graphics (`RECORDING_GRAPHICS`).
 */
import type { Meeting } from '@videosdk.live/js-sdk';
import { RECORDING_GRAPHICS_TOPIC, type RecordingGraphicsMessage } from './graphics-topics.js';
import { parseJsonObject } from './json-object.js';
import type { OptionName, OptionWarning, RecordingOptions } from './options.js';
import { LAYOUT_TOPICS } from './output.js';
import { fromConfigObject } from './rest-config.js';

/** The PubSub topic VideoSDK's prebuilt recorder listens on for live layout changes. */
export const RECORDING_LAYOUT_TOPIC = LAYOUT_TOPICS.recording;

/** Longest message read at all (a full one is under 200 characters); longer ones are refused before parsing. */
export const MAX_LAYOUT_MESSAGE_LENGTH = 4096;

/** The outcome of reading one message: the valid options (and a warning per invalid value), or why none. */
export type LayoutMessageResult =
  | { ok: true; options: Partial<RecordingOptions>; warnings: OptionWarning[] }
  | { ok: false; error: string };

/** Parses a `RECORDING_LAYOUT` message's text; never throws. */
export function parseLayoutMessage(message: string): LayoutMessageResult {
  if (message.length > MAX_LAYOUT_MESSAGE_LENGTH) return { ok: false, error: `longer than ${MAX_LAYOUT_MESSAGE_LENGTH} characters` };
  const parsed = parseJsonObject(message, '{"layout":{"type":"GRID","priority":"SPEAKER","gridSize":4}}');
  if (!parsed.ok) return parsed;
  const read = fromConfigObject(parsed.value);
  if (!read.ok) return read;
  if (Object.keys(read.options).length === 0 && read.warnings.length === 0) {
    return {
      ok: false,
      error: 'no recognised option: expected layout.type, layout.priority, layout.gridSize, theme, mode, quality, orientation or speakerDwellMs',
    };
  }
  return read;
}

/** The JSON object `publishRecordingLayout` sends: the prebuilt recorder's shape plus our options. */
export function layoutMessageObject(options: Partial<RecordingOptions>): Record<string, unknown> {
  const layout: Record<string, unknown> = {};
  if (options.layoutType !== undefined) layout.type = options.layoutType;
  if (options.layoutPriority !== undefined) layout.priority = options.layoutPriority;
  if (options.layoutGridSize !== undefined) layout.gridSize = options.layoutGridSize;
  const message: Record<string, unknown> = {};
  if (Object.keys(layout).length > 0) message.layout = layout;
  const flat: readonly OptionName[] = ['theme', 'mode', 'quality', 'orientation', 'speakerDwellMs'];
  for (const name of flat) {
    if (options[name] !== undefined) message[name] = options[name];
  }
  return message;
}

/**
 * Publishes a live layout change to every recorder in the meeting (persisted, so a recorder that
 * joins later applies it too). Call it from the host app with its joined meeting's `pubSub`.
 */
export function publishRecordingLayout(
  pubSub: Pick<Meeting['pubSub'], 'publish'>,
  options: Partial<RecordingOptions>,
): Promise<void> {
  return pubSub.publish(RECORDING_LAYOUT_TOPIC, JSON.stringify(layoutMessageObject(options)), { persist: true });
}

/**
 * Publishes a live graphics change (banner, lower third, toast, logo, background; `null` clears one)
 * to every recorder in the meeting, persisted so a recorder that joins later shows it too.
 */
export function publishRecordingGraphics(
  pubSub: Pick<Meeting['pubSub'], 'publish'>,
  message: RecordingGraphicsMessage,
): Promise<void> {
  return pubSub.publish(RECORDING_GRAPHICS_TOPIC, JSON.stringify(message), { persist: true });
}
