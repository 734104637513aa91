/**
 * The server end of one socket.io connection (socket.io protocol 5 over engine.io 4, websocket
 * transport, JSON text frames) on a Playwright WebSocketRoute: the handshake, pings, events and acks.
 */
import type { WebSocketRoute } from 'playwright';

/** engine.io's ping cadence we announce; the client closes the socket if pings stop for their sum. */
const PING_INTERVAL_MS = 10_000;
const PING_TIMEOUT_MS = 20_000;

/** An event the client emitted; `ack` answers it when the client asked for an answer. */
export interface ClientEvent {
  readonly name: string;
  readonly args: readonly unknown[];
  readonly ack?: (...args: unknown[]) => void;
}

/** What the connection reports to its owner. */
export interface SocketIoHandlers {
  /** The client joined the default namespace: the server may emit from now on. */
  onConnect(): void;
  onEvent(event: ClientEvent): void;
  onClose(): void;
  /** A frame this server cannot read: the protocol changed. */
  onProtocolError(detail: string): void;
}

/** One decoded socket.io packet (engine.io message type 4). */
interface Packet {
  readonly type: number;
  readonly ackId?: number;
  readonly data?: unknown;
}

/** Parses `<type>[/nsp,][ackId][json]`, the socket.io text encoding. */
function parsePacket(text: string): Packet | null {
  const match = /^(\d)(?:\/[^,]*,)?(\d*)([\s\S]*)$/.exec(text);
  if (!match) return null;
  const [, type, ackId, json] = match;
  try {
    return {
      type: Number(type),
      ...(ackId ? { ackId: Number(ackId) } : {}),
      ...(json ? { data: JSON.parse(json) as unknown } : {}),
    };
  } catch {
    return null;
  }
}

/** The server side of one socket.io client connection. */
export class SocketIoServer {
  private nextAckId = 0;
  private readonly pendingAcks = new Map<number, { resolve: (args: readonly unknown[]) => void; reject: (error: Error) => void }>();
  private pingTimer?: ReturnType<typeof setInterval>;
  private closed = false;
  private connected = false;
  private readonly sid = `sid-${Math.random().toString(36).slice(2, 10)}`;

  constructor(
    private readonly ws: WebSocketRoute,
    private readonly handlers: SocketIoHandlers,
  ) {
    ws.onMessage((message) => this.onFrame(typeof message === 'string' ? message : message.toString('utf8')));
    ws.onClose(() => this.onClosed());
  }

  /** Sends engine.io's open packet: the client then connects to the default namespace. */
  open(): void {
    this.send(`0${JSON.stringify({ sid: this.sid, upgrades: [], pingInterval: PING_INTERVAL_MS, pingTimeout: PING_TIMEOUT_MS, maxPayload: 1_000_000 })}`);
    // Unref'd: when the page goes without a close (its browser closed), the ping must not keep Node alive.
    this.pingTimer = setInterval(() => this.send('2'), PING_INTERVAL_MS).unref();
  }

  get isConnected(): boolean {
    return this.connected && !this.closed;
  }

  /** Emits an event without asking for an answer. */
  emit(name: string, ...args: unknown[]): void {
    this.send(`42${JSON.stringify([name, ...args])}`);
  }

  /** Emits an event the client answers (its ack arguments), or rejects if the socket closes first. */
  emitWithAck(name: string, ...args: unknown[]): Promise<readonly unknown[]> {
    const id = this.nextAckId++;
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error(`socket closed before ${name}`));
        return;
      }
      this.pendingAcks.set(id, { resolve, reject });
      this.send(`42${id}${JSON.stringify([name, ...args])}`);
    });
  }

  /** Closes the websocket from the server side: to the client, a dropped transport. */
  async drop(): Promise<void> {
    if (this.closed) return;
    await this.ws.close();
    this.onClosed();
  }

  private send(frame: string): void {
    if (this.closed) return;
    this.ws.send(frame);
  }

  private onFrame(frame: string): void {
    const kind = frame[0];
    const body = frame.slice(1);
    if (kind === '3') return; // pong
    if (kind === '2') return this.send(`3${body}`);
    if (kind === '1') return void this.drop();
    if (kind !== '4') return this.handlers.onProtocolError(`engine.io frame of type ${kind ?? '(empty)'}: ${frame.slice(0, 80)}`);
    const packet = parsePacket(body);
    if (!packet) return this.handlers.onProtocolError(`unreadable socket.io packet: ${frame.slice(0, 80)}`);
    switch (packet.type) {
      case 0: // CONNECT to the default namespace
        this.connected = true;
        this.send(`40${JSON.stringify({ sid: this.sid })}`);
        this.handlers.onConnect();
        return;
      case 1: // DISCONNECT
        void this.drop();
        return;
      case 2: // EVENT
        return this.onEvent(packet);
      case 3: {
        // ACK
        const pending = packet.ackId === undefined ? undefined : this.pendingAcks.get(packet.ackId);
        if (!pending || !Array.isArray(packet.data)) {
          return this.handlers.onProtocolError(`ack without a pending event: ${frame.slice(0, 80)}`);
        }
        this.pendingAcks.delete(packet.ackId!);
        pending.resolve(packet.data);
        return;
      }
      default:
        this.handlers.onProtocolError(`socket.io packet of type ${packet.type}: ${frame.slice(0, 80)}`);
    }
  }

  private onEvent(packet: Packet): void {
    if (!Array.isArray(packet.data) || typeof packet.data[0] !== 'string') {
      return this.handlers.onProtocolError(`event without a name: ${JSON.stringify(packet.data).slice(0, 80)}`);
    }
    const [name, ...args] = packet.data as [string, ...unknown[]];
    const ackId = packet.ackId;
    const ack = ackId === undefined ? undefined : (...reply: unknown[]) => this.send(`43${ackId}${JSON.stringify(reply)}`);
    this.handlers.onEvent({ name, args, ...(ack ? { ack } : {}) });
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.connected = false;
    clearInterval(this.pingTimer);
    for (const pending of this.pendingAcks.values()) pending.reject(new Error('socket closed before the client answered'));
    this.pendingAcks.clear();
    this.handlers.onClose();
  }
}
