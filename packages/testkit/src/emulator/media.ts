// The seam between the emulated server's signalling and its media backend (EMULATOR.md, issue 11).
/** What a transport looks like to the SDK: the reply to createWebRtcTransport. */
export interface TransportInfo {
  readonly id: string;
  readonly iceParameters: { usernameFragment: string; password: string; iceLite?: boolean };
  readonly iceCandidates: ReadonlyArray<Record<string, unknown>>;
  readonly dtlsParameters: { role?: string; fingerprints: ReadonlyArray<{ algorithm: string; value: string }> };
  readonly sctpParameters?: Record<string, unknown>;
}
/** One track of one emulated peer. */
export type MediaKind = 'video' | 'audio' | 'share' | 'shareAudio';
/** What the SDK needs to consume a track: the fields of a `newConsumer` push. */
export interface ConsumerInfo {
  readonly id: string;
  readonly producerId: string;
  readonly kind: 'audio' | 'video';
  readonly rtpParameters: Record<string, unknown>;
  /** A simulcast camera: its full size and how many spatial layers it has (each half the next). */
  readonly simulcast?: { readonly width: number; readonly height: number; readonly layers: number };
}
/** The media side of the emulated server. */
export interface MediaBackend {
  /** The reply to getRouterRtpCapabilities (payload types must match what the backend sends). */
  routerRtpCapabilities(): Record<string, unknown>;
  /** A new transport for the SDK (called on each createWebRtcTransport, incl. after a re-join). */
  createTransport(direction: 'send' | 'recv'): Promise<TransportInfo>;
  /** The SDK's connectWebRtcTransport request (its DTLS parameters). */
  connectTransport(transportId: string, dtlsParameters: Record<string, unknown>): Promise<void>;
  /** Parameters for a newConsumer push of `peerId`'s `kind` track on the recv transport. */
  consumer(transportId: string, peerId: string, kind: MediaKind): Promise<ConsumerInfo>;
  /** A consumer the emulator closed (consumerClosed push or stop request). */
  consumerClosed(consumerId: string): void;
  /** The SDK prefers spatial layer `layer` (0 = smallest) of a simulcast consumer: send that one from now on. */
  preferLayer?(consumerId: string, layer: number): void;
  close(): Promise<void>;
}
