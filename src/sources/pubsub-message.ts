/**
 * One PubSub message as both sources read it: its text (a message without text is ignored, with a
 * warning), and what a live layout topic's message changes. The simulated meeting's `publish` and the
 * live meeting's subscriptions go through the same steps, so the preview shows what a recording does.
 */
import { parseLayoutMessage } from '../config/layout-message.js';
import type { RecordingOptions } from '../config/options.js';

/** A PubSub message's text and who sent it. */
export interface PubSubText {
  readonly topic: string;
  readonly text: string;
  readonly senderId?: string;
  readonly senderName?: string;
}

/** ` from <id>`, for warnings about a message. */
export function fromSender(senderId: string | undefined): string {
  return senderId ? ` from ${senderId}` : '';
}

/** The text of a message as VideoSDK delivers it (`message`, `senderId`, `senderName`); null, with a warning, when it has none. */
export function pubSubText(topic: string, message: unknown, warn: (text: string) => void = console.warn): PubSubText | null {
  const fields = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
  const senderId = typeof fields.senderId === 'string' && fields.senderId ? fields.senderId : undefined;
  if (typeof fields.message !== 'string') {
    warn(`Recording template: ignored a ${topic} message${fromSender(senderId)}: it has no text.`);
    return null;
  }
  const senderName = typeof fields.senderName === 'string' && fields.senderName ? fields.senderName : undefined;
  return { topic, text: fields.message, ...(senderId ? { senderId } : {}), ...(senderName ? { senderName } : {}) };
}

/** The options a live layout message sets; a malformed one is ignored (and bad values left out) with one warning saying why. */
export function layoutOptionsOf(message: PubSubText, warn: (text: string) => void = console.warn): Partial<RecordingOptions> {
  const { topic } = message;
  const from = fromSender(message.senderId);
  const parsed = parseLayoutMessage(message.text);
  if (!parsed.ok) {
    warn(`Recording template: ignored a ${topic} message${from}: ${parsed.error}.`);
    return {};
  }
  if (parsed.warnings.length > 0) {
    warn(`Recording template: in a ${topic} message${from}: ${parsed.warnings.map((w) => w.message).join(' ')}`);
  }
  return parsed.options;
}
