/**
 * The live graphics vocabulary: the PubSub topics, the graphics a message can set and their shapes,
 * the accepted values and limits. Types and small constants only (no schema code), so the recorder's
 * always-loaded code can name them for free; `graphics-message.ts` checks its schemas against them.
 */

/** Our topic: one JSON `RecordingGraphicsMessage` per message, published with `persist: true`. */
export const RECORDING_GRAPHICS_TOPIC = 'RECORDING_GRAPHICS';
/** VideoSDK's custom-template example: the message is a CSS colour for the background. */
export const CHANGE_BACKGROUND_TOPIC = 'CHANGE_BACKGROUND';
/** VideoSDK's custom-template example: the message is text shown as a toast for about 3 s. */
export const VIEWER_MESSAGE_TOPIC = 'VIEWER_MESSAGE';
/** VideoSDK's chat convention: the message is the chat text, `senderName` who wrote it. */
export const CHAT_TOPIC = 'CHAT';

/** Every topic whose messages go on the overlay (CHAT only with `chat=1`). */
export const OVERLAY_TOPICS = [RECORDING_GRAPHICS_TOPIC, CHANGE_BACKGROUND_TOPIC, VIEWER_MESSAGE_TOPIC, CHAT_TOPIC] as const;
/** A topic whose messages go on the overlay. */
export type OverlayTopic = (typeof OVERLAY_TOPICS)[number];

/** Whether a topic's messages go on the overlay. */
export function isOverlayTopic(topic: string): topic is OverlayTopic {
  return (OVERLAY_TOPICS as readonly string[]).includes(topic);
}

/** Where a banner may run across the frame; the first is the default. */
export const BANNER_POSITIONS = ['bottom', 'top'] as const;
/** The corners a logo may sit in; the first is the default. */
export const LOGO_CORNERS = ['top-right', 'top-left', 'bottom-right', 'bottom-left'] as const;
/** Where a banner runs across the frame. */
export type BannerPosition = (typeof BANNER_POSITIONS)[number];
/** The corner a logo sits in. */
export type LogoCorner = (typeof LOGO_CORNERS)[number];

/** Display lengths (a URL's banner included): longer text is cut with an ellipsis, so nothing hostile can grow the frame. */
export const TEXT_LIMITS = { banner: 200, title: 80, subtitle: 120, toast: 280 } as const;
/** Default toast time on screen (ms), its bounds, and VideoSDK's example's for VIEWER_MESSAGE. */
export const DEFAULT_TOAST_MS = 4000;
export const MIN_TOAST_MS = 500;
export const MAX_TOAST_MS = 60_000;
export const VIEWER_MESSAGE_TOAST_MS = 3000;

/** A line of text across the frame. */
export interface Banner {
  readonly text: string;
  readonly position: BannerPosition;
}

/** A title and subtitle, on that participant's tile when they are on screen, else on the frame. */
export interface LowerThird {
  readonly title: string;
  readonly subtitle?: string;
  readonly participantId?: string;
}

/** A short message shown for `durationMs`, queued, one at a time. */
export interface Toast {
  readonly text: string;
  readonly durationMs: number;
}

/** An `https:` or `data:image/…` image in a corner (its address already checked once in force). */
export interface Logo {
  readonly url: string;
  readonly corner: LogoCorner;
}

/** A CSS colour and/or an image behind the tiles. */
export interface Background {
  readonly color?: string;
  readonly imageUrl?: string;
}

/** Every graphic, by the key a message sets it under. */
export interface Graphics {
  readonly banner: Banner;
  readonly lowerThird: LowerThird;
  readonly toast: Toast;
  readonly logo: Logo;
  readonly background: Background;
}

/** The graphics a message can set, by key. */
export type GraphicKey = keyof Graphics;

/** Every graphic key, in the order the frame stacks them (back to front). */
export const GRAPHIC_KEYS: readonly GraphicKey[] = ['background', 'logo', 'lowerThird', 'banner', 'toast'];

/** A shape whose `K` fields a message may leave out (the defaults above fill them). */
type Defaulted<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** A banner as published (default position bottom). */
export type BannerGraphic = Defaulted<Banner, 'position'>;
/** A lower third as published. */
export type LowerThirdGraphic = LowerThird;
/** A toast as published (default 4000 ms). */
export type ToastGraphic = Defaulted<Toast, 'durationMs'>;
/** A logo as published (default top-right). */
export type LogoGraphic = Defaulted<Logo, 'corner'>;
/** A background as published: a colour, an image or both. */
export type BackgroundGraphic = Background;

/** One `RECORDING_GRAPHICS` message: every key optional, `null` clears that graphic, absent keys stay as they are. */
export interface RecordingGraphicsMessage {
  banner?: BannerGraphic | null;
  lowerThird?: LowerThirdGraphic | null;
  toast?: ToastGraphic | null;
  logo?: LogoGraphic | null;
  background?: BackgroundGraphic | null;
}

/** What one valid message changes: only the keys it names (`null`: clear that graphic). */
export type GraphicsPatch = { readonly [K in GraphicKey]?: Graphics[K] | null };
