/**
 * The SDP the media page needs (pure string work, runs in the media page): the one codec and SSRC of
 * a media section, and the answer the SDK's side would give to our offer.
 */
import type { SdkSide } from './media-capture.js';

/** A codec as mediasoup's RtpCodecParameters describe it. */
export interface PageCodec {
  readonly mimeType: string;
  readonly payloadType: number;
  readonly clockRate: number;
  readonly channels?: number;
  readonly parameters: Record<string, string | number>;
  readonly rtcpFeedback: ReadonlyArray<{ type: string; parameter: string }>;
}

/** The one header extension the media page keeps: transport-wide congestion control, so its encoders get a real bandwidth estimate. */
export const TRANSPORT_CC = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01';

/** The SDP's session lines and media sections, each as its lines. */
export function sectionsOf(sdp: string): { session: string[]; media: string[][] } {
  const sections: string[][] = [[]];
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('m=')) sections.push([]);
    if (line) sections[sections.length - 1]?.push(line);
  }
  return { session: sections[0] ?? [], media: sections.slice(1) };
}

/** The rest of the first line that starts with `prefix`. */
export function valueOf(lines: readonly string[], prefix: string): string | undefined {
  return lines.find((l) => l.startsWith(prefix))?.slice(prefix.length);
}

/** The id a media section gives the transport-cc header extension. */
export function transportCcIdOf(section: readonly string[]): number | undefined {
  const line = section.find((l) => l.startsWith('a=extmap:') && l.endsWith(` ${TRANSPORT_CC}`));
  return line ? Number.parseInt(line.slice('a=extmap:'.length), 10) : undefined;
}

/** The feedback kept per codec: losses (NACK), key frames (PLI, FIR) and transport-cc. */
const FEEDBACK = ['nack', 'ccm', 'transport-cc'];

/** The only codec of a media section (see preferCodec), with the feedback kept. */
export function codecOf(section: readonly string[], kind: string): PageCodec {
  const payloadType = Number(section[0]?.split(' ')[3]);
  const [name, clockRate, channels] = (valueOf(section, `a=rtpmap:${payloadType} `) ?? '').split('/');
  const parameters: Record<string, string | number> = {};
  for (const pair of (valueOf(section, `a=fmtp:${payloadType} `) ?? '').split(';')) {
    const [key, value] = pair.split('=');
    if (key && value !== undefined) parameters[key.trim()] = /^\d+$/.test(value) ? Number(value) : value;
  }
  const rtcpFeedback = section
    .filter((l) => FEEDBACK.some((type) => l.startsWith(`a=rtcp-fb:${payloadType} ${type}`)))
    .map((l) => l.slice(`a=rtcp-fb:${payloadType} `.length).split(' '))
    .map(([type, parameter]) => ({ type: type ?? '', parameter: parameter ?? '' }));
  return {
    mimeType: `${kind}/${name}`,
    payloadType,
    clockRate: Number(clockRate),
    ...(channels ? { channels: Number(channels) } : {}),
    parameters,
    rtcpFeedback,
  };
}

/**
 * The answer the SDK's side would give to our offer: its ICE and DTLS, every section received. With
 * `minBitrateKbps`, video senders start their bandwidth estimate there and never go below it.
 */
export function answerFor(offer: string, remote: SdkSide, minBitrateKbps?: number): string {
  const { media } = sectionsOf(offer);
  const mids = media.map((section) => valueOf(section, 'a=mid:') ?? '');
  const rejected = media.map((section) => section[0]?.split(' ')[1] === '0');
  const bundled = mids.filter((mid, index) => !rejected[index]);
  const lines = ['v=0', `o=- ${Date.now()} 2 IN IP4 127.0.0.1`, 's=-', 't=0 0', `a=group:BUNDLE ${bundled.join(' ')}`, 'a=msid-semantic: WMS'];
  media.forEach((section, index) => {
    const payloadType = section[0]?.split(' ')[3] ?? '';
    if (rejected[index]) {
      lines.push(section[0] ?? '', 'c=IN IP4 0.0.0.0', `a=mid:${mids[index]}`, 'a=inactive');
      return;
    }
    lines.push(section[0] ?? '', 'c=IN IP4 0.0.0.0', 'a=rtcp:9 IN IP4 0.0.0.0');
    lines.push(`a=ice-ufrag:${remote.ufrag}`, `a=ice-pwd:${remote.pwd}`, `a=fingerprint:${remote.fingerprint}`, `a=setup:${remote.setup}`);
    lines.push(`a=mid:${mids[index]}`, 'a=recvonly', 'a=rtcp-mux', 'a=rtcp-rsize');
    // One codec and transport-cc, but no MID header extension in the packets: the SDK numbers its
    // m-sections its own way and must route our packets by the SSRCs it is told.
    const kept = [`a=rtpmap:${payloadType} `, `a=fmtp:${payloadType} `, ...FEEDBACK.map((type) => `a=rtcp-fb:${payloadType} ${type}`)];
    const answered = section.filter((line) => kept.some((prefix) => line.startsWith(prefix)) || line.endsWith(` ${TRANSPORT_CC}`));
    if (minBitrateKbps && section[0]?.startsWith('m=video')) {
      // Chromium's own SDP knobs: as if a server with ample bandwidth forwarded the stream at its rate.
      const knobs = `x-google-start-bitrate=${minBitrateKbps};x-google-min-bitrate=${minBitrateKbps}`;
      const fmtp = answered.findIndex((line) => line.startsWith(`a=fmtp:${payloadType} `));
      if (fmtp >= 0) answered[fmtp] = `${answered[fmtp]};${knobs}`;
      else answered.push(`a=fmtp:${payloadType} ${knobs}`);
    }
    lines.push(...answered);
  });
  return `${lines.join('\r\n')}\r\n`;
}
