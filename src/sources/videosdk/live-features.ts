/**
 * The live meeting's features: the graphics topics (`RECORDING_GRAPHICS`, VideoSDK's example
 * `CHANGE_BACKGROUND` and `VIEWER_MESSAGE`, and `CHAT` with `chat=1`) and, with `captions=1`,
 * real-time transcription (`transcription-text`) and agents' transcriptions, all handed to an
 * OverlayFeed, which loads the code that reads them when the first one arrives.
 */
import type { message as PubSubMessage } from '@videosdk.live/js-sdk';
import type { FeatureParams } from '../../config/feature-params.js';
import { CHAT_TOPIC, OVERLAY_TOPICS, type OverlayTopic } from '../../config/graphics-topics.js';
import type { MeetingStore } from '../../meeting/store.js';
import { OverlayFeed } from '../../overlay/overlay-feed.js';
import { pubSubText } from '../pubsub-message.js';
import { readAgentTranscription, readTranscriptionText } from './agents.js';
import { TopicSubscription } from './topic-subscription.js';
import type { MeetingEventName, SdkMeeting } from './videosdk-types.js';

/** Follows the graphics topics and transcription of one recording. */
export class LiveFeatures {
  private readonly feed: OverlayFeed;
  private readonly topics: readonly TopicSubscription[];

  constructor(
    store: MeetingStore,
    private readonly features: Pick<FeatureParams, 'captions' | 'chat'>,
    warnOnce: (key: string, text: string) => void,
    retryDelayMs?: number,
  ) {
    this.feed = new OverlayFeed(store, features);
    const names = OVERLAY_TOPICS.filter((topic) => topic !== CHAT_TOPIC || features.chat);
    this.topics = names.map(
      (topic) =>
        new TopicSubscription(topic, (messages, history) => this.receive(topic, messages, history), warnOnce, {
          key: `pubsub:${topic}`,
          waits: topic === CHAT_TOPIC ? 'chat toasts' : 'live graphics',
        }, retryDelayMs),
    );
  }

  /** Registers the meeting events it follows (before `join()`, with the source's other listeners). */
  listen(on: (event: MeetingEventName, listener: (payload: unknown) => void) => void): void {
    if (!this.features.captions) return;
    on('transcription-text', (payload) => {
      const input = readTranscriptionText(payload, performance.now());
      if (input) this.feed.caption(input);
    });
  }

  /** Subscribes (again) to every topic: call on every `meeting-joined`. */
  subscribe(pubSub: SdkMeeting['pubSub']): void {
    for (const topic of this.topics) topic.subscribe(pubSub);
  }

  /** An `agent-transcription-received` payload from one of the agents. */
  agentTranscription(payload: unknown): void {
    if (!this.features.captions) return;
    const input = readAgentTranscription(payload, performance.now());
    if (input) this.feed.caption(input);
  }

  stop(): void {
    for (const topic of this.topics) topic.stop();
    this.feed.stop();
  }

  private receive(topic: OverlayTopic, messages: readonly PubSubMessage[], history: boolean): void {
    for (const message of messages) {
      const text = pubSubText(topic, message);
      if (text) this.feed.message({ ...text, topic, history });
    }
  }
}
