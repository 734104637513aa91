/**
 * One PubSub topic followed for the whole recording: subscribed on every join (the SDK's PubSub drops
 * every subscription when it reconnects), a failed subscribe retried with backoff, and each message
 * handed on once, in order, including persisted ones published while the recorder was away.
 */
import type { message as PubSubMessage } from '@videosdk.live/js-sdk';
import { settle } from './consumption.js';
import type { SdkMeeting } from './videosdk-types.js';

/** A failed subscribe's first retry (ms), doubling up to MAX_RETRY_MS, unless the source says otherwise. */
export const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 15_000;
/** Enough to recognise a re-delivered message after a reconnect; older ids are never re-sent. */
const REMEMBERED_IDS = 200;

type PubSub = SdkMeeting['pubSub'];

/** Receives a topic's new messages, oldest first; `history` for persisted ones replayed on subscribe. */
export type TopicMessages = (messages: readonly PubSubMessage[], history: boolean) => void;

/** Follows one topic and hands each new message on. */
export class TopicSubscription {
  private pubSub?: PubSub;
  /** Bumped on each (re)subscribe, so an older attempt's outcome is ignored. */
  private attempt = 0;
  private subscribed = false;
  private stopped = false;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retryMs: number;
  private readonly seen = new Set<string>();
  /** The newest handed-on message's time (ms), so an older persisted one never overrides it. */
  private newest = -Infinity;
  /** A live message arrived since the last subscribe. */
  private liveSeen = false;
  private readonly listeners = {
    onMessageReceived: (message: PubSubMessage): void => {
      this.liveSeen = true;
      this.onMessages([message], false);
    },
    onOldMessagesReceived: (messages: PubSubMessage[]): void => {
      // History that lands after a live message of the same subscription is older than it.
      if (!this.liveSeen) this.onMessages(Array.isArray(messages) ? messages : [], true);
    },
  };

  /**
   * `warning` names the key a failed subscribe is reported under (once) and what waits meanwhile,
   * e.g. `{ key: 'pubsub', waits: 'live layout changes' }`.
   */
  constructor(
    readonly topic: string,
    private readonly receive: TopicMessages,
    private readonly warnOnce: (key: string, text: string) => void,
    private readonly warning: { readonly key: string; readonly waits: string },
    private readonly firstRetryMs: number = FIRST_RETRY_MS,
  ) {
    this.retryMs = firstRetryMs;
  }

  /** Subscribes (again): call on every `meeting-joined`, the first and each re-join. */
  subscribe(pubSub: PubSub): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.pubSub = pubSub;
    const attempt = ++this.attempt;
    this.subscribed = true;
    this.liveSeen = false;
    settle(
      () => pubSub.subscribe(this.topic, this.listeners),
      (error) => {
        if (attempt !== this.attempt || this.stopped) return;
        this.subscribed = false;
        this.warnOnce(
          this.warning.key,
          `subscribing to ${this.topic} failed (${String(error)}); retrying, ${this.warning.waits} wait until it works.`,
        );
        this.retryTimer = setTimeout(() => this.subscribe(pubSub), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      },
      () => {
        if (attempt === this.attempt && this.subscribed) this.retryMs = this.firstRetryMs;
      },
    );
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const pubSub = this.pubSub;
    if (pubSub && this.subscribed) settle(() => pubSub.unsubscribe(this.topic, this.listeners), () => undefined);
  }

  private onMessages(messages: readonly PubSubMessage[], history: boolean): void {
    if (this.stopped) return;
    const fresh = messages.filter((message) => this.isNew(message));
    if (fresh.length > 0) this.receive(fresh, history);
  }

  private isNew(message: PubSubMessage): boolean {
    const id = typeof message?.id === 'string' && message.id ? message.id : null;
    if (id !== null) {
      if (this.seen.has(id)) return false;
      this.seen.add(id);
      if (this.seen.size > REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value as string);
    }
    const time = typeof message?.timestamp === 'string' ? Date.parse(message.timestamp) : Number.NaN;
    if (Number.isNaN(time)) return true;
    if (time < this.newest) return false;
    this.newest = time;
    return true;
  }
}
