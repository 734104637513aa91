/**
 * Helpers for a host app that uses `@videosdk.live/js-sdk` (`videosdk-recording-template/host`): they
 * publish live layouts and graphics to every recorder in the meeting. Each checks its input with the
 * schemas the page reads it with, so a value the page would ignore is refused here, before sending,
 * with an error naming the field and what it accepts.
 */
import type { Meeting } from '@videosdk.live/js-sdk';
import { parseGraphicsMessage } from '../config/graphics-message.js';
import { GRAPHIC_KEYS, RECORDING_GRAPHICS_TOPIC, type RecordingGraphicsMessage } from '../config/graphics-topics.js';
import { layoutMessageObject } from '../config/layout-message.js';
import { type OptionName, type RecordingOptions, OptionSchemas, acceptedValues } from '../config/options.js';
import { LAYOUT_TOPICS, OUTPUTS, type Output } from '../config/output.js';

export type { RecordingGraphicsMessage } from '../config/graphics-topics.js';
export type { RecordingOptions } from '../config/options.js';
export type { Output } from '../config/output.js';

/** The part of the SDK's `meeting.pubSub` the helpers use. */
export type RecordingPubSub = Pick<Meeting['pubSub'], 'publish'>;

/** Where to publish: the joined meeting, or its `pubSub`. */
export type PublishTarget = RecordingPubSub | { readonly pubSub: RecordingPubSub };

/** A live layout change: any of the recording options (the URL's names), at least one. */
export type RecordingLayoutChange = Partial<RecordingOptions>;

/** Which recorders a layout change is for: VideoSDK's prebuilt recorder follows one topic per output. */
export interface PublishLayoutOptions {
  /** `recording` (RECORDING_LAYOUT, the default), `hls` (HLS_LAYOUT) or `livestream` (LIVE_STREAM_LAYOUT). */
  readonly output?: Output;
}

/** A message the page would refuse; nothing was published. `field` names the value to fix. */
export class RecordingMessageError extends Error {
  override readonly name = 'RecordingMessageError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Publishes a live layout change to every recorder following the output's topic, persisted so a
 * recorder that joins later applies it too. Rejects with a `RecordingMessageError` for a bad value.
 */
export async function publishRecordingLayout(
  target: PublishTarget,
  change: RecordingLayoutChange,
  { output = 'recording' }: PublishLayoutOptions = {},
): Promise<void> {
  const topic = (LAYOUT_TOPICS as Partial<Record<string, string>>)[output];
  if (topic === undefined) throw fieldError('publishRecordingLayout', 'output', output, OUTPUTS.join(', '));
  const options = checkedLayout(change);
  await pubSubOf(target).publish(topic, JSON.stringify(layoutMessageObject(options)), { persist: true });
}

/**
 * Publishes a live graphics change (banner, lower third, toast, logo, background; `null` clears one)
 * to every recorder, persisted so a recorder that joins later shows it too. Rejects with a
 * `RecordingMessageError` for a message the page would ignore.
 */
export async function publishRecordingGraphics(target: PublishTarget, message: RecordingGraphicsMessage): Promise<void> {
  const text = JSON.stringify(message ?? null);
  const read = parseGraphicsMessage(text);
  if (!read.ok) {
    // The page's reasons start with the path of the bad value (`banner.text …`) when there is one.
    const path = /^[\w.]+/.exec(read.error)?.[0] ?? '';
    const field = GRAPHIC_KEYS.some((key) => path === key || path.startsWith(`${key}.`)) ? path : 'message';
    throw new RecordingMessageError(field, `publishRecordingGraphics: ${read.error}. Nothing was published.`);
  }
  await pubSubOf(target).publish(RECORDING_GRAPHICS_TOPIC, text, { persist: true });
}

/** Every option checked by the page's own schema; unknown names and an empty change are refused too. */
function checkedLayout(change: RecordingLayoutChange): Partial<RecordingOptions> {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) {
    throw new RecordingMessageError('change', 'publishRecordingLayout: expected an object of options such as { layoutType: "SPOTLIGHT" }. Nothing was published.');
  }
  const names = Object.keys(OptionSchemas) as OptionName[];
  const options: Partial<Record<OptionName, unknown>> = {};
  for (const [name, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (!names.includes(name as OptionName)) throw fieldError('publishRecordingLayout', name, value, `one of the options ${names.join(', ')}`, 'is not an option');
    const parsed = OptionSchemas[name as OptionName].safeParse(value);
    if (!parsed.success) throw fieldError('publishRecordingLayout', name, value, acceptedValues(name as OptionName));
    options[name as OptionName] = parsed.data;
  }
  if (Object.keys(options).length === 0) {
    throw new RecordingMessageError('change', `publishRecordingLayout: no option given; accepted: ${names.join(', ')}. Nothing was published.`);
  }
  return options as Partial<RecordingOptions>;
}

function fieldError(helper: string, field: string, value: unknown, accepted: string, problem = 'is not accepted'): RecordingMessageError {
  const shown = JSON.stringify(value) ?? String(value);
  const clipped = shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
  return new RecordingMessageError(field, `${helper}: ${field}=${clipped} ${problem}; accepted: ${accepted}. Nothing was published.`);
}

function pubSubOf(target: PublishTarget): RecordingPubSub {
  return 'pubSub' in target ? target.pubSub : target;
}
