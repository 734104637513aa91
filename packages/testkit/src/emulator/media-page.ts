/**
 * The emulated media server, run in its own page (media-real.ts serves it, compiled): one
 * RTCPeerConnection per SDK recv transport, one sender per consumer. Installs `window.recMediaServer`.
 */
import type { SdkSide } from './media-capture.js';
import { type PageCodec, answerFor, codecOf, sectionsOf, transportCcIdOf, valueOf } from './media-sdp.js';
import { forgetClip, loadClip, playClip, switchClip } from './media-clip.js';
import { type TrackFormats, configureTracks, dropTrack, formatOf, stopTracks, trackOf } from './media-synthetic.js';
import type { MediaKind } from './media.js';

export type { PageCodec } from './media-sdp.js';

/** Our side of a transport, as our offer has it. */
export interface PageTransport {
  readonly ufrag: string;
  readonly pwd: string;
  readonly fingerprint: { algorithm: string; value: string };
  readonly candidates: ReadonlyArray<{ foundation: string; priority: number; address: string; port: number }>;
}

/** A transport's ICE/DTLS state, the bytes sent per open consumer and the estimated bandwidth (bit/s). */
export interface TransportStats {
  readonly connectionState: string;
  readonly bytesSent: Readonly<Record<string, number>>;
  readonly bandwidth: number;
}

/** How a consumer's track goes out: its SSRC, CNAME, codec and transport-cc extension id. */
export interface SentTrack {
  readonly ssrc: number;
  readonly cname: string;
  readonly codec: PageCodec;
  readonly transportCc: number | undefined;
  /** A simulcast camera's spatial layer count (the camera has `layers` clips); absent otherwise. */
  readonly layers?: number;
}

/** How the page sends video: the track formats, and a bandwidth floor for its senders. */
export interface MediaSetup extends Partial<TrackFormats> {
  /** The bandwidth estimate the senders start from and never go below (kbit/s); clips need it, their bytes are not the encoder's. */
  readonly minBitrateKbps?: number;
}

/** What the page offers the Node side. */
export interface MediaServer {
  /** Sets how video is sent (before the first transport; the defaults otherwise). */
  configure(setup: MediaSetup): void;
  codecs(): Promise<{ audio: PageCodec; video: PageCodec; transportCc: number | undefined }>;
  createTransport(id: string): Promise<PageTransport>;
  consume(id: string, consumerId: string, peerId: string, kind: MediaKind, label: string): Promise<SentTrack>;
  setRemote(id: string, remote: SdkSide): Promise<void>;
  release(id: string, consumerId: string): Promise<void>;
  /** Sends spatial layer `layer` (0 = smallest) of a simulcast camera consumer from its next key frame. */
  preferLayer(consumerId: string, layer: number): void;
  stats(id: string): Promise<TransportStats>;
  closeTransport(id: string): void;
  close(): void;
}

const transports = new Map<string, Transport>();
let minBitrateKbps: number | undefined;

interface Transport {
  readonly pc: RTCPeerConnection;
  /** One sender per consumer: mediasoup gives every consumer its own SSRC, and the SDK relies on it. */
  readonly senders: Map<string, RTCRtpTransceiver>;
  remote: SdkSide | null;
  queue: Promise<unknown>;
}

/** Limits a transceiver to one codec (Opus or VP8) so the SDP and the consumer's parameters stay small. */
function preferCodec(transceiver: RTCRtpTransceiver, kind: 'audio' | 'video'): void {
  const mimeType = kind === 'audio' ? 'audio/opus' : 'video/VP8';
  transceiver.setCodecPreferences((RTCRtpReceiver.getCapabilities(kind)?.codecs ?? []).filter((c) => c.mimeType === mimeType));
}

/** Runs `step` after every earlier step on the same transport: offers and answers must not interleave. */
function serially<T>(transport: Transport, step: () => Promise<T>): Promise<T> {
  const run = transport.queue.then(step);
  transport.queue = run.catch(() => undefined);
  return run;
}

/** A new offer for the current senders, answered at once if the SDK's side is known. */
async function negotiate(transport: Transport): Promise<void> {
  await transport.pc.setLocalDescription(await transport.pc.createOffer());
  await applyAnswer(transport);
}

/** Answers our pending offer once the SDK's side is known (before that, offers just pile up). */
async function applyAnswer(transport: Transport): Promise<void> {
  const offer = transport.pc.localDescription;
  if (!transport.remote || !offer || transport.pc.signalingState !== 'have-local-offer') return;
  await transport.pc.setRemoteDescription({ type: 'answer', sdp: answerFor(offer.sdp, transport.remote, minBitrateKbps) });
}

function gathered(pc: RTCPeerConnection): Promise<void> {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    setTimeout(resolve, 3000);
  });
}

/** Whether any open consumer, on any transport, still sends `track`. */
function sentAnywhere(track: MediaStreamTrack): boolean {
  for (const transport of transports.values()) {
    for (const transceiver of transport.senders.values()) if (transceiver.sender.track === track) return true;
  }
  return false;
}

/** After a consumer's sender is gone: its clip state goes, and its track too once nothing else sends it. */
function retire(consumerId: string, transceiver: RTCRtpTransceiver): void {
  forgetClip(consumerId);
  const track = transceiver.sender.track;
  if (track && !sentAnywhere(track)) dropTrack(track);
}

/** The clip name of a camera's lower simulcast layer (the top layer is the camera clip, `video`). */
const layerClip = (layer: number) => `video@${layer}`;

/** How many spatial layers the camera has: its lower-layer clips and the camera clip itself. */
function simulcastLayers(): number {
  const { clip, layers } = formatOf('video');
  return clip && layers?.length ? layers.length + 1 : 0;
}

