/**
 * The emulated room: who is in it and what each peer sends, as plain data, plus the shapes the SDK
 * reads from the server (a peer in the join reply and in `newPeer`, a pin, a leave reason).
 */

/** A participant's mode as the server reports it (CONFERENCE: the deprecated alias of SEND_AND_RECV). */
export type PeerMode = 'SEND_AND_RECV' | 'CONFERENCE' | 'SIGNALLING_ONLY' | 'RECV_ONLY';

/** A peer to put in the room. Media flags default to on for senders. */
export interface PeerSpec {
  readonly id: string;
  readonly name?: string;
  readonly mode?: PeerMode;
  readonly webcam?: boolean;
  readonly mic?: boolean;
  readonly share?: boolean;
  readonly metaData?: Record<string, unknown>;
  /** An AI agent: the SDK makes an AgentParticipant for it. */
  readonly isAgent?: boolean;
}

/** What a peer sends right now. */
export interface MediaFlags {
  webcam: boolean;
  mic: boolean;
  share: boolean;
}

/** A peer in the emulated room. */
export interface Peer extends MediaFlags {
  readonly id: string;
  readonly displayName: string;
  mode: PeerMode;
  readonly metaData?: Record<string, unknown>;
  readonly isAgent?: boolean;
}

/** A pin as the server pushes it (`pinStateChanged`): the SDK's runtime payload, not the typings'. */
export interface PinState {
  readonly cam?: boolean;
  readonly share?: boolean;
}

/** Whether a mode sends media (and so is shown by the recorder). */
export function isSendingMode(mode: PeerMode): boolean {
  return mode === 'SEND_AND_RECV' || mode === 'CONFERENCE';
}

/** A peer from a spec: senders have camera and mic on unless said otherwise; viewers send nothing. */
export function peerFrom(spec: PeerSpec): Peer {
  const mode = spec.mode ?? 'SEND_AND_RECV';
  const sending = isSendingMode(mode);
  return {
    id: spec.id,
    displayName: spec.name ?? spec.id,
    mode,
    webcam: sending && (spec.webcam ?? true),
    mic: sending && (spec.mic ?? true),
    share: sending && (spec.share ?? false),
    ...(spec.metaData ? { metaData: spec.metaData } : {}),
    ...(spec.isAgent ? { isAgent: true } : {}),
  };
}

/**
 * A peer as the SDK reads it from the join reply's `peers` and a `newPeer` notification: the SDK's
 * Participant keeps `id`, `displayName`, `mode`, `metaData` (videosdk.js 48669-48720) and starts with
 * every media flag false, whatever else the peer object says.
 */
export function sdkPeer(peer: Peer): Record<string, unknown> {
  return {
    id: peer.id,
    displayName: peer.displayName,
    mode: peer.mode,
    ...(peer.metaData ? { metaData: peer.metaData } : {}),
    ...(peer.isAgent ? { isAgent: true } : {}),
  };
}

/** The `participantMediaStateChanged` payloads for what a sending peer has on (the SDK cannot know it yet). */
export function mediaOnStates(peer: Peer): Array<{ peerId: string; kind: string; newState: true }> {
  if (!isSendingMode(peer.mode)) return [];
  const flags = [
    ['video', peer.webcam],
    ['audio', peer.mic],
    ['share', peer.share],
  ] as const;
  return flags.filter(([, on]) => on).map(([kind]) => ({ peerId: peer.id, kind, newState: true }));
}

/** A `reason` object (`peerClosed`, socket `close`): the SDK reads `reason.code` and `reason.message`. */
export function leaveReason(code: number, message = `emulated leave ${code}`): { code: number; message: string } {
  return { code, message };
}
