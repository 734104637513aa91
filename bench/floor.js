// The benchmark's floor: the least a page can do to show the same participants. Query:
// clip=<IVF url>, rects=x,y,w,h;x,y,w,h… (one <video> each), audio=<number of <audio> elements>.
// Its media path mirrors src/sources/demo/clip-video.ts (ClipVideo, ClipClock) and synthetic-audio.ts (SyntheticVoice):
// keep them in step, or the ratio measures the difference between two media paths.
const FPS = 30;
const query = new URLSearchParams(location.search);

function parseIvf(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames = [];
  let at = view.getUint16(6, true);
  while (at + 12 <= bytes.byteLength) {
    const size = view.getUint32(at, true);
    const data = bytes.subarray(at + 12, at + 12 + size);
    if (data.byteLength > 0) frames.push({ data, key: (data[0] & 1) === 0 });
    at += 12 + size;
  }
  return { width: view.getUint16(12, true), height: view.getUint16(14, true), frames };
}

function clipPlayer(clip, offset) {
  const track = new MediaStreamTrackGenerator({ kind: 'video' });
  const writer = track.writable.getWriter();
  const decoder = new VideoDecoder({
    output: (frame) => writer.write(frame).catch(() => frame.close()),
    error: (error) => console.warn(`floor: decoding failed: ${error}`),
  });
  decoder.configure({ codec: 'vp8', codedWidth: clip.width, codedHeight: clip.height });
  let position = offset % clip.frames.length;
  while (position > 0 && !clip.frames[position].key) position -= 1;
  let sent = 0;
  const next = () => {
    const frame = clip.frames[position];
    if (decoder.decodeQueueSize > 2 && !frame.key) return;
    decoder.decode(new EncodedVideoChunk({ type: frame.key ? 'key' : 'delta', timestamp: Math.round((sent * 1e6) / FPS), data: frame.data }));
    sent += 1;
    position = (position + 1) % clip.frames.length;
  };
  return { track, next };
}

function runClock(players) {
  const startedAt = performance.now();
  let ticks = 0;
  const schedule = () => {
    const due = startedAt + ((ticks + 1) * 1000) / FPS;
    setTimeout(() => {
      ticks += 1;
      const behind = Math.floor(((performance.now() - startedAt) * FPS) / 1000) - ticks;
      if (behind > FPS) ticks += behind;
      for (const player of players) player.next();
      schedule();
    }, Math.max(0, due - performance.now()));
  };
  schedule();
}

// One shared AudioContext; every participant a silent destination, the speaker a soft tone.
function voices(count) {
  if (count === 0) return;
  const ctx = new AudioContext();
  for (let i = 0; i < count; i++) {
    const output = ctx.createMediaStreamDestination();
    if (i === 0) {
      const voice = new OscillatorNode(ctx, { type: 'triangle', frequency: 150 });
      const filter = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: 900, Q: 0.7 });
      const envelope = new GainNode(ctx, { gain: 0.5 });
      const syllables = new OscillatorNode(ctx, { type: 'sine', frequency: 4.3 });
      const syllableDepth = new GainNode(ctx, { gain: 0.35 });
      const phrases = new OscillatorNode(ctx, { type: 'sine', frequency: 0.9 });
      const phraseDepth = new GainNode(ctx, { gain: 0.15 });
      const intonation = new OscillatorNode(ctx, { type: 'sine', frequency: 0.6 });
      const intonationDepth = new GainNode(ctx, { gain: 9 });
      const level = new GainNode(ctx, { gain: 0.06 });
      voice.connect(filter).connect(envelope).connect(level).connect(output);
      syllables.connect(syllableDepth).connect(envelope.gain);
      phrases.connect(phraseDepth).connect(envelope.gain);
      intonation.connect(intonationDepth).connect(voice.frequency);
      for (const source of [voice, syllables, phrases, intonation]) source.start();
    }
    const audio = document.createElement('audio');
    audio.autoplay = true;
    audio.srcObject = output.stream;
    audio.hidden = true;
    document.body.append(audio);
    audio.play().catch((error) => console.warn(`floor: audio did not start: ${error}`));
  }
}

async function main() {
  const rects = (query.get('rects') ?? '')
    .split(';')
    .filter(Boolean)
    .map((r) => r.split(',').map(Number));
  voices(Number(query.get('audio') ?? 0));
  if (rects.length === 0) return;
  const response = await fetch(query.get('clip'));
  const clip = parseIvf(new Uint8Array(await response.arrayBuffer()));
  const players = rects.map(([x, y, w, h], i) => {
    const player = clipPlayer(clip, i * 37);
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.style.cssText = `left:${x}px;top:${y}px;width:${w}px;height:${h}px`;
    video.srcObject = new MediaStream([player.track]);
    document.body.append(video);
    video.play().catch((error) => console.warn(`floor: video did not start: ${error}`));
    return player;
  });
  runClock(players);
}

main().catch((error) => console.error(`floor: ${error}`));
