/**
 * One signalling session: the server's side of one socket.io connection from the SDK. It answers
 * the SDK's requests (entry, router capabilities, transports, join, consumption), and keeps the
 * consumers it pushed in line with what each peer sends and what the recorder asked to receive.
 */
import type { ConsumerInfo, MediaBackend, MediaKind } from './media.js';
import { type Peer, isSendingMode, mediaOnStates, sdkPeer } from './room.js';
import type { ClientEvent, SocketIoServer } from './socket-io.js';

/** How the emulated server answers the SDK's `requestEntry`. */
export type EntryBehaviour =
  | 'allow'
  /** The request fails (an error ack): the SDK rejects join() with 3047 (videosdk.js 14607). */
  | 'refuse'
  /** Acked, then `entryResponded` says denied: the SDK never joins and emits nothing else. */
  | 'deny';

/** What the session needs from the emulator that owns it. */
export interface SessionHost {
  readonly peers: ReadonlyMap<string, Peer>;
  readonly pins: ReadonlyMap<string, { cam: boolean; share: boolean }>;
  readonly speakerId: string | null;
  readonly media: MediaBackend;
  readonly recorderId: string;
  readonly entry: EntryBehaviour;
  /** When false the server never answers `join` (a join that times out). */
  readonly answerJoin: boolean;
  pubSubUrl(): string;
  record(method: string, data: Record<string, unknown>): void;
  protocolError(detail: string): void;
}

/** Acked with an empty object: the SDK only needs these to succeed. */
const ACKNOWLEDGED = new Set([
  'setConsumerPriority',
  'pauseConsumer',
  'resumeConsumer',
  'requestConsumerKeyFrame',
  'definePeerLeftReason',
]);

const CONSUMED_KINDS: readonly MediaKind[] = ['video', 'audio', 'share'];

/** The server side of one SDK connection. */
export class SignallingSession {
  joined = false;
  /** Peers whose camera / mic the recorder asked for (consume… minus stopConsuming… requests). */
  readonly wantVideo = new Set<string>();
  readonly wantAudio = new Set<string>();
  private recvTransportId?: string;
  private readonly consumers = new Map<string, ConsumerInfo>();
  /** The spatial layer each simulcast consumer sends now, by consumer id (the top one until the SDK prefers another). */
  private readonly layers = new Map<string, number>();
  private readonly opening = new Set<string>();

  constructor(
    readonly io: SocketIoServer,
    private readonly host: SessionHost,
  ) {}

  /** A `notification` push: `{method, ...payload}` (the SDK reads the fields flat, 13675). */
  notify(method: string, payload: Record<string, unknown>): void {
    this.io.emit('notification', { method, ...payload });
  }

  /** Several notifications in one `batchNotification` push (the SDK asks for batching on join). */
  notifyBatch(notifications: ReadonlyArray<Record<string, unknown>>): void {
    if (notifications.length > 0) this.io.emit('batchNotification', { notifications });
  }

  /** Makes the pushed consumers of a peer match what it sends and what the recorder wants. */
  syncMedia(peer: Peer | undefined, peerId = peer?.id): void {
    if (!peerId) return;
    for (const kind of CONSUMED_KINDS) {
      const key = `${peerId}:${kind}`;
      const should = this.shouldConsume(peer, kind);
      if (should && !this.consumers.has(key) && !this.opening.has(key)) void this.openConsumer(peerId, kind, key);
      else if (!should && this.consumers.has(key)) this.closeConsumer(key);
    }
  }

  /** The consumers currently pushed to the SDK, as `peerId:kind` keys. */
  consumerKeys(): string[] {
    return [...this.consumers.keys()].sort();
  }

  /** The spatial layer of each simulcast camera pushed now, as `peerId` → layer (0 = smallest). */
  cameraLayers(): Map<string, number> {
    const layers = new Map<string, number>();
    for (const [key, info] of this.consumers) {
      const [peerId = '', kind] = key.split(':');
      if (kind === 'video' && info.simulcast) layers.set(peerId, this.layers.get(info.id) ?? info.simulcast.layers - 1);
    }
    return layers;
  }

