/**
 * The SDK's PubSub wire format (`fastws`, protobuf; field numbers from the bundle's generated
 * `fastws.pb.js`, videosdk.js lines 56923-62300), encoded and decoded by hand for the few messages
 * the emulator exchanges: the client's subscribe/unsubscribe/publish/pong, the server's
 * welcome/ping/ack/batch.
 */

/** A message as the server sends it inside a batch. */
export interface ServerMessage {
  readonly message: string;
  readonly payload?: unknown;
  readonly timestamp: string;
  readonly senderId: string;
  readonly senderName: string;
  readonly messageId: string;
  readonly persistMsgId?: string;
  readonly seqNum?: number;
}

/** What the client sent, decoded. */
export type ClientMessage =
  | {
      readonly kind: 'subscribe';
      readonly topic: string;
      readonly peerId: string;
      readonly oldMessageLimit: number;
      readonly requestId: string;
    }
  | { readonly kind: 'unsubscribe'; readonly topic: string; readonly requestId: string }
  | {
      readonly kind: 'publish';
      readonly topic: string;
      readonly message: string;
      readonly payload?: unknown;
      readonly senderId: string;
      readonly senderName: string;
      readonly persist: boolean;
      readonly messageId: string;
      readonly timestamp: string;
      readonly requestId: string;
    }
  | { readonly kind: 'pong'; readonly seq: number }
  | { readonly kind: 'unknown'; readonly field: number };

// Writing

class Writer {
  private readonly bytes: number[] = [];

  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.bytes.push(Number(v));
    return this;
  }

  bytesField(field: number, value: Uint8Array): this {
    this.varint((field << 3) | 2).varint(value.length);
    for (const byte of value) this.bytes.push(byte);
    return this;
  }

  string(field: number, value: string | undefined): this {
    return value ? this.bytesField(field, new TextEncoder().encode(value)) : this;
  }

  uint(field: number, value: number | undefined): this {
    return value ? this.varint(field << 3).varint(value) : this;
  }

  bool(field: number, value: boolean | undefined): this {
    return value ? this.varint(field << 3).varint(1) : this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function encodeServerMessage(m: ServerMessage): Uint8Array {
  const writer = new Writer().string(1, m.message);
  if (m.payload !== undefined) writer.bytesField(2, new TextEncoder().encode(JSON.stringify(m.payload)));
  return writer
    .string(3, m.timestamp)
    .string(4, m.senderId)
    .string(5, m.senderName)
    .string(6, m.persistMsgId)
    .string(7, m.messageId)
    .uint(9, m.seqNum)
    .finish();
}

/** ServerEnvelope.welcome (field 3): the ping interval the client's watchdog doubles. */
export function welcome(pingIntervalMs: number): Uint8Array {
  return new Writer().bytesField(3, new Writer().uint(1, pingIntervalMs).finish()).finish();
}

/** ServerEnvelope.ping (field 4); the client answers with a pong. */
export function ping(seq: number): Uint8Array {
  return new Writer().bytesField(4, new Writer().uint(1, seq).finish()).finish();
}

/** ServerEnvelope.ack (field 2): settles the client's request `requestId`. */
export function ack(requestId: string, ok: boolean, extra: { error?: string; messageId?: string } = {}): Uint8Array {
  const body = new Writer().string(1, requestId).bool(2, ok).string(3, extra.error).string(4, extra.messageId).finish();
  return new Writer().bytesField(2, body).finish();
}

/**
 * ServerEnvelope.batch (field 1). `old-messages` batches are history: the first one carries the
 * subscribe's requestId and doubles as its answer (no ack), the last one has isLast.
 */
export function batch(
  topic: string,
  messages: readonly ServerMessage[],
  options: { history: boolean; isLast: boolean; requestId?: string },
): Uint8Array {
  const body = new Writer().string(1, topic);
  for (const m of messages) body.bytesField(2, encodeServerMessage(m));
  body.string(3, options.history ? 'old-messages' : 'live').bool(6, options.isLast).string(8, options.requestId);
  return new Writer().bytesField(1, body.finish()).finish();
}

// Reading

type FieldValue = bigint | Uint8Array;

/** Splits one protobuf message into its fields (varints as bigint, length-delimited as bytes). */
function readFields(bytes: Uint8Array): Map<number, FieldValue[]> {
  const fields = new Map<number, FieldValue[]>();
  let offset = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new Error('fastws: truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (offset < bytes.length) {
    const tag = Number(varint());
    const field = tag >> 3;
    const wire = tag & 7;
    let value: FieldValue;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const length = Number(varint());
      value = bytes.subarray(offset, offset + length);
      offset += length;
    } else throw new Error(`fastws: unsupported wire type ${wire} in field ${field}`);
    const list = fields.get(field) ?? [];
    list.push(value);
    fields.set(field, list);
  }
  return fields;
}

function text(fields: Map<number, FieldValue[]>, field: number): string {
  const value = fields.get(field)?.[0];
  return value instanceof Uint8Array ? new TextDecoder().decode(value) : '';
}

function integer(fields: Map<number, FieldValue[]>, field: number): number {
  const value = fields.get(field)?.[0];
  // int32 fields are sign-extended to 64 bits on the wire (oldMessageLimit -1 = "all history").
  return typeof value === 'bigint' ? Number(BigInt.asIntN(64, value)) : 0;
}

function json(fields: Map<number, FieldValue[]>, field: number): unknown {
  const value = fields.get(field)?.[0];
  if (!(value instanceof Uint8Array) || value.length === 0) return undefined;
  return JSON.parse(new TextDecoder().decode(value)) as unknown;
}

/** Decodes a ClientMessage (oneof: 1 subscribe, 2 unsubscribe, 3 publish, 4 getHistory, 5 pong). */
export function decodeClientMessage(bytes: Uint8Array): ClientMessage {
  const outer = readFields(bytes);
  const [field, values] = [...outer][0] ?? [0, []];
  const inner = values[0] instanceof Uint8Array ? readFields(values[0]) : new Map<number, FieldValue[]>();
  switch (field) {
    case 1:
      return { kind: 'subscribe', topic: text(inner, 1), peerId: text(inner, 2), oldMessageLimit: integer(inner, 3), requestId: text(inner, 6) };
    case 2:
      return { kind: 'unsubscribe', topic: text(inner, 1), requestId: text(inner, 2) };
    case 3:
      return {
        kind: 'publish',
        topic: text(inner, 1),
        payload: json(inner, 2),
        message: text(inner, 3),
        timestamp: text(inner, 5),
        senderId: text(inner, 6),
        senderName: text(inner, 7),
        persist: integer(inner, 8) === 1,
        messageId: text(inner, 9),
        requestId: text(inner, 10),
      };
    case 5:
      return { kind: 'pong', seq: integer(inner, 1) };
    default:
      return { kind: 'unknown', field };
  }
}
