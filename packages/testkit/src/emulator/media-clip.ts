/**
 * Pre-encoded video for the media page (browser code): an RTCRtpScriptTransform that replaces each
 * frame the encoder made of a tiny canvas with the next frame of a VP8 clip, so a receiver gets
 * full-size camera frames (720p, 1080p) while the sender spends next to nothing on encoding.
 */

/** One VP8 frame of a clip. */
interface ClipFrame {
  readonly data: ArrayBuffer;
  readonly key: boolean;
}

/** The frames of an IVF file given as base64 (a 32-byte header, then a 12-byte header before each frame). */
export function ivfFrames(base64: string): ClipFrame[] {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  const frames: ClipFrame[] = [];
  for (let at = view.getUint16(6, true); at + 12 <= bytes.byteLength; ) {
    const size = view.getUint32(at, true);
    const data = bytes.slice(at + 12, at + 12 + size);
    // VP8's frame tag: bit 0 clear on a key frame.
    if (data.byteLength > 0) frames.push({ data: data.buffer, key: ((data[0] ?? 1) & 1) === 0 });
    at += 12 + size;
  }
  if (!frames[0]?.key) throw new Error('media page: a clip must start with a key frame');
  return frames;
}

// The worker: clips arrive by message; each transform plays one from its start and goes back to its
// first key frame whenever the encoder makes a key frame (the receiver asked for one, or the stream
// starts), so every frame it sends decodes. A consumer told to play another clip (a simulcast layer
// switch) starts it at its key frame, as an SFU switches layers at a key frame.
const WORKER = `
const clips = new Map();
const playing = new Map();
onmessage = ({ data }) => {
  if (data.frames) clips.set(data.name, data.frames);
  else if (data.clip) playing.set(data.consumer, { clip: data.clip, position: 0 });
  else playing.delete(data.consumer);
};
onrtctransform = ({ transformer }) => {
  const { clip, consumer } = transformer.options;
  playing.set(consumer, { clip, position: 0 });
  transformer.readable
    .pipeThrough(new TransformStream({
      transform(frame, controller) {
        const state = playing.get(consumer);
        const frames = state && clips.get(state.clip);
        if (!frames) return controller.enqueue(frame);
        if (frame.type === 'key') state.position = 0;
        frame.data = frames[state.position].data.slice(0);
        state.position = (state.position + 1) % frames.length;
        controller.enqueue(frame);
      },
    }))
    .pipeTo(transformer.writable);
};`;

let worker: Worker | undefined;

/** Hands a clip to the transform worker under `name` (before any sender plays it). */
export function loadClip(name: string, base64: string): void {
  worker ??= new Worker(URL.createObjectURL(new Blob([WORKER], { type: 'text/javascript' })));
  const frames = ivfFrames(base64);
  worker.postMessage({ name, frames }, frames.map((f) => f.data));
}

function loadedWorker(name: string): Worker {
  if (!worker) throw new Error(`media page: clip ${name} was never loaded`);
  return worker;
}

/** Makes `sender` send clip `name` in place of its encoder's frames, as `consumer`'s stream. */
export function playClip(sender: RTCRtpSender, name: string, consumer: string): void {
  sender.transform = new RTCRtpScriptTransform(loadedWorker(name), { clip: name, consumer });
}

/** Makes `consumer`'s stream send clip `name` from its key frame on. */
export function switchClip(consumer: string, name: string): void {
  loadedWorker(name).postMessage({ consumer, clip: name });
}

/** Forgets a stream that was released. */
export function forgetClip(consumer: string): void {
  worker?.postMessage({ consumer });
}