  onEvent(event: ClientEvent): void {
    if (event.name !== 'request') return this.host.protocolError(`unexpected client event ${event.name}`);
    const request = event.args[0] as { method?: unknown; data?: unknown } | undefined;
    const method = typeof request?.method === 'string' ? request.method : '(none)';
    const data = (typeof request?.data === 'object' && request.data !== null ? request.data : {}) as Record<string, unknown>;
    this.host.record(method, data);
    const ack = event.ack ?? (() => this.host.protocolError(`request ${method} without an ack`));
    this.answer(method, data).then(
      (reply) => {
        if (reply !== undefined) ack(reply);
      },
      (error: unknown) => ack({ error: String(error) }),
    );
  }

  private shouldConsume(peer: Peer | undefined, kind: MediaKind): boolean {
    if (!peer || !this.joined || !this.recvTransportId || !isSendingMode(peer.mode)) return false;
    if (kind === 'video') return peer.webcam && this.wantVideo.has(peer.id);
    if (kind === 'audio') return peer.mic && this.wantAudio.has(peer.id);
    // A share has no consume request in the SDK: the server pushes it to every receiver (see SDK-FACTS.md).
    return peer.share;
  }

  /** The ack for one request (`{data}` resolves the SDK's promise, `{error}` rejects it); undefined: no ack. */
  private async answer(method: string, data: Record<string, unknown>): Promise<unknown> {
    const host = this.host;
    const peerId = typeof data['peerId'] === 'string' ? data['peerId'] : '';
    switch (method) {
      case 'requestEntry':
        if (host.entry === 'refuse') return { error: 'entry refused by the emulated server' };
        setTimeout(() =>
          this.notify('entryResponded', {
            id: host.recorderId,
            decision: host.entry === 'allow' ? 'allowed' : 'denied',
            sessionId: 'emulated-session',
          }),
        );
        return { data: {} };
      case 'getRouterRtpCapabilities':
        return { data: host.media.routerRtpCapabilities() };
      case 'createWebRtcTransport': {
        const transport = await host.media.createTransport(data['producing'] === true ? 'send' : 'recv');
        if (data['consuming'] === true) this.recvTransportId = transport.id;
        return { data: transport };
      }
      case 'connectWebRtcTransport':
        await host.media.connectTransport(String(data['transportId']), (data['dtlsParameters'] ?? {}) as Record<string, unknown>);
        return { data: {} };
      case 'join':
        if (!host.answerJoin) return undefined;
        setTimeout(() => this.afterJoin());
        return {
          data: {
            peers: [...host.peers.values()].map(sdkPeer),
            messages: [],
            pubSubUrl: host.pubSubUrl(),
            unsupportedCodecs: [],
          },
        };
      case 'consumeVideoStreams':
      case 'stopConsumingVideoStreams':
      case 'consumeAudioStreams':
      case 'stopConsumingAudioStreams': {
        const wants = method.includes('Video') ? this.wantVideo : this.wantAudio;
        if (method.startsWith('consume')) wants.add(peerId);
        else wants.delete(peerId);
        setTimeout(() => this.syncMedia(host.peers.get(peerId), peerId));
        return { data: {} };
      }
      case 'setConsumerPreferredLayers':
        this.preferLayers(data);
        return { data: {} };
      case 'restartIce':
        return { data: { usernameFragment: `restart${Date.now()}`, password: 'emulatedIceRestartPassword0123456789', iceLite: true } };
      default:
        if (ACKNOWLEDGED.has(method)) return { data: {} };
        host.protocolError(`request ${method} ${JSON.stringify(data).slice(0, 120)} is not part of the emulated protocol`);
        return { error: `${method} is not emulated` };
    }
  }

