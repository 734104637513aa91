/**
 * The emulated VideoSDK meeting for one page: init-config over page.route, signalling over
 * page.routeWebSocket, PubSub on a loopback WebSocket server, and the scenario API tests drive
 * (peers join and leave, cameras, mics, shares, speakers, pins, modes, layout messages, drops, ends).
 */
import type { Page, WebSocketRoute } from 'playwright';
import { InitConfigRoute } from './init-config.js';
import type { MediaBackend } from './media.js';
import { PubSubServer, type Sender } from './pubsub-server.js';
import { type Peer, type PeerMode, type PeerSpec, type PinState, isSendingMode, leaveReason, mediaOnStates, peerFrom, sdkPeer } from './room.js';
import { type EntryBehaviour, type SessionHost, SignallingSession } from './signalling.js';
import { SocketIoServer } from './socket-io.js';

/** A request the SDK sent over the signalling socket. */
export interface RecordedRequest {
  readonly method: string;
  readonly data: Record<string, unknown>;
  /** Which socket connection carried it (1 = the first; a re-join uses a new one). */
  readonly connection: number;
}

/** Who the page is in the emulated meeting. */
export interface EmulatorOptions {
  readonly media: MediaBackend;
  readonly meetingId?: string;
  readonly recorderId?: string;
}

const SOCKET_PATH = '/emulated';

/**
 * What the SDK leaks when the socket goes away mid-request: a `newConsumer` whose setup then fails
 * rethrows inside its socket handler (videosdk.js 12995-13003), an unhandled rejection with the 3079
 * text. Tolerated only after the emulator ended the meeting or dropped the socket.
 */
const SDK_AFTERMATH = /^The operation timed out\. Please check your connection and try again\.$/;

