/**
 * The live graphics PubSub topics and the message shapes a host app publishes on them. Types and
 * names only (no schema code), so the recorder's always-loaded code can name the topics for free.
 */

/** Our topic: one JSON `RecordingGraphicsMessage` per message, published with `persist: true`. */
export const RECORDING_GRAPHICS_TOPIC = 'RECORDING_GRAPHICS';
/** VideoSDK's custom-template example: the message is a CSS colour for the background. */
export const CHANGE_BACKGROUND_TOPIC = 'CHANGE_BACKGROUND';
/** VideoSDK's custom-template example: the message is text shown as a toast for about 3 s. */
export const VIEWER_MESSAGE_TOPIC = 'VIEWER_MESSAGE';
/** VideoSDK's chat convention: the message is the chat text, `senderName` who wrote it. */
export const CHAT_TOPIC = 'CHAT';

/** Where a banner runs across the frame. */
export type BannerPosition = 'top' | 'bottom';
/** The corner a logo sits in. */
export type LogoCorner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** A line of text across the frame (default bottom). */
export interface BannerGraphic {
  text: string;
  position?: BannerPosition;
}

/** A title and subtitle, on that participant's tile when they are on screen, else on the frame. */
export interface LowerThirdGraphic {
  title: string;
  subtitle?: string;
  participantId?: string;
}

/** A short message shown for `durationMs` (default 4000), queued, one at a time. */
export interface ToastGraphic {
  text: string;
  durationMs?: number;
}

/** An `https:` or `data:image/…` image in a corner (default top-right). */
export interface LogoGraphic {
  url: string;
  corner?: LogoCorner;
}

/** A CSS colour and/or an image behind the tiles. */
export interface BackgroundGraphic {
  color?: string;
  imageUrl?: string;
}

/** One `RECORDING_GRAPHICS` message: every key optional, `null` clears that graphic, absent keys stay as they are. */
export interface RecordingGraphicsMessage {
  banner?: BannerGraphic | null;
  lowerThird?: LowerThirdGraphic | null;
  toast?: ToastGraphic | null;
  logo?: LogoGraphic | null;
  background?: BackgroundGraphic | null;
}

/** The graphics a message can set, by key. */
export type GraphicKey = keyof RecordingGraphicsMessage;

/** Every graphic key, in the order the frame stacks them (back to front). */
export const GRAPHIC_KEYS: readonly GraphicKey[] = ['background', 'logo', 'lowerThird', 'banner', 'toast'];

/** Default toast time on screen (ms), and VideoSDK's example's for VIEWER_MESSAGE. */
export const DEFAULT_TOAST_MS = 4000;
export const VIEWER_MESSAGE_TOAST_MS = 3000;
