/**
 * The schemas of the live graphics messages (`RECORDING_GRAPHICS`, and VideoSDK's example topics
 * `CHANGE_BACKGROUND` and `VIEWER_MESSAGE`): every text made display text, every image address
 * checked, every colour one the browser knows. Loaded on first use, never with the page.
 */
import * as z from 'zod/mini';
import {
  BANNER_POSITIONS,
  DEFAULT_TOAST_MS,
  GRAPHIC_KEYS,
  type GraphicKey,
  type Graphics,
  type GraphicsPatch,
  LOGO_CORNERS,
  MAX_TOAST_MS,
  MIN_TOAST_MS,
  type RecordingGraphicsMessage,
  TEXT_LIMITS,
  VIEWER_MESSAGE_TOAST_MS,
} from './graphics-topics.js';
import { parseJsonObject } from './json-object.js';
import { displayText, isCssColor, isSafeImageUrl } from './safe-values.js';

/** Longest message read at all (a data: logo fits); longer ones are refused before parsing. */
export const MAX_GRAPHICS_MESSAGE_LENGTH = 65_536;
export { MAX_TOAST_MS, MIN_TOAST_MS, TEXT_LIMITS, type GraphicsPatch };

/** Text shown as text: one line, bounded, not empty once trimmed. */
function shownText(max: number) {
  return z.pipe(z.string(), z.transform((raw: string) => displayText(raw, max))).check(
    z.refine((text: string) => text.length > 0, 'must be text that is not empty'),
  );
}

const imageUrl = z.string().check(
  z.maxLength(MAX_GRAPHICS_MESSAGE_LENGTH),
  z.refine((url: string) => isSafeImageUrl(url.trim()), 'must be an https: address or a data:image/… URL'),
);

const BannerSchema = z.object({
  text: shownText(TEXT_LIMITS.banner),
  position: z._default(z.enum(BANNER_POSITIONS), BANNER_POSITIONS[0]),
});

const LowerThirdSchema = z.object({
  title: shownText(TEXT_LIMITS.title),
  subtitle: z.optional(shownText(TEXT_LIMITS.subtitle)),
  participantId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

const ToastSchema = z.object({
  text: shownText(TEXT_LIMITS.toast),
  durationMs: z._default(z.int().check(z.minimum(MIN_TOAST_MS), z.maximum(MAX_TOAST_MS)), DEFAULT_TOAST_MS),
});

const LogoSchema = z.object({
  url: imageUrl,
  corner: z._default(z.enum(LOGO_CORNERS), LOGO_CORNERS[0]),
});

const BackgroundSchema = z
  .object({
    color: z.optional(z.string().check(z.refine((c: string) => isCssColor(c.trim()), 'must be a CSS colour such as #0b1d3a or navy'))),
    imageUrl: z.optional(imageUrl),
  })
  .check(z.refine((b) => b.color !== undefined || b.imageUrl !== undefined, 'needs a color or an imageUrl'));

const GraphicsMessageSchema = z.looseObject({
  banner: z.optional(z.nullable(BannerSchema)),
  lowerThird: z.optional(z.nullable(LowerThirdSchema)),
  toast: z.optional(z.nullable(ToastSchema)),
  logo: z.optional(z.nullable(LogoSchema)),
  background: z.optional(z.nullable(BackgroundSchema)),
});

/** `true` only when A and B accept the same values (readonly aside). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Parsed = z.output<typeof GraphicsMessageSchema>;
type Accepted = z.input<typeof GraphicsMessageSchema>;
/** Fails to compile when a schema and the vocabulary drift apart: each graphic parses to its shape, and every message the type allows is one the schema reads. */
const schemasMatchVocabulary: {
  readonly [K in GraphicKey]: readonly [Same<Parsed[K], Graphics[K] | null | undefined>, RecordingGraphicsMessage[K] extends Accepted[K] ? true : false];
} = { banner: [true, true], lowerThird: [true, true], toast: [true, true], logo: [true, true], background: [true, true] };
void schemasMatchVocabulary;

/** A message's reading: the patch, or why the whole message is ignored. */
export type GraphicsMessageResult = { ok: true; patch: GraphicsPatch } | { ok: false; error: string };

const EXAMPLE = '{"banner":{"text":"Live from Berlin"}}';

/** Parses a `RECORDING_GRAPHICS` message's text; never throws. One bad value rejects the whole message. */
export function parseGraphicsMessage(text: string): GraphicsMessageResult {
  if (text.length > MAX_GRAPHICS_MESSAGE_LENGTH) return { ok: false, error: `longer than ${MAX_GRAPHICS_MESSAGE_LENGTH} characters` };
  const read = parseJsonObject(text, EXAMPLE);
  if (!read.ok) return read;
  const parsed = read.value;
  if (!GRAPHIC_KEYS.some((key) => key in parsed)) {
    return { ok: false, error: `no graphic in it: expected one of ${GRAPHIC_KEYS.join(', ')}, e.g. ${EXAMPLE}` };
  }
  const result = GraphicsMessageSchema.safeParse(parsed);
  if (!result.success) {
    const reasons = result.error.issues.map((issue) => `${issue.path.join('.') || 'message'} ${describe(issue.message)}`);
    return { ok: false, error: reasons.join('; ') };
  }
  const patch: Record<string, unknown> = {};
  for (const key of GRAPHIC_KEYS) {
    const value = result.data[key];
    if (value !== undefined) patch[key] = value === null ? null : trimmed(value);
  }
  return { ok: true, patch: patch as GraphicsPatch };
}

/** A `CHANGE_BACKGROUND` message (VideoSDK's example: the text is a CSS colour). */
export function parseBackgroundColor(text: string): GraphicsMessageResult {
  const color = text.trim();
  if (!isCssColor(color)) return { ok: false, error: 'expected a CSS colour such as #0b1d3a or navy' };
  return { ok: true, patch: { background: { color } } };
}

/** A `VIEWER_MESSAGE` message (VideoSDK's example: the text is shown as a toast for about 3 s). */
export function parseViewerMessage(text: string): GraphicsMessageResult {
  const shown = displayText(text, TEXT_LIMITS.toast);
  if (shown.length === 0) return { ok: false, error: 'the message has no text' };
  return { ok: true, patch: { toast: { text: shown, durationMs: VIEWER_MESSAGE_TOAST_MS } } };
}

/** zod's generic wording, phrased for a host developer reading the console. */
function describe(message: string): string {
  return /^Invalid input/i.test(message) ? 'has a value that is not accepted' : message.replace(/^Invalid /, 'is not a valid ');
}

/** Image addresses and colours without the spaces a host may have pasted around them. */
function trimmed<T extends object>(value: T): T {
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of ['url', 'imageUrl', 'color']) if (typeof out[key] === 'string') out[key] = (out[key] as string).trim();
  return out as T;
}