/** A JWT-shaped token (the SDK sends it as is; the page checks its shape, expiry and bindings). */
export function aJoinToken(claims: Record<string, unknown> = {}): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const payload = { apikey: 'emulated-key', permissions: ['allow_join'], version: 2, iat: now, exp: now + 3600, ...claims };
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.ZW11bGF0ZWQ`;
}

/** One emulated meeting, bound to one page. */
export class VideoSdkEmulator implements SessionHost {
  readonly meetingId: string;
  readonly recorderId: string;
  readonly media: MediaBackend;
  readonly peers = new Map<string, Peer>();
  readonly pins = new Map<string, { cam: boolean; share: boolean }>();
  speakerId: string | null = null;
  /** How the next `requestEntry` is answered. */
  entry: EntryBehaviour = 'allow';
  /** When false the server never answers `join`. */
  answerJoin = true;
  readonly requests: RecordedRequest[] = [];
  /** Anything the SDK did that the emulated protocol does not know: each one fails the test. */
  readonly protocolErrors: string[];
  /** Uncaught errors in the page (the SDK's included); the fixture fails a test that has any. */
  readonly pageErrors: string[] = [];
  /** The SDK's known aftermath of a disruption (see SDK_AFTERMATH), kept apart from pageErrors. */
  readonly toleratedPageErrors: string[] = [];
  private disrupted = false;
  /** The URL of every signalling socket the SDK opened. */
  readonly socketUrls: string[] = [];
  readonly initConfig: InitConfigRoute;
  readonly pubsub: PubSubServer;
  private session?: SignallingSession;
  private refuseNext = 0;

  private constructor(
    private readonly page: Page,
    options: EmulatorOptions,
    pubsub: PubSubServer,
    socketUrl: string,
    protocolErrors: string[],
  ) {
    this.protocolErrors = protocolErrors;
    this.media = options.media;
    this.meetingId = options.meetingId ?? 'emu-room-1';
    this.recorderId = options.recorderId ?? 'recorder-1';
    this.pubsub = pubsub;
    this.initConfig = new InitConfigRoute({ socketUrl, socketPath: SOCKET_PATH }, (detail) => this.protocolError(detail));
  }

  /** Starts the emulated services and routes the page to them (before the page is opened). */
  static async start(page: Page, options: EmulatorOptions): Promise<VideoSdkEmulator> {
    const errors: string[] = [];
    const pubsub = new PubSubServer((detail) => errors.push(detail));
    await pubsub.start();
    // The socket's host is the loopback PubSub port: a refused reconnect (connectToServer) then fails
    // there, on loopback, instead of reaching out to the internet.
    const port = new URL(pubsub.url('x')).port;
    const emulator = new VideoSdkEmulator(page, options, pubsub, `127.0.0.1:${port}`, errors);
    page.on('pageerror', (error) => {
      const tolerated = emulator.disrupted && SDK_AFTERMATH.test(error.message);
      (tolerated ? emulator.toleratedPageErrors : emulator.pageErrors).push(error.message);
    });
    await emulator.initConfig.install(page);
    await page.routeWebSocket((url) => url.pathname === `${SOCKET_PATH}/socket.io/`, (ws) => emulator.onSocket(ws));
    return emulator;
  }

  /** The template URL VideoSDK's composer would open (token, meetingId, the appended participantId). */
  url(query = '', token = aJoinToken()): string {
    return `/?token=${token}&meetingId=${this.meetingId}&participantId=${this.recorderId}${query ? `&${query}` : ''}`;
  }

  /** Opens the recorder page on the emulated meeting. */
  async open(query = ''): Promise<void> {
    await this.page.goto(this.url(query));
  }

  // The SessionHost side

  pubSubUrl(): string {
    return this.pubsub.url(this.recorderId);
  }

  record(method: string, data: Record<string, unknown>): void {
    this.requests.push({ method, data, connection: this.socketUrls.length });
  }

  protocolError(detail: string): void {
    this.protocolErrors.push(detail);
  }

  // Observations

  /** Requests of one method, optionally only those about one peer. */
  requestsOf(method: string, peerId?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (peerId === undefined || r.data['peerId'] === peerId));
  }

  /** How many times the SDK sent `join` (2 after one re-join). */
  get joins(): number {
    return this.requestsOf('join').length;
  }

  /** Peers whose camera the recorder currently asks to receive, sorted. */
  consumedVideo(): string[] {
    return [...(this.session?.wantVideo ?? [])].sort();
  }

  /** Peers whose mic the recorder currently asks to receive, sorted. */
  consumedAudio(): string[] {
    return [...(this.session?.wantAudio ?? [])].sort();
  }

  /** The consumers pushed on the current connection, as `peerId:kind`. */
  consumers(): string[] {
    return this.session?.consumerKeys() ?? [];
  }

  /** The spatial layer each simulcast camera is sent at now, by peer id (0 = smallest). */
  cameraLayers(): Map<string, number> {
    return this.session?.cameraLayers() ?? new Map();
  }

  // The scenario API

  /** A peer joins (or is already in the room when the page joins). */
  addPeer(spec: PeerSpec): void {
    const peer = peerFrom(spec);
    this.peers.set(peer.id, peer);
    const session = this.joinedSession();
    if (!session) return;
    session.notify('newPeer', sdkPeer(peer));
    for (const state of mediaOnStates(peer)) session.notify('participantMediaStateChanged', state);
    session.syncMedia(peer);
  }

  /** A peer leaves; its consumers close first. 1101 is the SDK's "left" code. */
  removePeer(id: string, code = 1101): void {
    this.peer(id);
    this.peers.delete(id);
    this.pins.delete(id);
    const session = this.joinedSession();
    session?.syncMedia(undefined, id);
    session?.notify('peerClosed', { peerId: id, reason: leaveReason(code) });
  }

  setWebcam(id: string, on: boolean): void {
    this.setMedia(id, 'webcam', on);
  }

  setMic(id: string, on: boolean): void {
    this.setMedia(id, 'mic', on);
  }

  /** Starts or stops a screen share: the media state, then the share consumer pushed (or closed). */
  setShare(id: string, on: boolean): void {
    this.setMedia(id, 'share', on);
  }

  /** An AI agent's state push (`agentStateChanged {peerId, state}`: idle, listening, thinking, speaking). */
  setAgentState(id: string, state: string): void {
    this.joinedSession()?.notify('agentStateChanged', { peerId: id, state });
  }

  /** Any other server push, as VideoSDK's server sends it (e.g. `transcriptionText`). */
  notify(method: string, payload: Record<string, unknown>): void {
    const session = this.joinedSession();
    if (!session) throw new Error(`emulator: no joined session to push ${method} on`);
    session.notify(method, payload);
  }

  /** The server's active-speaker push (`activeSpeaker {peerId}`); null: nobody speaks. */
  speak(id: string | null): void {
    this.speakerId = id;
    this.joinedSession()?.notify('activeSpeaker', { peerId: id });
  }

  /** Pins or unpins (the `pinStateChanged` push, acked by the SDK). */
  async pin(id: string, state: PinState, pinnedBy = 'host-app'): Promise<void> {
    const previous = this.pins.get(id) ?? { cam: false, share: false };
    const next = { cam: state.cam ?? previous.cam, share: state.share ?? previous.share };
    if (next.cam || next.share) this.pins.set(id, next);
    else this.pins.delete(id);
    const session = this.joinedSession();
    if (session) await session.io.emitWithAck('pinStateChanged', { peerId: id, state, pinnedBy });
  }

  /** A peer's mode changes; one that stops sending has its media closed first. */
  setMode(id: string, mode: PeerMode): void {
    const peer = this.peer(id);
    const session = this.joinedSession();
    if (isSendingMode(peer.mode) && !isSendingMode(mode)) {
      const wasOn = { webcam: peer.webcam, mic: peer.mic, share: peer.share };
      Object.assign(peer, { webcam: false, mic: false, share: false, mode });
      session?.syncMedia(peer);
      session?.notify('peerModeChanged', { peerId: id, mode });
      for (const [flag, kind] of [['webcam', 'video'], ['mic', 'audio'], ['share', 'share']] as const) {
        if (wasOn[flag]) session?.notify('participantMediaStateChanged', { peerId: id, kind, newState: false });
      }
      return;
    }
    peer.mode = mode;
    session?.notify('peerModeChanged', { peerId: id, mode });
  }

  /** A message on a PubSub topic from the host app (persisted unless told otherwise). */
  publish(topic: string, message: string, options: Sender & { persist?: boolean } = {}): void {
    this.pubsub.publish(topic, message, options);
  }

  /** A message persisted before the page joins (history the page receives on subscribe). */
  persist(topic: string, message: string, sender: Sender = {}): void {
    this.pubsub.persist(topic, message, sender);
  }

  /** The meeting ends for the recorder: the socket `close` push with a leave code. */
  endMeeting(code: number, message?: string): void {
    this.disrupted = true;
    this.session?.io.emit('close', { reason: leaveReason(code, message) });
  }

  /** An `error` notification from the server. */
  sendError(code: number, message = `emulated error ${code}`): void {
    this.session?.notify('error', { code, message });
  }

  /**
   * Drops the signalling socket (a network blip). The SDK reconnects after socket.io's backoff
   * (2.5-5 s); `refuseReconnects` attempts fail first, which is when the SDK says RECONNECTING.
   */
  async dropSocket({ refuseReconnects = 0 }: { refuseReconnects?: number } = {}): Promise<void> {
    if (!this.session?.io.isConnected) throw new Error('emulator: no signalling socket to drop');
    this.refuseNext = refuseReconnects;
    this.disrupted = true;
    await this.session.io.drop();
  }

  async close(): Promise<void> {
    await this.initConfig.release();
    await this.pubsub.close();
    await this.media.close();
  }

  private onSocket(ws: WebSocketRoute): void {
    this.socketUrls.push(ws.url());
    if (this.refuseNext > 0) {
      this.refuseNext -= 1;
      // To the page: a connection error, then a close (loopback refuses TLS), as when the network is down.
      ws.connectToServer();
      return;
    }
    const io = new SocketIoServer(ws, {
      onConnect: () => io.emit('connectionSuccess'),
      onEvent: (event) => session.onEvent(event),
      onClose: () => undefined,
      onProtocolError: (detail) => this.protocolError(detail),
    });
    const session = new SignallingSession(io, this);
    this.session = session;
    io.open();
  }

  private joinedSession(): SignallingSession | undefined {
    return this.session?.joined && this.session.io.isConnected ? this.session : undefined;
  }

  private peer(id: string): Peer {
    const peer = this.peers.get(id);
    if (!peer) throw new Error(`emulator: no peer ${id} in the room`);
    return peer;
  }

  private setMedia(id: string, flag: 'webcam' | 'mic' | 'share', on: boolean): void {
    const peer = this.peer(id);
    if (!isSendingMode(peer.mode) && on) throw new Error(`emulator: ${id} is a ${peer.mode} viewer and sends nothing`);
    peer[flag] = on;
    const session = this.joinedSession();
    if (!session) return;
    const kind = { webcam: 'video', mic: 'audio', share: 'share' }[flag];
    // Turning on: the state first, then the consumer; turning off: the consumer closes first.
    if (on) session.notify('participantMediaStateChanged', { peerId: id, kind, newState: true });
    session.syncMedia(peer);
    if (!on) session.notify('participantMediaStateChanged', { peerId: id, kind, newState: false });
  }
}
