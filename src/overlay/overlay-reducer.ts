/**
 * The overlay's reducers: a PubSub message (graphics, VideoSDK's example topics, chat) or a
 * transcription line in, the next Overlay out. Pure; loaded with the graphics code on first use.
 */
import {
  type GraphicsMessageResult,
  type GraphicsPatch,
  parseBackgroundColor,
  parseGraphicsMessage,
  parseViewerMessage,
  TEXT_LIMITS,
} from '../config/graphics-message.js';
import { CHANGE_BACKGROUND_TOPIC, CHAT_TOPIC, type OverlayTopic, RECORDING_GRAPHICS_TOPIC, VIEWER_MESSAGE_TOPIC } from '../config/graphics-topics.js';
import { displayText, tailText } from '../config/safe-values.js';
import { CAPTION_HOLD_MS, type Overlay, type ToastRequest } from '../meeting/overlay.js';

/** Toast requests kept at most; a flood keeps the newest. */
export const MAX_TOASTS = 8;
/** Caption text kept per caption (its tail): far more than two lines hold, far less than a flood. */
export const MAX_CAPTION_CHARS = 400;
/** Chat toasts last this long. */
export const CHAT_TOAST_MS = 5000;
const MAX_SENDER_NAME = 40;

/** A PubSub message as the overlay reads it. */
export interface TopicInput {
  readonly topic: OverlayTopic;
  readonly text: string;
  readonly senderId?: string;
  readonly senderName?: string;
  /** Published before this subscription (persisted history): it sets graphics but never shows a toast. */
  readonly history: boolean;
}

/** One transcription result. */
export interface CaptionInput {
  readonly speakerId: string;
  readonly speakerName: string;
  readonly text: string;
  /** False for words still being recognised (the next result replaces them). */
  readonly final: boolean;
  /** Arrival time (ms, `performance.now()`). */
  readonly at: number;
}

/** What a message does to the overlay: a change (perhaps none), or why it is ignored. */
export type TopicReading = { ok: true; apply: (overlay: Overlay) => Overlay } | { ok: false; error: string };

/** Reads a message of any overlay topic; `chat` says whether CHAT messages become toasts. */
export function readTopicMessage(input: TopicInput, chat: boolean): TopicReading {
  switch (input.topic) {
    case RECORDING_GRAPHICS_TOPIC:
      return patchReading(parseGraphicsMessage(input.text), input.history);
    case CHANGE_BACKGROUND_TOPIC:
      return patchReading(parseBackgroundColor(input.text), input.history);
    case VIEWER_MESSAGE_TOPIC:
      return patchReading(parseViewerMessage(input.text), input.history);
    case CHAT_TOPIC: {
      if (!chat || input.history) return { ok: true, apply: (o) => o };
      const text = displayText(input.text, TEXT_LIMITS.toast);
      if (text.length === 0) return { ok: false, error: 'the chat message has no text' };
      const sender = displayText(input.senderName ?? input.senderId ?? '', MAX_SENDER_NAME);
      return { ok: true, apply: (o) => withToast(o, { text, durationMs: CHAT_TOAST_MS, kind: 'chat', ...(sender ? { sender } : {}) }) };
    }
  }
}

function patchReading(result: GraphicsMessageResult, history: boolean): TopicReading {
  if (!result.ok) return result;
  return { ok: true, apply: (overlay) => applyPatch(overlay, result.patch, history) };
}

/** Applies a graphics patch: named keys change, `null` clears; a toast from history is never shown. */
export function applyPatch(overlay: Overlay, patch: GraphicsPatch, history: boolean): Overlay {
  const graphics = { ...overlay.graphics };
  if (patch.banner !== undefined) graphics.banner = patch.banner;
  if (patch.lowerThird !== undefined) graphics.lowerThird = patch.lowerThird;
  if (patch.logo !== undefined) graphics.logo = patch.logo;
  if (patch.background !== undefined) graphics.background = patch.background;
  let next: Overlay = { ...overlay, graphics };
  if (patch.toast === null) next = { ...next, toasts: [], toastsClearedThrough: next.sequence };
  else if (patch.toast && !history) next = withToast(next, { ...patch.toast, kind: 'graphic' });
  return next;
}

function withToast(overlay: Overlay, toast: Omit<ToastRequest, 'seq'>): Overlay {
  const seq = overlay.sequence + 1;
  const toasts = [...overlay.toasts, { ...toast, seq }].slice(-MAX_TOASTS);
  return { ...overlay, toasts, sequence: seq };
}

/**
 * Adds a transcription result: the same speaker's words extend their caption (interim words are
 * replaced by the next result); another speaker, or words after a silence, start a new caption.
 */
export function applyCaption(overlay: Overlay, input: CaptionInput): Overlay {
  const words = tailText(input.text, MAX_CAPTION_CHARS);
  if (words.length === 0) return overlay;
  const current = overlay.caption;
  const speakerName = displayText(input.speakerName, MAX_SENDER_NAME) || '?';
  const continues = current !== undefined && current.speakerId === input.speakerId && input.at - current.updatedAt < CAPTION_HOLD_MS;
  if (continues) {
    const text = input.final ? tailText(current.text ? `${current.text} ${words}` : words, MAX_CAPTION_CHARS) : current.text;
    return { ...overlay, caption: { ...current, speakerName, text, interim: input.final ? '' : words, updatedAt: input.at } };
  }
  const seq = overlay.sequence + 1;
  return {
    ...overlay,
    sequence: seq,
    caption: {
      seq,
      speakerId: input.speakerId,
      speakerName,
      text: input.final ? words : '',
      interim: input.final ? '' : words,
      updatedAt: input.at,
    },
  };
}
