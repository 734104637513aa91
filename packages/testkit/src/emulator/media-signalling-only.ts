/**
 * The default media backend: plausible static transport and consumer parameters for the SDK's
 * mediasoup-client, and no media at all. The SDK builds its receivers from them (so streams and
 * tracks exist and every event fires), but no packet ever flows.
 */
import type { ConsumerInfo, MediaBackend, MediaKind, TransportInfo } from './media.js';

/** Payload types the router offers; consumers must use the same ones or mediasoup-client refuses them. */
const OPUS_PT = 100;
const VP8_PT = 101;
const RTX_PT = 102;

const VIDEO_FEEDBACK = [
  { type: 'nack' },
  { type: 'nack', parameter: 'pli' },
  { type: 'ccm', parameter: 'fir' },
  { type: 'goog-remb' },
  { type: 'transport-cc' },
];

const MID_EXTENSION = 'urn:ietf:params:rtp-hdrext:sdes:mid';
const ABS_SEND_TIME = 'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time';

/** A fixed DTLS fingerprint: the SDP must carry one, nothing ever checks it here. */
const FINGERPRINT = Array.from({ length: 32 }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0'))
  .join(':')
  .toUpperCase();

/** Options of {@link signallingOnlyMedia}. */
export interface SignallingOnlyOptions {
  /** Cameras are simulcast consumers of this full size and layer count (each layer half the next). */
  readonly simulcast?: { readonly width: number; readonly height: number; readonly layers: number };
}

/** A MediaBackend for scenarios that test signalling only: every call answers at once, nothing is sent. */
export function signallingOnlyMedia({ simulcast }: SignallingOnlyOptions = {}): MediaBackend {
  let transports = 0;
  let consumers = 0;
  let ssrc = 10_000;
  return {
    routerRtpCapabilities() {
      return {
        codecs: [
          {
            kind: 'audio',
            mimeType: 'audio/opus',
            clockRate: 48000,
            channels: 2,
            preferredPayloadType: OPUS_PT,
            parameters: { minptime: 10, useinbandfec: 1 },
            rtcpFeedback: [{ type: 'transport-cc' }],
          },
          {
            kind: 'video',
            mimeType: 'video/VP8',
            clockRate: 90000,
            preferredPayloadType: VP8_PT,
            parameters: {},
            rtcpFeedback: VIDEO_FEEDBACK,
          },
          {
            kind: 'video',
            mimeType: 'video/rtx',
            clockRate: 90000,
            preferredPayloadType: RTX_PT,
            parameters: { apt: VP8_PT },
            rtcpFeedback: [],
          },
        ],
        headerExtensions: [
          { kind: 'audio', uri: MID_EXTENSION, preferredId: 1, preferredEncrypt: false, direction: 'sendrecv' },
          { kind: 'video', uri: MID_EXTENSION, preferredId: 1, preferredEncrypt: false, direction: 'sendrecv' },
          { kind: 'audio', uri: ABS_SEND_TIME, preferredId: 4, preferredEncrypt: false, direction: 'sendrecv' },
          { kind: 'video', uri: ABS_SEND_TIME, preferredId: 4, preferredEncrypt: false, direction: 'sendrecv' },
        ],
      };
    },

    async createTransport(direction): Promise<TransportInfo> {
      transports += 1;
      return {
        id: `${direction}-transport-${transports}`,
        iceParameters: { usernameFragment: `emu${transports}ufrag`, password: `emulatedIcePassword${transports}x0123456789`, iceLite: true },
        // Loopback's discard port: a candidate the SDP needs; connectivity checks simply go unanswered.
        iceCandidates: [
          { foundation: 'udpcandidate', priority: 1076302079, ip: '127.0.0.1', address: '127.0.0.1', port: 9, protocol: 'udp', type: 'host' },
        ],
        dtlsParameters: { role: 'auto', fingerprints: [{ algorithm: 'sha-256', value: FINGERPRINT }] },
        sctpParameters: { port: 5000, OS: 1024, MIS: 1024, maxMessageSize: 262144 },
      };
    },

    async connectTransport(): Promise<void> {},

    async consumer(transportId: string, peerId: string, kind: MediaKind): Promise<ConsumerInfo> {
      consumers += 1;
      ssrc += 2;
      const audio = kind === 'audio' || kind === 'shareAudio';
      const rtcp = { cname: `${peerId}-${kind}`, reducedSize: true };
      // As mediasoup's router does: a mid per consumer, unique on its transport (the SDK consumes in parallel).
      const mid = String(consumers);
      return {
        id: `consumer-${consumers}`,
        producerId: `producer-${peerId}-${kind}`,
        kind: audio ? 'audio' : 'video',
        rtpParameters: audio
          ? {
              codecs: [
                {
                  mimeType: 'audio/opus',
                  payloadType: OPUS_PT,
                  clockRate: 48000,
                  channels: 2,
                  parameters: { minptime: 10, useinbandfec: 1 },
                  rtcpFeedback: [{ type: 'transport-cc' }],
                },
              ],
              headerExtensions: [{ uri: MID_EXTENSION, id: 1, encrypt: false, parameters: {} }],
              encodings: [{ ssrc }],
              rtcp,
              mid,
            }
          : {
              codecs: [
                { mimeType: 'video/VP8', payloadType: VP8_PT, clockRate: 90000, parameters: {}, rtcpFeedback: VIDEO_FEEDBACK },
                { mimeType: 'video/rtx', payloadType: RTX_PT, clockRate: 90000, parameters: { apt: VP8_PT }, rtcpFeedback: [] },
              ],
              headerExtensions: [{ uri: MID_EXTENSION, id: 1, encrypt: false, parameters: {} }],
              encodings: [{ ssrc, rtx: { ssrc: ssrc + 1 } }],
              rtcp,
              mid,
            },
        ...(simulcast && kind === 'video' ? { simulcast } : {}),
      };
    },

    consumerClosed(): void {},

    async close(): Promise<void> {},
  };
}
