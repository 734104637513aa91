/**
 * The live layout topic of the output being filmed (`RECORDING_LAYOUT`, `HLS_LAYOUT` or
 * `LIVE_STREAM_LAYOUT`): subscribes on every join (the SDK's PubSub drops every
 * subscription when it reconnects), retries a failed subscribe, and turns messages into option changes
 * in order, each applied once, including persisted ones published while the recorder was away.
 */
import type { message as PubSubMessage } from '@videosdk.live/js-sdk';
import { RECORDING_LAYOUT_TOPIC, parseLayoutMessage } from '../../config/layout-message.js';
import type { RecordingOptions } from '../../config/options.js';
import { settle } from './consumption.js';
import type { SdkMeeting } from './videosdk-types.js';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 15_000;
/** Enough to recognise a re-delivered message after a reconnect; older ids are never re-sent. */
const REMEMBERED_IDS = 200;

type PubSub = SdkMeeting['pubSub'];

/** Follows the live layout topic and hands each new message's options to `apply`. */
export class LayoutSubscription {
  private pubSub?: PubSub;
  /** Bumped on each (re)subscribe, so an older attempt's outcome is ignored. */
  private attempt = 0;
  private subscribed = false;
  private stopped = false;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retryMs = FIRST_RETRY_MS;
  private readonly seen = new Set<string>();
  /** The newest applied message's time (ms), so an older persisted one never overrides it. */
  private newest = -Infinity;
  /** A live message arrived since the last subscribe. */
  private liveSeen = false;
  private readonly listeners = {
    onMessageReceived: (message: PubSubMessage): void => {
      this.liveSeen = true;
      this.onMessages([message]);
    },
    onOldMessagesReceived: (messages: PubSubMessage[]): void => {
      // History that lands after a live message of the same subscription is older than it.
      if (!this.liveSeen) this.onMessages(Array.isArray(messages) ? messages : []);
    },
  };

  constructor(
    private readonly apply: (options: Partial<RecordingOptions>) => void,
    private readonly warnOnce: (key: string, text: string) => void,
    /** The topic this output's host publishes layouts on. */
    private readonly topic: string = RECORDING_LAYOUT_TOPIC,
  ) {}

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
          'pubsub',
          `subscribing to ${this.topic} failed (${String(error)}); retrying, live layout changes wait until it works.`,
        );
        this.retryTimer = setTimeout(() => this.subscribe(pubSub), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      },
      () => {
        if (attempt === this.attempt && this.subscribed) this.retryMs = FIRST_RETRY_MS;
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

  /** Messages oldest first: the ones not applied yet are folded into one change (newest wins per option). */
  private onMessages(messages: readonly PubSubMessage[]): void {
    if (this.stopped) return;
    const combined: Partial<RecordingOptions> = {};
    for (const message of messages) {
      if (!this.isNew(message)) continue;
      Object.assign(combined, readLayout(message, this.topic));
    }
    if (Object.keys(combined).length > 0) this.apply(combined);
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

/** The options in one message; a malformed one is ignored with one warning saying why. */
function readLayout(message: PubSubMessage, topic: string): Partial<RecordingOptions> {
  const text = typeof message?.message === 'string' ? message.message : null;
  const from = typeof message?.senderId === 'string' ? ` from ${message.senderId}` : '';
  if (text === null) {
    console.warn(`Recording template: ignored a ${topic} message${from}: it has no text.`);
    return {};
  }
  const parsed = parseLayoutMessage(text);
  if (!parsed.ok) {
    console.warn(`Recording template: ignored a ${topic} message${from}: ${parsed.error}.`);
    return {};
  }
  if (parsed.warnings.length > 0) {
    console.warn(`Recording template: in a ${topic} message${from}: ${parsed.warnings.map((w) => w.message).join(' ')}`);
  }
  return parsed.options;
}
