// The real-media backend: a second page's RTCPeerConnections play mediasoup's server for the SDK's recv transports.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import type { BrowserContext, Page } from 'playwright';
import type { ConsumerInfo, MediaBackend, MediaKind, TransportInfo } from './media.js';
import { type SdkSide, captureSdkAnswers } from './media-capture.js';
import type { MediaServer, MediaSetup, PageCodec } from './media-page.js';
import { TRANSPORT_CC } from './media-sdp.js';

/** What the media page sends on a transport: its ICE/DTLS state, bandwidth and the bytes of every open consumer. */
export interface MediaStats {
  readonly connectionState: string;
  /** The sender's bandwidth estimate in bit/s (transport-cc feedback from the SDK drives it). */
  readonly bandwidth: number;
  readonly consumers: ReadonlyArray<{ consumerId: string; peerId: string; kind: MediaKind; bytesSent: number }>;
}

/** Options of {@link realMedia}. */
export interface RealMediaOptions {
  /** The text drawn on a peer's camera and share (default: the peer id). */
  readonly label?: (peerId: string) => string;
  /** Where problems of the media bridge are reported (default: console.warn). */
  readonly warn?: (message: string) => void;
  /** Camera and share sizes, rates and clips, and a bandwidth floor (default: 320×180 at 15 fps, 640×360 at 5 fps). */
  readonly setup?: MediaSetup;
}

/** A {@link MediaBackend} that sends real media, with a look inside for tests. */
export interface RealMedia extends MediaBackend {
  /** The page that plays the media server. */
  readonly mediaPage: Page;
  /** The id of the newest recv transport, once the SDK asked for one. */
  readonly recvTransportId: string | undefined;
  /** The media page's view of a transport (the newest recv transport by default). */
  stats(transportId?: string): Promise<MediaStats>;
}

interface OpenConsumer {
  readonly transportId: string;
  readonly peerId: string;
  readonly kind: MediaKind;
}

/** Where the media page is served from (by a route: no server, no port). */
const ORIGIN = 'http://media-server.invalid';
/** The browser modules of the media page, read (or compiled) when first asked for. */
const MODULES = new Map<string, string>([['media-page', ''], ['media-sdp', ''], ['media-synthetic', ''], ['media-clip', '']]);

/**
 * A media page module as JavaScript: the published kit ships it compiled beside this file; run from
 * the sources (tests, bench) it is transpiled from its TypeScript, which only then needs `typescript`.
 */
async function moduleSource(name: string): Promise<string> {
  const cached = MODULES.get(name);
  if (cached) return cached;
  const built = new URL(`./${name}.js`, import.meta.url);
  let output: string;
  if (existsSync(built)) {
    output = readFileSync(built, 'utf8');
  } else {
    const { default: ts } = await import('typescript');
    const source = readFileSync(new URL(`./${name}.ts`, import.meta.url), 'utf8');
    output = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } }).outputText;
  }
  MODULES.set(name, output);
  return output;
}

/** Opens the media page: an HTML shell whose module script installs `window.recMediaServer`. */
async function openMediaPage(context: BrowserContext, warn: (message: string) => void): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => warn(`realMedia: the media page threw: ${error.message}`));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const name = /^\/([\w-]+)\.js$/.exec(path)?.[1];
    if (path === '/') {
      const body = '<!doctype html><title>emulated media server</title><script type="module" src="/media-page.js"></script>';
      return route.fulfill({ contentType: 'text/html', body });
    }
    if (name && MODULES.has(name)) return route.fulfill({ contentType: 'text/javascript', body: await moduleSource(name) });
    return route.fulfill({ status: 404, body: `${path} is not part of the media page` });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'recMediaServer' in window);
  return page;
}

/** The address Chromium's host candidates really have, for candidates it hid behind an mDNS name. */
function hostAddress(): string {
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  }
  return '127.0.0.1';
}

const VIDEO_KINDS: ReadonlySet<MediaKind> = new Set(['video', 'share']);

