/**
 * What the kit reads inside the template page. Each function runs in the page (Playwright serializes
 * it), so it is self-contained; they read only the contract in the kit's README: `<html data-state>`,
 * elements with `data-participant-id` (shadow roots pierced), a `<video>` in each tile, and one
 * `<audio data-key="mic:<participantId>">` per microphone.
 */

/** What the page's watcher saw since the last mark. */
export interface Watched {
  /** Every participant id any element carried at any sample, since the page loaded. */
  readonly everShown: string[];
  /** The distinct `data-state` values sampled since the mark. */
  readonly states: string[];
  /** The fewest tiles sampled since the mark (-1 before any sample). */
  readonly fewestTiles: number;
  /** Milliseconds from navigation to the first frame any `<video>` presented (null: none yet). */
  readonly firstFrameMs: number | null;
}

/** A tile's `<video>` over a window: frames presented (requestVideoFrameCallback) and decoded width. */
export interface TileVideo {
  readonly hasVideo: boolean;
  readonly frames: number;
  readonly width: number;
}

/** A microphone's `<audio>` over a window. */
export interface HeardAudio {
  readonly found: boolean;
  readonly paused: boolean;
  /** Seconds its clock advanced. */
  readonly advanced: number;
  /** `live`, `live muted`, `ended` or `none`. */
  readonly track: string;
  /** The loudest sample heard (0–1). */
  readonly peak: number;
}

/**
 * Installed before the page's own scripts: notes the first presented video frame (through the
 * srcObject setter every template uses for a MediaStream) and samples state and tiles every 250 ms.
 */
export const WATCHER_SCRIPT = `(() => {
  const kit = { firstFrame: null, everShown: new Set(), states: new Set(), fewestTiles: -1 };
  window.__videosdkTemplateTest = kit;
  const setter = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    ...setter,
    set(value) {
      setter.set.call(this, value);
      if (value && this instanceof HTMLVideoElement && 'requestVideoFrameCallback' in this) {
        this.requestVideoFrameCallback(() => { if (kit.firstFrame === null) kit.firstFrame = performance.now(); });
      }
    },
  });
  const tiles = (root, found) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.hasAttribute('data-participant-id')) found.push(el.getAttribute('data-participant-id'));
      if (el.shadowRoot) tiles(el.shadowRoot, found);
    }
    return found;
  };
  setInterval(() => {
    const ids = tiles(document, []);
    for (const id of ids) kit.everShown.add(id);
    kit.states.add(document.documentElement.dataset.state ?? '');
    kit.fewestTiles = kit.fewestTiles < 0 ? ids.length : Math.min(kit.fewestTiles, ids.length);
  }, 250);
})();`;

type Kit = { firstFrame: number | null; everShown: Set<string>; states: Set<string>; fewestTiles: number };

/** Reads the watcher; `mark` starts a new window for states and fewest tiles. */
export function readWatcher(mark: boolean): Watched {
  const kit = (window as unknown as { __videosdkTemplateTest?: Kit }).__videosdkTemplateTest;
  if (!kit) return { everShown: [], states: [], fewestTiles: -1, firstFrameMs: null };
  const seen = { everShown: [...kit.everShown], states: [...kit.states], fewestTiles: kit.fewestTiles, firstFrameMs: kit.firstFrame };
  if (mark) {
    kit.states = new Set();
    kit.fewestTiles = -1;
  }
  return seen;
}

/** `<html data-state>` and the participant ids on screen now (shadow roots pierced). */
export function readFrame(): { state: string; shown: string[] } {
  const found: string[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const id = el.getAttribute('data-participant-id');
      if (id !== null) found.push(id);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return { state: document.documentElement.dataset['state'] ?? '', shown: [...new Set(found)] };
}

/** Frames each tile's `<video>` presents in `ms`, by participant id (the best tile when one has several). */
export async function watchTiles(ms: number): Promise<Record<string, TileVideo>> {
  const tiles: HTMLElement[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el instanceof HTMLElement && el.dataset['participantId'] !== undefined) tiles.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const seen: Record<string, TileVideo> = {};
  await Promise.all(
    tiles.map(async (tile) => {
      const id = tile.dataset['participantId'] ?? '';
      const video = tile.shadowRoot?.querySelector('video') ?? tile.querySelector('video');
      let frames = 0;
      if (video) {
        let counting = true;
        const count = () => {
          frames += 1;
          if (counting) video.requestVideoFrameCallback(count);
        };
        video.requestVideoFrameCallback(count);
        await new Promise((resolve) => setTimeout(resolve, ms));
        counting = false;
      }
      const result = { hasVideo: video !== null, frames, width: video?.videoWidth ?? 0 };
      const before = seen[id];
      if (!before || result.frames > before.frames) seen[id] = result;
    }),
  );
  return seen;
}

/** How each listed participant's microphone `<audio>` plays over `ms`. */
export async function listenTo([ids, ms]: readonly [readonly string[], number]): Promise<Record<string, HeardAudio>> {
  const audios = new Map<string, HTMLAudioElement>();
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const key = el.getAttribute('data-key');
      if (el instanceof HTMLAudioElement && key?.startsWith('mic:')) audios.set(key.slice(4), el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const context = new AudioContext();
  const probes = ids.map((id) => {
    const audio = audios.get(id);
    const stream = audio?.srcObject instanceof MediaStream ? audio.srcObject : null;
    const track = stream?.getAudioTracks()[0];
    const analyser = context.createAnalyser();
    if (stream && track) context.createMediaStreamSource(stream).connect(analyser);
    return { id, audio, track, analyser, start: audio?.currentTime ?? 0 };
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  const heard: Record<string, HeardAudio> = {};
  for (const { id, audio, track, analyser, start } of probes) {
    const samples = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(samples);
    heard[id] = {
      found: audio !== undefined,
      paused: audio?.paused ?? true,
      advanced: audio ? audio.currentTime - start : 0,
      track: track ? `${track.readyState}${track.muted ? ' muted' : ''}` : 'none',
      peak: samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0),
    };
  }
  await context.close();
  return heard;
}

/** How much of a PNG (data URL) differs from its most common colour, as a share of its pixels. */
export async function nonBackgroundShare(dataUrl: string): Promise<number> {
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const g = canvas.getContext('2d');
  if (!g) return 0;
  g.drawImage(bitmap, 0, 0);
  const { data } = g.getImageData(0, 0, bitmap.width, bitmap.height);
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const colour = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const pixels = data.length / 4;
  return 1 - Math.max(...counts.values()) / pixels;
}
