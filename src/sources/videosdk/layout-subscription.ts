/**
 * The live layout topic of the output being filmed (`RECORDING_LAYOUT`, `HLS_LAYOUT` or
 * `LIVE_STREAM_LAYOUT`), followed by a TopicSubscription (every join, retries, each message once, in
 * order, persisted ones included), its messages turned into option changes.
 */
import type { message as PubSubMessage } from '@videosdk.live/js-sdk';
import { MalformedWarnings } from '../../config/malformed-warnings.js';
import { RECORDING_LAYOUT_TOPIC, parseLayoutMessage } from '../../config/layout-message.js';
import type { RecordingOptions } from '../../config/options.js';
import { TopicSubscription } from './topic-subscription.js';
import type { SdkMeeting } from './videosdk-types.js';

/** Follows the live layout topic and hands each new message's options to `apply`. */
export class LayoutSubscription {
  private readonly subscription: TopicSubscription;

  constructor(
    apply: (options: Partial<RecordingOptions>) => void,
    warnOnce: (key: string, text: string) => void,
    /** The topic this output's host publishes layouts on. */
    topic: string = RECORDING_LAYOUT_TOPIC,
  ) {
    // Messages not applied yet are folded into one change, oldest first (newest wins per option).
    const malformed = new MalformedWarnings(`${topic} messages`);
    const receive = (messages: readonly PubSubMessage[]): void => {
      const combined: Partial<RecordingOptions> = {};
      for (const message of messages) Object.assign(combined, readLayout(message, topic, malformed));
      if (Object.keys(combined).length > 0) apply(combined);
    };
    this.subscription = new TopicSubscription(topic, receive, warnOnce, { key: 'pubsub', waits: 'live layout changes' });
  }

  /** Subscribes (again): call on every `meeting-joined`, the first and each re-join. */
  subscribe(pubSub: SdkMeeting['pubSub']): void {
    this.subscription.subscribe(pubSub);
  }

  stop(): void {
    this.subscription.stop();
  }
}

/** The options in one message; a malformed one is ignored with one warning saying why. */
function readLayout(message: PubSubMessage, topic: string, malformed: MalformedWarnings): Partial<RecordingOptions> {
  const text = typeof message?.message === 'string' ? message.message : null;
  const from = typeof message?.senderId === 'string' ? ` from ${message.senderId}` : '';
  if (text === null) {
    malformed.warn(`Recording template: ignored a ${topic} message${from}: it has no text.`);
    return {};
  }
  const parsed = parseLayoutMessage(text);
  if (!parsed.ok) {
    malformed.warn(`Recording template: ignored a ${topic} message${from}: ${parsed.error}.`);
    return {};
  }
  if (parsed.warnings.length > 0) {
    malformed.warn(`Recording template: in a ${topic} message${from}: ${parsed.warnings.map((w) => w.message).join(' ')}`);
  }
  return parsed.options;
}