function transportOf(id: string): Transport {
  const transport = transports.get(id);
  if (!transport) throw new Error(`media page: no transport ${id}`);
  return transport;
}

const server: MediaServer = {
  configure(setup) {
    const { minBitrateKbps: floor, ...formats } = setup;
    configureTracks(formats);
    minBitrateKbps = floor;
    for (const kind of ['video', 'share'] as const) {
      const clip = formatOf(kind).clip;
      if (clip) loadClip(kind, clip);
    }
    (formatOf('video').layers ?? []).forEach((clip, layer) => loadClip(layerClip(layer), clip));
  },

  async codecs() {
    const pc = new RTCPeerConnection();
    preferCodec(pc.addTransceiver('audio', { direction: 'sendonly' }), 'audio');
    preferCodec(pc.addTransceiver('video', { direction: 'sendonly' }), 'video');
    const { media } = sectionsOf((await pc.createOffer()).sdp ?? '');
    pc.close();
    return { audio: codecOf(media[0] ?? [], 'audio'), video: codecOf(media[1] ?? [], 'video'), transportCc: transportCcIdOf(media[1] ?? []) };
  },

  async createTransport(id) {
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    // A track-less first section anchors the BUNDLE group and carries ICE before any peer is consumed.
    preferCodec(pc.addTransceiver('audio', { direction: 'sendonly' }), 'audio');
    transports.set(id, { pc, senders: new Map(), remote: null, queue: Promise.resolve() });
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    const { session, media } = sectionsOf(pc.localDescription?.sdp ?? '');
    const first = media[0] ?? [];
    const candidates = first
      .filter((l) => l.startsWith('a=candidate:'))
      .map((l) => l.slice('a=candidate:'.length).split(' '))
      .filter((f) => f[2]?.toLowerCase() === 'udp' && f[7] === 'host')
      .map((f) => ({ foundation: f[0] ?? '', priority: Number(f[3]), address: f[4] ?? '', port: Number(f[5]) }));
    const [algorithm, value] = (valueOf(first, 'a=fingerprint:') ?? valueOf(session, 'a=fingerprint:') ?? '').split(' ');
    return {
      ufrag: valueOf(first, 'a=ice-ufrag:') ?? '',
      pwd: valueOf(first, 'a=ice-pwd:') ?? '',
      fingerprint: { algorithm: algorithm ?? '', value: value ?? '' },
      candidates,
    };
  },

  consume(id, consumerId, peerId, kind, label) {
    const transport = transportOf(id);
    return serially(transport, async () => {
      const track = trackOf(peerId, kind, label);
      const transceiver = transport.pc.addTransceiver(track, { direction: 'sendonly', streams: [new MediaStream([track])] });
      preferCodec(transceiver, track.kind === 'audio' ? 'audio' : 'video');
      if ((kind === 'video' || kind === 'share') && formatOf(kind).clip) playClip(transceiver.sender, kind, consumerId);
      transport.senders.set(consumerId, transceiver);
      await negotiate(transport);
      const mid = transceiver.mid;
      const section = sectionsOf(transport.pc.localDescription?.sdp ?? '').media.find((s) => valueOf(s, 'a=mid:') === mid);
      const [, ssrc, cname] = /^a=ssrc:(\d+) cname:(\S+)/m.exec(section?.join('\n') ?? '') ?? [];
      if (!section || !ssrc || !cname) throw new Error(`media page: no SSRC for ${peerId}/${kind} in our offer`);
      const layers = kind === 'video' ? simulcastLayers() : 0;
      return { ssrc: Number(ssrc), cname, codec: codecOf(section, track.kind), transportCc: transportCcIdOf(section), ...(layers > 1 ? { layers } : {}) };
    });
  },

  setRemote(id, remote) {
    const transport = transportOf(id);
    return serially(transport, async () => {
      transport.remote = remote;
      await applyAnswer(transport);
    });
  },

  release(id, consumerId) {
    const transport = transportOf(id);
    return serially(transport, async () => {
      const transceiver = transport.senders.get(consumerId);
      if (!transceiver) return;
      transport.senders.delete(consumerId);
      // Stopped, its section is rejected in our next offer (and may be recycled), so the SDP stays small.
      transceiver.stop();
      retire(consumerId, transceiver);
      await negotiate(transport);
    });
  },

  preferLayer(consumerId, layer) {
    const top = simulcastLayers() - 1;
    if (top > 0) switchClip(consumerId, layer >= top ? 'video' : layerClip(layer));
  },

  async stats(id) {
    const transport = transportOf(id);
    const bytesSent: Record<string, number> = {};
    const report = await transport.pc.getStats();
    for (const [consumerId, transceiver] of transport.senders) {
      report.forEach((stat: { type: string; mid?: string; bytesSent?: number }) => {
        if (stat.type === 'outbound-rtp' && stat.mid === transceiver.mid) bytesSent[consumerId] = stat.bytesSent ?? 0;
      });
    }
    let bandwidth = 0;
    report.forEach((stat: { type: string; nominated?: boolean; availableOutgoingBitrate?: number }) => {
      if (stat.type === 'candidate-pair' && stat.nominated) bandwidth = Math.max(bandwidth, stat.availableOutgoingBitrate ?? 0);
    });
    return { connectionState: transport.pc.connectionState, bytesSent, bandwidth };
  },

  closeTransport(id) {
    const transport = transports.get(id);
    if (!transport) return;
    transport.pc.close();
    transports.delete(id);
    for (const [consumerId, transceiver] of transport.senders) retire(consumerId, transceiver);
  },

  close() {
    for (const id of transports.keys()) server.closeTransport(id);
    stopTracks();
  },
};

Object.assign(window, { recMediaServer: server });