class RealMediaBackend implements RealMedia {
  recvTransportId: string | undefined;
  private readonly recvTransports = new Map<string, string>(); // our ICE ufrag → transport id
  private readonly consumers = new Map<string, OpenConsumer>();
  private readonly nextMid = new Map<string, number>(); // per transport, as mediasoup numbers its consumers
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    readonly mediaPage: Page,
    private readonly codecs: { audio: PageCodec; video: PageCodec; transportCc: number | undefined },
    private readonly options: RealMediaOptions,
  ) {}

  private call<K extends keyof MediaServer>(method: K, ...args: Parameters<MediaServer[K]>): Promise<Awaited<ReturnType<MediaServer[K]>>> {
    return this.mediaPage.evaluate(
      ([name, values]) => {
        const server = (window as unknown as { recMediaServer: Record<string, (...a: unknown[]) => unknown> }).recMediaServer;
        return server[name]?.(...values);
      },
      [method, args] as const,
    ) as Promise<Awaited<ReturnType<MediaServer[K]>>>;
  }

  private warn(message: string): void {
    (this.options.warn ?? console.warn)(`realMedia: ${message}`);
  }

  routerRtpCapabilities(): Record<string, unknown> {
    const { audio, video, transportCc } = this.codecs;
    const capability = (codec: PageCodec) => ({
      kind: codec.mimeType.split('/')[0],
      mimeType: codec.mimeType,
      clockRate: codec.clockRate,
      ...(codec.channels ? { channels: codec.channels } : {}),
      preferredPayloadType: codec.payloadType,
      parameters: codec.parameters,
      rtcpFeedback: codec.rtcpFeedback,
    });
    const extension = (kind: string) => ({ kind, uri: TRANSPORT_CC, preferredId: transportCc, preferredEncrypt: false, direction: 'sendrecv' });
    return { codecs: [capability(audio), capability(video)], headerExtensions: transportCc ? [extension('audio'), extension('video')] : [] };
  }

  async createTransport(direction: 'send' | 'recv'): Promise<TransportInfo> {
    const id = randomUUID();
    if (direction === 'send') return sendTransport(id);
    // The SDK closes its recv transport before it makes a new one (re-join, mode change): so do we.
    for (const [ufrag, oldId] of this.recvTransports) {
      await this.call('closeTransport', oldId);
      this.recvTransports.delete(ufrag);
      for (const [consumerId, open] of this.consumers) if (open.transportId === oldId) this.consumers.delete(consumerId);
    }
    const info = await this.call('createTransport', id);
    this.recvTransports.set(info.ufrag, id);
    this.recvTransportId = id;
    const address = hostAddress();
    return {
      id,
      // Not ICE-lite: the media page is a full ICE agent, and with the SDK as the controlled side the roles never conflict.
      iceParameters: { usernameFragment: info.ufrag, password: info.pwd, iceLite: false },
      iceCandidates: info.candidates.map((c) => ({
        foundation: c.foundation,
        priority: c.priority,
        address: c.address.endsWith('.local') ? address : c.address,
        ip: c.address.endsWith('.local') ? address : c.address,
        port: c.port,
        type: 'host',
        protocol: 'udp',
      })),
      dtlsParameters: { role: 'auto', fingerprints: [info.fingerprint] },
    };
  }

  async connectTransport(transportId: string, dtlsParameters: Record<string, unknown>): Promise<void> {
    // The fingerprint and role arrive again in the SDK's answer (see onAnswer), with its ICE credentials.
    if (dtlsParameters['role'] !== 'client' && [...this.recvTransports.values()].includes(transportId)) {
      this.warn(`the SDK took DTLS role ${String(dtlsParameters['role'])} on ${transportId}; the media page expects it to be the client`);
    }
  }

  async consumer(transportId: string, peerId: string, kind: MediaKind): Promise<ConsumerInfo> {
    const camera = this.options.setup?.camera;
    const id = randomUUID();
    const label = this.options.label?.(peerId) ?? peerId;
    const sent = await this.call('consume', transportId, id, peerId, kind, label);
    this.consumers.set(id, { transportId, peerId, kind });
    const mid = this.nextMid.get(transportId) ?? 0;
    this.nextMid.set(transportId, mid + 1);
    const streamId = `${peerId}-${kind === 'share' || kind === 'shareAudio' ? 'share' : 'cam'}`;
    return {
      id,
      producerId: `${peerId}-${kind}`,
      kind: VIDEO_KINDS.has(kind) ? 'video' : 'audio',
      rtpParameters: {
        // Without a mid, mediasoup-client numbers the sections of one consume() batch alike ("Duplicate a=mid").
        mid: String(mid),
        codecs: [sent.codec],
        headerExtensions: sent.transportCc ? [{ uri: TRANSPORT_CC, id: sent.transportCc, encrypt: false, parameters: {} }] : [],
        encodings: [{ ssrc: sent.ssrc }],
        rtcp: { cname: sent.cname, reducedSize: true, mux: true },
        msid: `${streamId} ${id}`,
      },
      ...(sent.layers && camera ? { simulcast: { width: camera.width, height: camera.height, layers: sent.layers } } : {}),
    };
  }

  preferLayer(consumerId: string, layer: number): void {
    const open = this.consumers.get(consumerId);
    if (!open || open.transportId !== this.recvTransportId) return;
    this.track(this.call('preferLayer', consumerId, layer).catch((error: unknown) => this.warn(`could not switch ${open.peerId}'s layer: ${String(error)}`)));
  }

  consumerClosed(consumerId: string): void {
    const closed = this.consumers.get(consumerId);
    if (!closed) return;
    this.consumers.delete(consumerId);
    if (closed.transportId !== this.recvTransportId) return; // its transport is gone already
    const release = this.call('release', closed.transportId, consumerId);
    this.track(release.catch((error: unknown) => this.warn(`could not stop ${closed.peerId}/${closed.kind}: ${String(error)}`)));
  }

  async stats(transportId = this.recvTransportId): Promise<MediaStats> {
    if (!transportId) throw new Error('realMedia: the SDK has not asked for a recv transport yet');
    const { connectionState, bytesSent, bandwidth } = await this.call('stats', transportId);
    const consumers = Object.entries(bytesSent).map(([consumerId, bytes]) => {
      const open = this.consumers.get(consumerId);
      return { consumerId, peerId: open?.peerId ?? '', kind: open?.kind ?? 'video', bytesSent: bytes };
    });
    return { connectionState, bandwidth, consumers };
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.pending);
    if (this.mediaPage.isClosed()) return;
    await this.call('close').catch(() => undefined);
    await this.mediaPage.close();
  }

  /** The SDK answered one of our offers: answer our own offer with its ICE and DTLS parameters. */
  onAnswer(offerUfrag: string, side: SdkSide | Error): void {
    const transportId = this.recvTransports.get(offerUfrag);
    if (!transportId) return; // another backend's transport, or one already closed
    if (side instanceof Error) return this.warn(side.message);
    this.track(this.call('setRemote', transportId, side).catch((error: unknown) => this.warn(`could not answer on ${transportId}: ${String(error)}`)));
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }
}

