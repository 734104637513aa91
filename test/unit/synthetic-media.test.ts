import { expect } from '@open-wc/testing';
import { DEMO_NAMES, DemoNamePicker, initials } from '../../src/sources/demo/demo-names.js';
import { hueFor, seededRandom } from '../../src/sources/demo/demo-random.js';
import { canvasFontsLoaded, loadCanvasFonts } from '../../src/sources/demo/canvas-fonts.js';
import { SyntheticAudio, type SyntheticVoice } from '../../src/sources/demo/synthetic-audio.js';
import { SyntheticSlide, SyntheticVideo } from '../../src/sources/demo/synthetic-canvas.js';
import { wait } from '../fixtures/harness.js';


/** Plays a track in a muted <video> and resolves once a frame has been presented. */
async function present(track: MediaStreamTrack): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  document.body.append(video);
  const frame = new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
  await video.play();
  await Promise.race([frame, wait(3000)]);
  return video;
}

/** The RGB of one pixel of what a <video> currently presents. */
function pixel(video: HTMLVideoElement, x: number, y: number): [number, number, number] {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(video, 0, 0);
  const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
  return [r!, g!, b!];
}

/** Root-mean-square level of a track's audio over `ms`, measured by an analyser. */
async function audioLevel(track: MediaStreamTrack, ms = 400): Promise<number> {
  const ctx = new AudioContext();
  try {
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    let peak = 0;
    const samples = new Float32Array(analyser.fftSize);
    const end = performance.now() + ms;
    while (performance.now() < end) {
      await wait(50);
      analyser.getFloatTimeDomainData(samples);
      const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
      peak = Math.max(peak, rms);
    }
    return peak;
  } finally {
    await ctx.close();
  }
}

describe('demo names', () => {
  it('include accents, non-Latin scripts, right-to-left text and emoji', () => {
    expect(DEMO_NAMES).to.include.members(['José Álvarez', '张伟', 'محمد علي', 'Søren 🎧', '🎙️ Podcast Host']);
    expect(new Set(DEMO_NAMES).size).to.equal(DEMO_NAMES.length);
  });

  it('are picked in the same order for the same seed and a different order for another seed', () => {
    const take = (seed: number) => {
      const picker = new DemoNamePicker(seededRandom(seed));
      return Array.from({ length: 8 }, () => picker.next());
    };
    expect(take(7)).to.deep.equal(take(7));
    expect(take(7)).not.to.deep.equal(take(8));
  });

  it('stay distinct beyond the built-in list by numbering repeats', () => {
    const picker = new DemoNamePicker(seededRandom(1));
    const names = Array.from({ length: 100 }, () => picker.next());
    expect(new Set(names).size).to.equal(100);
    expect(names[DEMO_NAMES.length]).to.equal(`${names[0]} 2`);
  });

  it('give initials by grapheme, skipping emoji-only words', () => {
    expect(initials('José Álvarez')).to.equal('JÁ');
    expect(initials('🎙️ Podcast Host')).to.equal('PH');
    expect(initials('张伟')).to.equal('张');
    expect(initials('Ngọc Ánh Trần')).to.equal('NÁ');
    expect(initials('zoë')).to.equal('Z');
  });

  it('never draw invisible characters: blank letters (U+3164) and zero-width ones count as nothing', () => {
    expect(initials('\u3164')).to.equal('');
    expect(initials('\u3164\u3164 \u200b')).to.equal('');
    expect(initials('\u3164 Ana \u115f Lima')).to.equal('AL');
    expect(initials('\u200bzoë')).to.equal('Z');
  });
});

describe('hueFor', () => {
  it('is stable and spreads nearby ids apart', () => {
    expect(hueFor('1:p1')).to.equal(hueFor('1:p1'));
    const hues = new Set(['1:p1', '1:p2', '1:p3', '1:p4', '1:p5', '1:p6'].map(hueFor));
    expect(hues.size).to.be.greaterThan(4);
    for (const hue of hues) expect(hue).to.be.within(0, 359);
  });
});

describe('canvas fonts', () => {
  it('loads the page font faces a canvas will draw with, before it draws', async () => {
    const face = new FontFace('Noto Sans', 'url(/node_modules/@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2)', {
      weight: '600',
    });
    document.fonts.add(face);
    try {
      expect(canvasFontsLoaded('Ana')).to.equal(false);
      await loadCanvasFonts('Ana');
      expect(face.status).to.equal('loaded');
      expect(canvasFontsLoaded('Ana')).to.equal(true);
    } finally {
      document.fonts.delete(face);
    }
  });

  it('resolves with one warning, instead of rejecting, when a font fails to load', async () => {
    const face = new FontFace('Noto Sans', 'url(/no-such-font-here.woff2)', { weight: '500' });
    document.fonts.add(face);
    const originalWarn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      await loadCanvasFonts('Ana', 2000);
      expect(face.status).to.equal('error');
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = originalWarn;
      document.fonts.delete(face);
    }
  });
});

