// The benchmark's in-page measuring code, injected before any page script (template and floor alike):
// presented frames per <video> from requestVideoFrameCallback's presentedFrames, first frames, and speaker-switch latency.
(() => {
  const seen = new Map(); // video -> { frames, first }
  let windowStart;

  const videosIn = (root, out) => {
    for (const el of root.querySelectorAll('*')) {
      if (el instanceof HTMLVideoElement) out.push(el);
      if (el.shadowRoot) videosIn(el.shadowRoot, out);
    }
    return out;
  };
  const shown = (video) => {
    if (video.hidden || !video.srcObject || !video.isConnected) return false;
    const rect = video.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  const watch = (video) => {
    if (seen.has(video)) return;
    const record = { frames: 0, first: undefined, since: performance.now() };
    seen.set(video, record);
    // Frames since the last callback from presentedFrames: callbacks run with the main thread's
    // rendering, and a late one covers several frames the compositor presented (a new source restarts the count).
    let last;
    const onFrame = (now, metadata) => {
      const presented = metadata?.presentedFrames;
      record.frames += Number.isFinite(presented) && last !== undefined && presented > last ? presented - last : 1;
      last = presented;
      if (record.first === undefined) record.first = now;
      if (video.isConnected) video.requestVideoFrameCallback(onFrame);
      else seen.delete(video);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  const scan = () => {
    // Forget removed videos, so the probe itself never keeps detached tiles alive.
    for (const video of seen.keys()) if (!video.isConnected) seen.delete(video);
    for (const video of videosIn(document, [])) watch(video);
  };
  const shownVideos = () => videosIn(document, []).filter(shown);

  // Every frame until the page shows video (so no first frame is missed), then twice a second.
  // A measuring window always scans slowly: an audio-only page never shows video, and scanning
  // its DOM every frame would be the probe's cost, counted against the template.
  const startedAt = performance.now();
  let slowScan;
  const slowDown = () => {
    if (slowScan === undefined) slowScan = setInterval(scan, 500);
  };
  // How many videos the page is to show: one per tile (every camera in a benchmark is on), or what
  // a page without tiles (the SDK floor) declares in <html data-videos>.
  const expectedVideos = () => {
    const tiles = (root) => [...root.querySelectorAll('*')].reduce((n, el) => n + (el.localName === 'rec-tile' ? 1 : 0) + (el.shadowRoot ? tiles(el.shadowRoot) : 0), 0);
    return Math.max(tiles(document), Number(document.documentElement.dataset.videos ?? 0));
  };
  // The first presented frame of each shown video, once every expected video shows one (else null).
  const allFirsts = () => {
    const firsts = shownVideos().map((v) => seen.get(v)?.first);
    const done = firsts.length > 0 && firsts.length >= expectedVideos() && firsts.every((t) => t !== undefined);
    return { firsts, done };
  };
  const fastScan = () => {
    if (slowScan !== undefined) return;
    scan();
    if (allFirsts().done || performance.now() - startedAt > 20000) slowDown();
    else requestAnimationFrame(fastScan);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fastScan);
  else fastScan();

  // The opening (issue 23), sampled each animation frame for the first 5 s: when the template's tiles
  // were revealed (no <html data-opening>), the first revealed frame in which every camera tile shows a
  // presented frame, and the revealed frames in which one shows a placeholder (every bench camera is on).
  const OPENING_MS = 5000;
  const opening = { revealedMs: null, revealMs: null, placeholderFrames: 0 };
  const cameraTiles = (root, out) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'rec-tile' && el.dataset.role !== 'share') out.push(el);
      if (el.shadowRoot) cameraTiles(el.shadowRoot, out);
    }
    return out;
  };
  const showsFrame = (tile, now) => {
    const video = tile.shadowRoot?.querySelector('video');
    if (!video || video.hidden || !video.srcObject) return false;
    watch(video);
    const first = seen.get(video)?.first;
    return first !== undefined && first <= now;
  };
  const sampleOpening = (now) => {
    const tiles = cameraTiles(document, []);
    if (tiles.length > 0 && document.documentElement.dataset.opening === undefined) {
      opening.revealedMs ??= now;
      if (tiles.every((tile) => showsFrame(tile, now))) opening.revealMs ??= now;
      else opening.placeholderFrames += 1;
    }
    if (now - startedAt < OPENING_MS) requestAnimationFrame(sampleOpening);
  };
  requestAnimationFrame(sampleOpening);

  const tileOf = (id) => {
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'rec-tile' && el.dataset.participantId === id) return el;
        if (el.shadowRoot) {
          const inner = find(el.shadowRoot);
          if (inner) return inner;
        }
      }
      return undefined;
    };
    return find(document);
  };
  const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
  // Resolves with the ms from `startedAt` until `id`'s tile speaks (in `role`) and its video presents a
  // frame; with `needVideo`, a tile still waiting for its camera's stream keeps it waiting.
  const speakerShown = async (id, role, startedAt, needVideo = false) => {
    for (;;) {
      const at = await nextFrame();
      const tile = tileOf(id);
      if (!tile || tile.dataset.speaking !== 'true' || (role && tile.dataset.role !== role)) {
        if (at - startedAt > 15000) return null;
        continue;
      }
      const video = tile.shadowRoot?.querySelector('video');
      if (!video || !shown(video)) {
        if (!needVideo || tile.dataset.camera !== 'on') return at - startedAt;
        if (at - startedAt > 15000) return null;
        continue;
      }
      const presented = await new Promise((done) => video.requestVideoFrameCallback((now) => done(now)));
      return presented - startedAt;
    }
  };

  window.benchProbe = {
    /** The opening's figures (null until it happened), once its 5 s are sampled; null before. */
    opening() {
      return performance.now() - startedAt < OPENING_MS ? null : { ...opening };
    },
    /** Times (ms since navigation) of the first and of the last shown video's first presented frame. */
    firstFrames() {
      const { firsts, done } = allFirsts();
      return { videos: firsts.length, firstMs: done ? Math.min(...firsts) : null, allMs: done ? Math.max(...firsts) : null };
    },
    /** Starts a measuring window. */
    startWindow() {
      slowDown();
      scan();
      windowStart = { at: performance.now(), frames: new Map([...seen].map(([v, r]) => [v, r.frames])) };
    },
    /**
     * Ends the window: presented frames per second of each video shown now, over the part of the
     * window it existed in (tiles that came on screen mid-window count from then, if ≥ 1 s ago).
     */
    endWindow() {
      scan();
      const now = performance.now();
      const seconds = (now - windowStart.at) / 1000;
      const fps = [];
      for (const video of shownVideos()) {
        const record = seen.get(video);
        if (!record) continue;
        const from = Math.max(windowStart.at, record.since);
        if (now - from < 1000) continue;
        fps.push((record.frames - (windowStart.frames.get(video) ?? 0)) / ((now - from) / 1000));
      }
      windowStart = undefined; // holds videos, which must not outlive their tiles
      return { seconds, fps };
    },
    /** The rectangles of the shown videos (the floor page places its videos at the same ones). */
    rects() {
      return shownVideos().map((v) => {
        const r = v.getBoundingClientRect();
        return [r.x, r.y, r.width, r.height].map(Math.round);
      });
    },
    /** How many <audio> elements play (in shadow roots too). */
    audioCount() {
      const count = (root) =>
        [...root.querySelectorAll('*')].reduce((n, el) => n + (el instanceof HTMLAudioElement ? 1 : 0) + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
      return count(document);
    },
    /**
     * Makes `id` the speaker (simulated meeting) and resolves with the ms from then until a frame
     * presents the change: its tile speaking (and `main` when `role` is given), and its video's next frame.
     */
    switchSpeaker(id, role) {
      const startedAt = performance.now();
      window.recDemo.speak(id);
      return speakerShown(id, role, startedAt);
    },
    /** Starts timing a speaker change that arrives from outside (the emulated server); `armed` resolves like switchSpeaker. */
    armSpeaker(id, role) {
      this.armed = speakerShown(id, role, performance.now(), true);
    },
    /** The videos shown now: whose (rec-tile's participant), camera or share, and where. */
    tiles() {
      return shownVideos().map((v) => {
        const tile = v.getRootNode().host;
        const r = v.getBoundingClientRect();
        return {
          id: tile?.dataset?.participantId ?? '',
          kind: tile?.dataset?.role === 'share' ? 'share' : 'video',
          rect: [r.x, r.y, r.width, r.height].map(Math.round),
        };
      });
    },
  };
})();