  /**
   * After the join reply: what the SDK cannot learn from `peers` (its Participants start with every
   * flag false), pushed as one batch; then pins, the speaker, and the shares.
   */
  private afterJoin(): void {
    this.joined = true;
    const states = [...this.host.peers.values()].flatMap(mediaOnStates);
    this.notifyBatch(states.map((state) => ({ method: 'participantMediaStateChanged', ...state })));
    for (const [id, state] of this.host.pins) void this.io.emitWithAck('pinStateChanged', { peerId: id, state, pinnedBy: 'host-app' }).catch(() => undefined);
    if (this.host.speakerId) this.notify('activeSpeaker', { peerId: this.host.speakerId });
    for (const peer of this.host.peers.values()) this.syncMedia(peer);
  }

  private async openConsumer(peerId: string, kind: MediaKind, key: string): Promise<void> {
    this.opening.add(key);
    try {
      const info = await this.host.media.consumer(this.recvTransportId!, peerId, kind);
      if (!this.io.isConnected) return;
      this.consumers.set(key, info);
      const share = kind === 'share' || kind === 'shareAudio';
      // The SDK answers once its consumer exists (12970); a consumer it could not build is never acked.
      void this.io
        .emitWithAck('newConsumer', {
          peerId,
          producerId: info.producerId,
          id: info.id,
          kind: info.kind,
          rtpParameters: withScalabilityMode(info),
          type: info.simulcast ? 'simulcast' : 'simple',
          appData: share ? { share: true } : simulcastAppData(info),
          producerPaused: false,
        })
        .catch(() => undefined);
    } finally {
      this.opening.delete(key);
    }
    // The peer or the recorder may have changed its mind while the consumer was being made.
    this.syncMedia(this.host.peers.get(peerId), peerId);
  }

  /**
   * The SDK's layer preference (setQuality, setViewPort): a simulcast consumer switches to that
   * spatial layer and the server says so, as mediasoup's `layerschange` would (emulator assumption:
   * the SFU forwards the preferred layer whatever the bandwidth; temporal layers are not emulated).
   */
  private preferLayers(data: Record<string, unknown>): void {
    const info = [...this.consumers.values()].find((c) => c.id === data['consumerId']);
    const requested = data['spatialLayer'];
    if (!info?.simulcast || typeof requested !== 'number') return;
    const spatialLayer = Math.min(Math.max(0, Math.round(requested)), info.simulcast.layers - 1);
    this.layers.set(info.id, spatialLayer);
    this.host.media.preferLayer?.(info.id, spatialLayer);
    this.notify('consumerLayersChanged', { consumerId: info.id, spatialLayer, temporalLayer: 0 });
  }

  private closeConsumer(key: string): void {
    const info = this.consumers.get(key);
    if (!info) return;
    this.consumers.delete(key);
    this.layers.delete(info.id);
    this.host.media.consumerClosed(info.id);
    this.notify('consumerClosed', { consumerId: info.id });
  }
}

/**
 * A simulcast consumer is one stream to the SDK: mediasoup marks its encoding with a scalability
 * mode, from which the SDK learns how many layers it may choose from (temporal ones not emulated).
 */
function withScalabilityMode(info: ConsumerInfo): Record<string, unknown> {
  if (!info.simulcast) return info.rtpParameters;
  const encodings = (info.rtpParameters['encodings'] as Array<Record<string, unknown>> | undefined) ?? [];
  const [first, ...rest] = encodings;
  return { ...info.rtpParameters, encodings: [{ ...first, scalabilityMode: `S${info.simulcast.layers}T1` }, ...rest] };
}

/**
 * What the server passes on from a simulcast webcam's producer: its size and encodings, as the SDK's
 * enableWebcam() sends them (WEBCAM_SIMULCAST_ENCODINGS.hd: ¼, ½, full). The SDK's setViewPort picks
 * its layer from them (getAdaptivePrefferedLayers).
 */
function simulcastAppData(info: ConsumerInfo): Record<string, unknown> {
  if (!info.simulcast) return {};
  const { width, height, layers } = info.simulcast;
  const encodings = Array.from({ length: layers }, (_, i) => ({ scaleResolutionDownBy: 2 ** (layers - 1 - i) }));
  return { width, height, encodings };
}