describe('SyntheticVideo', () => {
  let videos: SyntheticVideo[] = [];
  afterEach(() => {
    for (const v of videos) v.stop();
    videos = [];
    for (const el of document.querySelectorAll('video')) el.remove();
  });

  it('is a live 640×360 video track by default and counts the frames it draws', () => {
    const video = new SyntheticVideo('Ana', 120, 0);
    videos.push(video);
    expect(video.track.kind).to.equal('video');
    expect(video.track.readyState).to.equal('live');
    expect(video.framesDrawn).to.equal(0);
    video.draw(0);
    video.draw(40);
    expect(video.framesDrawn).to.equal(2);
  });

  it('takes its size as an option', async () => {
    const video = new SyntheticVideo('Ana', 120, 0, { width: 320, height: 180 });
    videos.push(video);
    video.draw(0);
    const el = await present(video.track);
    expect([el.videoWidth, el.videoHeight]).to.deep.equal([320, 180]);
  });

  it('presents one still frame in a <video> attached after it was drawn', async () => {
    const video = new SyntheticVideo('Zoë O’Connor', 200, 0);
    videos.push(video);
    video.draw(0);
    await wait(200);
    const el = await present(video.track);
    expect(el.videoWidth).to.equal(640);
    expect(el.videoHeight).to.equal(360);
    // The centre is the light initials disc; a corner is the darker background gradient.
    const centre = pixel(el, 320, 200);
    const corner = pixel(el, 5, 5);
    expect(centre.reduce((a, b) => a + b)).to.be.greaterThan(corner.reduce((a, b) => a + b) + 150);
  });

  it('draws the same frame for the same time (snapshots are stable)', async () => {
    const a = new SyntheticVideo('Ana', 30, 1000);
    const b = new SyntheticVideo('Ana', 30, 1000);
    videos.push(a, b);
    a.draw(1000);
    b.draw(1000);
    const [ea, eb] = [await present(a.track), await present(b.track)];
    for (const [x, y] of [[5, 5], [320, 180], [600, 20], [100, 300]] as const) {
      expect(pixel(ea, x, y)).to.deep.equal(pixel(eb, x, y));
    }
  });

  it('ends its track on stop', () => {
    const video = new SyntheticVideo('Ana', 120, 0);
    video.stop();
    expect(video.track.readyState).to.equal('ended');
  });
});

describe('SyntheticSlide', () => {
  it('is a 16:9 1280×720 share track that a <video> presents', async () => {
    const slide = new SyntheticSlide('Ana', 40, 0);
    try {
      slide.draw(0);
      const el = await present(slide.track);
      expect([el.videoWidth, el.videoHeight]).to.deep.equal([1280, 720]);
      // The slide body is near-white, its title band is coloured.
      const body = pixel(el, 40, 600);
      expect(Math.min(...body)).to.be.greaterThan(230);
      el.remove();
    } finally {
      slide.stop();
    }
    expect(slide.track.readyState).to.equal('ended');
  });
});

describe('SyntheticAudio', () => {
  let audio: SyntheticAudio;
  let voices: SyntheticVoice[] = [];
  beforeEach(() => {
    audio = new SyntheticAudio();
  });
  afterEach(async () => {
    for (const v of voices) v.stop();
    voices = [];
    await audio.close();
  });

  it('gives each voice its own live audio track from one context', () => {
    const a = audio.voice(150)!;
    const b = audio.voice(200)!;
    voices.push(a, b);
    expect(a.track.kind).to.equal('audio');
    expect(a.track.readyState).to.equal('live');
    expect(a.track.id).not.to.equal(b.track.id);
    expect(audio.state).to.equal('running');
  });

  it('is silent until speaking, audible (and quiet) while speaking, silent again after', async () => {
    const voice = audio.voice(160)!;
    voices.push(voice);
    expect(await audioLevel(voice.track)).to.be.below(0.001);
    voice.setSpeaking(true);
    const speaking = await audioLevel(voice.track);
    expect(speaking).to.be.above(0.003);
    expect(speaking).to.be.below(0.1);
    voice.setSpeaking(false);
    await wait(400);
    expect(await audioLevel(voice.track)).to.be.below(0.001);
  });

  it('closes its context and ends voice tracks on stop', async () => {
    const voice = audio.voice(160)!;
    voice.setSpeaking(true);
    voice.stop();
    expect(voice.track.readyState).to.equal('ended');
    await audio.close();
    expect(audio.state).to.equal('closed');
    expect(audio.voice(160)).to.equal(undefined);
  });

  it('returns no voice, and warns once, when WebAudio is unavailable', () => {
    const original = window.AudioContext;
    const originalWarn = console.warn;
    const warnings: unknown[] = [];
    window.AudioContext = class {
      constructor() {
        throw new Error('no audio here');
      }
    } as unknown as typeof AudioContext;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const broken = new SyntheticAudio();
      expect(broken.voice(150)).to.equal(undefined);
      expect(broken.voice(150)).to.equal(undefined);
      expect(broken.state).to.equal('unavailable');
      expect(warnings).to.have.length(1);
    } finally {
      window.AudioContext = original;
      console.warn = originalWarn;
    }
  });
});