/**
 * A send transport the recorder never connects (it produces nothing): plausible parameters, no peer
 * connection behind them. A page that produced on it would fail to connect, loudly.
 */
function sendTransport(id: string): TransportInfo {
  const fingerprint = [...randomBytes(32)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
  return {
    id,
    iceParameters: { usernameFragment: randomBytes(8).toString('hex'), password: randomBytes(16).toString('hex'), iceLite: true },
    iceCandidates: [{ foundation: 'udpcandidate', priority: 1076302079, address: '127.0.0.1', ip: '127.0.0.1', port: 9, type: 'host', protocol: 'udp' }],
    dtlsParameters: { role: 'auto', fingerprints: [{ algorithm: 'sha-256', value: fingerprint }] },
  };
}

/**
 * Opens the media page in `context` and hooks `sdkPage` (call it before the SDK joins): the SDK's
 * recv transports then receive each emulated peer's camera, mic, share and share audio for real.
 */
export async function realMedia(context: BrowserContext, sdkPage: Page, options: RealMediaOptions = {}): Promise<RealMedia> {
  const mediaPage = await openMediaPage(context, options.warn ?? console.warn);
  if (options.setup) {
    await mediaPage.evaluate((setup) => (window as unknown as { recMediaServer: MediaServer }).recMediaServer.configure(setup), options.setup);
  }
  const codecs = await mediaPage.evaluate(() => (window as unknown as { recMediaServer: MediaServer }).recMediaServer.codecs());
  const backend = new RealMediaBackend(mediaPage, codecs, options);
  await captureSdkAnswers(sdkPage, (ufrag, side) => backend.onAnswer(ufrag, side));
  // Headless Chromium presents video (requestVideoFrameCallback) at about 1 fps in a page that is not in front.
  await sdkPage.bringToFront();
  return backend;
}
