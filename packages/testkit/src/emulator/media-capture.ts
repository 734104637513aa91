// Reads the SDK page's side of each recv transport (ICE credentials, DTLS fingerprint and role) from its local answers.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright';

/** The SDK peer connection's ICE and DTLS parameters, as its local SDP answer states them. */
export interface SdkSide {
  readonly ufrag: string;
  readonly pwd: string;
  /** `algorithm value`, as in an `a=fingerprint:` line. */
  readonly fingerprint: string;
  /** `active` when the SDK is the DTLS client (mediasoup-client's default for recv transports). */
  readonly setup: string;
}

/**
 * The SDK's ICE ufrag and password never reach a mediasoup server (the server is ICE-lite), but a
 * full ICE agent needs them: wrap `RTCPeerConnection.prototype.setLocalDescription` in the SDK page
 * and report every local answer with the ufrag of the offer it answers (ours, so we know the transport).
 */
function hookSource(binding: string): string {
  return `(() => {
  const original = RTCPeerConnection.prototype.setLocalDescription;
  RTCPeerConnection.prototype.setLocalDescription = async function (...args) {
    const result = await original.apply(this, args);
    const local = this.localDescription;
    const offered = /a=ice-ufrag:(\\S+)/.exec(this.remoteDescription?.sdp ?? '');
    if (local?.type === 'answer' && offered) window[${JSON.stringify(binding)}](offered[1], local.sdp).catch(() => {});
    return result;
  };
})();`;
}

/** The first value of an SDP attribute, media-level lines included. */
function attribute(sdp: string, name: string): string | undefined {
  return new RegExp(`^a=${name}:(.+?)\\r?$`, 'm').exec(sdp)?.[1];
}

/** Parses the SDK-side parameters out of its local answer, or says what is missing. */
export function sdkSideOf(sdp: string): SdkSide | Error {
  const ufrag = attribute(sdp, 'ice-ufrag');
  const pwd = attribute(sdp, 'ice-pwd');
  const fingerprint = attribute(sdp, 'fingerprint');
  const setup = attribute(sdp, 'setup');
  if (!ufrag || !pwd || !fingerprint || !setup) return new Error(`the SDK's answer lacks ICE or DTLS lines:\n${sdp}`);
  return { ufrag, pwd, fingerprint, setup };
}

/**
 * Installs the hook in `page` (for its next documents and the current one) and calls `onAnswer` with
 * our offer's ufrag and the SDK's side for every answer it applies.
 */
export async function captureSdkAnswers(page: Page, onAnswer: (offerUfrag: string, side: SdkSide | Error) => void): Promise<void> {
  const binding = `recMediaAnswer${randomBytes(4).toString('hex')}`;
  await page.exposeBinding(binding, (caller, offerUfrag: string, sdp: string) => onAnswer(offerUfrag, sdkSideOf(sdp)));
  const source = hookSource(binding);
  await page.addInitScript(source);
  // A page already past its first navigation gets the hook now too (the init script only runs on the next one).
  await page.evaluate(source);
}
