/**
 * The recorder floor (built by bench/lib/floor-build.ts): the least a page on VideoSDK can do to show
 * the same participants as the template. It joins with the real SDK as the recorder does (own id, no
 * media of its own, nothing consumed unasked), consumes the cameras the template showed and every mic,
 * and plays them in plain <video>/<audio> elements, asking for each camera's quality and size as the
 * template does (so the server sends the same simulcast layers). Query: token, meetingId,
 * participantId, quality, and tiles=<id>:<video|share>:x,y,w,h;… (the template's shown videos and where they were).
 */
import { VideoSDK } from '@videosdk.live/js-sdk';
import { markPhase } from '../../src/meeting/phases.js';

// The same phase marks as the template's (src/meeting/phases.ts), so the benchmark traces both alike.
markPhase('module');

type Meeting = ReturnType<typeof VideoSDK.initMeeting>;
type Participant = Meeting['localParticipant'];
type Stream = Parameters<Parameters<Participant['on']>[1]>[0];

const query = new URLSearchParams(location.search);
const tiles = new Map(
  (query.get('tiles') ?? '')
    .split(';')
    .filter(Boolean)
    .map((tile) => {
      const [id = '', kind = '', rect = ''] = tile.split(':');
      return [`${id}:${kind}`, rect.split(',').map(Number)] as const;
    }),
);
const elements = new Map<string, HTMLMediaElement>();
// How many videos this page is to show, for the probe's first-frame time (bench/page/probe.js).
document.documentElement.dataset['videos'] = String(tiles.size);

function show(id: string, stream: { kind: string; track: MediaStreamTrack }): void {
  const kind = stream.kind === 'share' ? 'share' : stream.kind === 'video' ? 'video' : 'audio';
  const key = `${id}:${stream.kind}`;
  elements.get(key)?.remove();
  const rect = tiles.get(`${id}:${kind}`);
  if (kind !== 'audio' && !rect) return;
  const element = document.createElement(kind === 'audio' ? 'audio' : 'video');
  element.autoplay = true;
  element.srcObject = new MediaStream([stream.track]);
  if (element instanceof HTMLVideoElement) {
    element.requestVideoFrameCallback(() => markPhase('frame', id));
    const [x, y, w, h] = rect ?? [];
    element.muted = true;
    element.playsInline = true;
    element.className = kind;
    element.style.cssText = `left:${x}px;top:${y}px;width:${w}px;height:${h}px`;
  }
  document.body.append(element);
  elements.set(key, element);
  element.play().catch((error: unknown) => console.warn(`floor: ${key} did not start: ${String(error)}`));
}

function hide(key: string): void {
  elements.get(key)?.remove();
  elements.delete(key);
}

const quality = (query.get('quality') ?? 'med') as 'low' | 'med' | 'high';

/** The template's hints for a camera it shows: its quality, then its tile's size (the layer follows the size). */
function hint(participant: Participant, stream: Stream): void {
  const rect = tiles.get(`${participant.id}:video`);
  if (stream.kind !== 'video' || !rect) return;
  participant.setQuality(quality).catch(() => undefined);
  markPhase('viewport', participant.id);
  participant.setViewPort(rect[2] ?? 0, rect[3] ?? 0);
}

function follow(participant: Participant): void {
  participant.on('stream-enabled', (stream: Stream) => {
    if (stream.kind === 'video') markPhase('stream', participant.id);
    show(participant.id, stream);
    hint(participant, stream);
  });
  participant.on('stream-disabled', (stream: Stream) => hide(`${participant.id}:${stream.kind}`));
  for (const stream of participant.streams.values()) show(participant.id, stream);
  participant.consumeMicStreams();
  if (tiles.has(`${participant.id}:video`)) {
    markPhase('consume', participant.id);
    participant.consumeWebcamStreams();
  }
}

VideoSDK.config(query.get('token') ?? '');
const meeting = VideoSDK.initMeeting({
  meetingId: query.get('meetingId') ?? '',
  participantId: query.get('participantId') ?? '',
  name: 'floor',
  micEnabled: false,
  webcamEnabled: false,
  mode: 'SEND_AND_RECV',
  autoConsume: false,
});
meeting.on('meeting-joined', () => markPhase('meeting-joined'));
meeting.on('participant-joined', (participant: Participant) => {
  markPhase('peer');
  follow(participant);
});
meeting.on('participant-left', (participant: Participant) => {
  for (const key of [...elements.keys()]) if (key.startsWith(`${participant.id}:`)) hide(key);
});
meeting.on('error', (error: { code: number; message: string }) => console.error(`floor: SDK error ${error.code}: ${error.message}`));
markPhase('join');
meeting.join().then(() => markPhase('join-acked'));
