// Encodes a webcam-like clip (or a slide, kind: 'slide') with the browser's own VP8 encoder (WebCodecs)
// and returns it as IVF, base64-encoded. Runs once per clip, outside the measured browser (bench/lib/clip.ts).
window.makeVp8Clip = async ({ kind = 'camera', width, height, frames, fps, bitrate, keyEvery }) => {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false });
  // Sensor-like grain, so the encoder and decoders work as hard as on a real camera picture.
  const grain = new OffscreenCanvas(Math.ceil(width / 4), Math.ceil(height / 4));
  const grainCtx = grain.getContext('2d');
  const grainPixels = grainCtx.createImageData(grain.width, grain.height);
  const chunks = [];
  let failure;
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const bytes = new Uint8Array(chunk.byteLength);
      chunk.copyTo(bytes);
      chunks.push(bytes);
    },
    error: (error) => (failure = error),
  });
  encoder.configure({ codec: 'vp8', width, height, bitrate, framerate: fps, latencyMode: 'realtime' });
  let seed = 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  // A shared slide: still text, and a progress bar that grows, as screen shares mostly are.
  const drawSlide = (i) => {
    ctx.fillStyle = '#f4f4f0';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#223';
    ctx.font = `bold ${Math.round(height / 14)}px sans-serif`;
    ctx.fillText('Quarterly review', width * 0.06, height * 0.15);
    ctx.font = `${Math.round(height / 24)}px sans-serif`;
    for (let line = 0; line < 8; line += 1) ctx.fillText(`• Point ${line + 1}: figures, findings and next steps`, width * 0.08, height * (0.28 + line * 0.08));
    ctx.fillStyle = '#36c';
    ctx.fillRect(width * 0.06, height * 0.92, (i / frames) * width * 0.88, height * 0.02);
  };
  for (let i = 0; i < frames; i++) {
    const t = (i * 1000) / fps;
    if (kind === 'slide') drawSlide(i);
    else drawCamera(t);
    const frame = new VideoFrame(canvas, { timestamp: Math.round(t * 1000), duration: Math.round(1e6 / fps) });
    encoder.encode(frame, { keyFrame: i % keyEvery === 0 });
    frame.close();
    while (encoder.encodeQueueSize > 4) await new Promise((done) => setTimeout(done, 1));
  }
  function drawCamera(t) {
    const gradient = ctx.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, `hsl(${210 + 20 * Math.sin(t / 1500)} 35% 45%)`);
    gradient.addColorStop(1, 'hsl(30 30% 25%)');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, width, height);
    // A head and shoulders that sway, like a person in front of a camera.
    const cx = width / 2 + Math.sin(t / 700) * width * 0.04;
    const cy = height * 0.45 + Math.cos(t / 900) * height * 0.02;
    ctx.fillStyle = 'hsl(25 40% 70%)';
    ctx.beginPath();
    ctx.ellipse(cx, cy, height * 0.14, height * 0.18, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = 'hsl(220 30% 30%)';
    ctx.beginPath();
    ctx.ellipse(cx, height * 1.02, height * 0.38, height * 0.3, 0, 0, Math.PI * 2);
    ctx.fill();
    for (let k = 0; k < grainPixels.data.length; k += 4) {
      const v = random() * 255;
      grainPixels.data[k] = v;
      grainPixels.data[k + 1] = v;
      grainPixels.data[k + 2] = v;
      grainPixels.data[k + 3] = 255;
    }
    grainCtx.putImageData(grainPixels, 0, 0);
    ctx.globalAlpha = 0.08;
    ctx.drawImage(grain, 0, 0, width, height);
    ctx.globalAlpha = 1;
  }
  await encoder.flush();
  if (failure) throw failure;
  // IVF: a 32-byte file header, then a 12-byte header (size, timestamp) before each frame.
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + 12 + c.length, 32));
  const view = new DataView(out.buffer);
  out.set([68, 75, 73, 70]); // DKIF
  view.setUint16(6, 32, true);
  out.set([86, 80, 56, 48], 8); // VP80
  view.setUint16(12, width, true);
  view.setUint16(14, height, true);
  view.setUint32(16, fps, true);
  view.setUint32(20, 1, true);
  view.setUint32(24, chunks.length, true);
  let at = 32;
  chunks.forEach((chunk, i) => {
    view.setUint32(at, chunk.length, true);
    view.setUint32(at + 4, i, true);
    out.set(chunk, at + 12);
    at += 12 + chunk.length;
  });
  let text = '';
  for (let i = 0; i < out.length; i += 0x8000) text += String.fromCharCode(...out.subarray(i, i + 0x8000));
  return btoa(text);
};
