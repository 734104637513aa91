/**
 * The emulated PubSub service: a loopback WebSocket server speaking the SDK's `fastws` protobuf
 * messages. It keeps persisted messages per topic, replays them as history on subscribe, and
 * delivers live messages to every subscribed connection.
 */
import { type ServerMessage, ack, batch, decodeClientMessage, ping, welcome } from './fastws.js';
import { LoopbackWsServer, type WsConnection } from './ws-server.js';

const PING_INTERVAL_MS = 10_000;
/** History goes out in batches this small, so the SDK's multi-batch replay (tail batches) is exercised. */
const HISTORY_BATCH_SIZE = 2;

/** Who sends a message the test publishes (a host app or another participant). */
export interface Sender {
  readonly senderId?: string;
  readonly senderName?: string;
}

/** A subscribe the client sent, as recorded for assertions. */
export interface SubscribeRecord {
  readonly topic: string;
  readonly requestId: string;
  readonly oldMessageLimit: number;
  readonly peerId: string;
}

/** The emulated PubSub server of one test. */
export class PubSubServer {
  /** Every subscribe received, in order (including the SDK's own re-subscribes after a reconnect). */
  readonly subscribes: SubscribeRecord[] = [];
  /** Every message published by the page. */
  readonly published: Array<{ readonly topic: string; readonly message: string; readonly persist: boolean }> = [];
  private readonly history = new Map<string, ServerMessage[]>();
  private readonly topicsOf = new Map<WsConnection, Set<string>>();
  private readonly seqOf = new Map<string, number>();
  private sequence = 0;
  private server?: LoopbackWsServer;
  /** While true, new PubSub connections are closed at once (the service is unreachable). */
  refuseConnections = false;

  constructor(private readonly onProtocolError: (detail: string) => void) {}

  async start(): Promise<void> {
    this.server = await LoopbackWsServer.start((connection) => this.accept(connection));
  }

  /** The pubSubUrl the join reply names. */
  url(peerId: string): string {
    if (!this.server) throw new Error('PubSubServer: start() first');
    return `ws://127.0.0.1:${this.server.port}/pubsub?peerId=${encodeURIComponent(peerId)}`;
  }

  /** Connections subscribed to a topic now. */
  subscriberCount(topic: string): number {
    return [...this.topicsOf.values()].filter((topics) => topics.has(topic)).length;
  }

  /** Stores a message as if it had been published with `persist: true` before anyone subscribed. */
  persist(topic: string, message: string, sender: Sender = {}): void {
    this.store(topic, this.make(message, sender));
  }

  /** Publishes a message from outside the page: delivered live to subscribers, stored if persisted. */
  publish(topic: string, message: string, options: Sender & { persist?: boolean } = {}): void {
    const made = this.make(message, options);
    if (options.persist ?? true) this.store(topic, made);
    this.deliver(topic, made);
  }

  /** Closes every PubSub connection (the client reconnects by itself with backoff). */
  dropAll(): void {
    this.server?.dropAll();
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  private accept(connection: WsConnection): void {
    if (this.refuseConnections) return connection.close();
    this.topicsOf.set(connection, new Set());
    connection.send(welcome(PING_INTERVAL_MS));
    let seq = 0;
    const pinger = setInterval(() => connection.send(ping(++seq)), PING_INTERVAL_MS).unref();
    connection.onClose(() => {
      clearInterval(pinger);
      this.topicsOf.delete(connection);
    });
    connection.onMessage((bytes) => this.onMessage(connection, bytes));
  }

  private onMessage(connection: WsConnection, bytes: Uint8Array): void {
    let message;
    try {
      message = decodeClientMessage(bytes);
    } catch (error) {
      return this.onProtocolError(`PubSub frame not readable: ${String(error)}`);
    }
    const topics = this.topicsOf.get(connection);
    switch (message.kind) {
      case 'subscribe': {
        this.subscribes.push({ topic: message.topic, requestId: message.requestId, oldMessageLimit: message.oldMessageLimit, peerId: message.peerId });
        topics?.add(message.topic);
        const all = this.history.get(message.topic) ?? [];
        const limit = message.oldMessageLimit;
        const old = limit < 0 ? all : all.slice(Math.max(0, all.length - limit));
        if (old.length === 0) return connection.send(ack(message.requestId, true));
        for (let i = 0; i < old.length; i += HISTORY_BATCH_SIZE) {
          connection.send(
            batch(message.topic, old.slice(i, i + HISTORY_BATCH_SIZE), {
              history: true,
              isLast: i + HISTORY_BATCH_SIZE >= old.length,
              ...(i === 0 ? { requestId: message.requestId } : {}),
            }),
          );
        }
        return;
      }
      case 'unsubscribe':
        topics?.delete(message.topic);
        return connection.send(ack(message.requestId, true));
      case 'publish': {
        this.published.push({ topic: message.topic, message: message.message, persist: message.persist });
        const made = this.make(message.message, message, message.messageId, message.payload);
        if (message.persist) this.store(message.topic, made);
        connection.send(ack(message.requestId, true, { messageId: made.messageId }));
        return this.deliver(message.topic, made);
      }
      case 'pong':
        return;
      default:
        this.onProtocolError(`PubSub client message with unknown field ${message.field}`);
    }
  }

  private make(message: string, sender: Sender, messageId?: string, payload?: unknown): ServerMessage {
    this.sequence += 1;
    return {
      message,
      timestamp: new Date(Date.now() + this.sequence).toISOString(),
      senderId: sender.senderId ?? 'host-app',
      senderName: sender.senderName ?? 'Host app',
      messageId: messageId || `msg-${this.sequence}`,
      ...(payload !== undefined ? { payload } : {}),
    };
  }

  private store(topic: string, message: ServerMessage): void {
    const list = this.history.get(topic) ?? [];
    list.push({ ...message, persistMsgId: `persist-${message.messageId}` });
    this.history.set(topic, list);
  }

  private deliver(topic: string, message: ServerMessage): void {
    const seqNum = (this.seqOf.get(topic) ?? 0) + 1;
    this.seqOf.set(topic, seqNum);
    for (const [connection, topics] of this.topicsOf) {
      if (topics.has(topic)) connection.send(batch(topic, [{ ...message, seqNum }], { history: false, isLast: true }));
    }
  }
}
