/**
 * A minimal RFC 6455 WebSocket server on 127.0.0.1 (node:http upgrade): enough for the SDK's PubSub
 * worker, whose socket Playwright's routeWebSocket cannot see. Binary and text messages, fragments,
 * ping and close; no extensions.
 */
import { createHash } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** One accepted client. */
export interface WsConnection {
  /** The request path and query the client opened. */
  readonly path: string;
  send(data: Uint8Array): void;
  /** Closes the connection (a close frame, then the TCP end). */
  close(): void;
  onMessage(handler: (data: Uint8Array) => void): void;
  onClose(handler: () => void): void;
}

function frame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

class Connection implements WsConnection {
  private buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private messageHandlers: Array<(data: Uint8Array) => void> = [];
  private closeHandlers: Array<() => void> = [];
  private closed = false;

  constructor(
    readonly path: string,
    private readonly socket: Duplex,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.onClosed());
    socket.on('error', () => this.onClosed());
  }

  send(data: Uint8Array): void {
    if (!this.closed) this.socket.write(frame(0x2, data));
  }

  close(): void {
    if (this.closed) return;
    this.socket.write(frame(0x8, Buffer.from([0x03, 0xe8])));
    this.socket.end();
    this.onClosed();
  }

  onMessage(handler: (data: Uint8Array) => void): void {
    this.messageHandlers.push(handler);
  }

  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const first = this.buffer[0]!;
      const second = this.buffer[1]!;
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (second & 0x80) !== 0;
      const end = offset + (masked ? 4 : 0) + length;
      if (this.buffer.length < end) return;
      const payload = Buffer.from(this.buffer.subarray(end - length, end));
      if (masked) {
        const mask = this.buffer.subarray(offset, offset + 4);
        for (let i = 0; i < payload.length; i += 1) payload[i]! ^= mask[i % 4]!;
      }
      this.buffer = this.buffer.subarray(end);
      this.onFrame(first & 0x0f, (first & 0x80) !== 0, payload);
    }
  }

  private onFrame(opcode: number, fin: boolean, payload: Buffer): void {
    if (opcode === 0x8) return this.close();
    if (opcode === 0x9) return void this.socket.write(frame(0xa, payload));
    if (opcode === 0xa) return;
    this.fragments.push(payload);
    if (!fin) return;
    const message = Buffer.concat(this.fragments);
    this.fragments = [];
    for (const handler of this.messageHandlers) handler(new Uint8Array(message));
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    for (const handler of this.closeHandlers) handler();
  }
}

/** A WebSocket server on an ephemeral loopback port. */
export class LoopbackWsServer {
  private readonly connections = new Set<WsConnection>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Starts listening; `onConnection` gets every client that completes the handshake. */
  static async start(onConnection: (connection: WsConnection) => void): Promise<LoopbackWsServer> {
    const server = createServer((request, response) => response.writeHead(426).end());
    const started = await new Promise<LoopbackWsServer>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(new LoopbackWsServer(server, (server.address() as AddressInfo).port)));
    });
    server.on('upgrade', (request, socket) => {
      const key = request.headers['sec-websocket-key'];
      if (typeof key !== 'string') return void socket.destroy();
      const accept = createHash('sha1').update(key + ACCEPT_GUID).digest('base64');
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      const connection = new Connection(request.url ?? '/', socket);
      started.connections.add(connection);
      connection.onClose(() => started.connections.delete(connection));
      onConnection(connection);
    });
    return started;
  }

  /** Closes every client connection (as a server restart would) without stopping the server. */
  dropAll(): void {
    for (const connection of [...this.connections]) connection.close();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
