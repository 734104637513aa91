/**
 * The live layout topic of the output being filmed (`RECORDING_LAYOUT`, `HLS_LAYOUT` or
 * `LIVE_STREAM_LAYOUT`), followed by a TopicSubscription (every join, retries, each message once, in
 * order, persisted ones included), its messages turned into option changes.
 */
import type { message as PubSubMessage } from '@videosdk.live/js-sdk';
import { RECORDING_LAYOUT_TOPIC } from '../../config/layout-message.js';
import { MalformedWarnings } from '../../config/malformed-warnings.js';
import type { RecordingOptions } from '../../config/options.js';
import { layoutOptionsOf, pubSubText } from '../pubsub-message.js';
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
    retryDelayMs?: number,
  ) {
    // Messages not applied yet are folded into one change, oldest first (newest wins per option).
    const malformed = new MalformedWarnings(`${topic} messages`);
    const receive = (messages: readonly PubSubMessage[]): void => {
      const combined: Partial<RecordingOptions> = {};
      // Malformed messages are warned about up to a cap, so a flood cannot flood the log.
      const warn = (text: string) => malformed.warn(text);
      for (const message of messages) {
        const text = pubSubText(topic, message, warn);
        if (text) Object.assign(combined, layoutOptionsOf(text, warn));
      }
      if (Object.keys(combined).length > 0) apply(combined);
    };
    this.subscription = new TopicSubscription(topic, receive, warnOnce, { key: 'pubsub', waits: 'live layout changes' }, retryDelayMs);
  }

  /** Subscribes (again): call on every `meeting-joined`, the first and each re-join. */
  subscribe(pubSub: SdkMeeting['pubSub']): void {
    this.subscription.subscribe(pubSub);
  }

  stop(): void {
    this.subscription.stop();
  }
}
