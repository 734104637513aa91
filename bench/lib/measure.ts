/**
 * The benchmark's measurements of one page: first frames, presented fps per video, CPU of the whole
 * browser tree, peak memory, heap and DOM growth, and speaker-switch latency. The in-page half is
 * bench/page/probe.js, injected into the template and the floor alike.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { type BrowserCost, type CpuSplit, MemorySampler, coreBusyPercent, coreSample, cpuSplit } from './chromium.js';

const PROBE = join(dirname(fileURLToPath(import.meta.url)), '..', 'page', 'probe.js');

/** What one measuring window saw. */
export interface WindowFigures {
  /** Median over shown videos of presented frames per second (null without video). */
  readonly fpsMedian: number | null;
  /** The slowest shown video's presented frames per second (null without video). */
  readonly fpsMin: number | null;
  readonly cpuPercent: number;
  /** `cpuPercent` by process kind (renderer, GPU, audio, network service, browser, other). */
  readonly split: CpuSplit;
  readonly peakMemoryMB: number;
  readonly seconds: number;
  /** The pinned core's load from other processes during the window (the figures are unreliable when high). */
  readonly otherLoadPercent: number | null;
}

/** Heap and DOM size after a forced garbage collection. */
export interface PageSize {
  readonly heapMB: number;
  readonly nodes: number;
}

/** One phase of the way to video (src/meeting/phases.ts): ms from navigation when it first and last happened, and how often (per participant). */
export interface PhaseSpan {
  readonly first: number;
  readonly last: number;
  readonly count: number;
}

/** Where a page's time to video went: its phases from navigation, and the files it fetched on the way. */
export interface PhaseTrace {
  /** `html` (the document's response), `paint` (first paint) and the page's own `rec:` marks, by phase. */
  readonly phases: Readonly<Record<string, PhaseSpan>>;
  /** Scripts, styles and fonts fetched before the last first frame: file, start and end (ms from navigation). */
  readonly fetches: readonly { readonly file: string; readonly startMs: number; readonly endMs: number }[];
}

/** A trace as one line, e.g. `html 12 · module 80 · … · frame 900–1100 (4)`. */
export function traceLine(trace: PhaseTrace): string {
  return Object.entries(trace.phases)
    .sort(([, a], [, b]) => a.first - b.first)
    .map(([name, span]) => `${name} ${Math.round(span.first)}${span.count > 1 ? `–${Math.round(span.last)} (${span.count})` : ''}`)
    .join(' · ');
}

/** The template's opening over its first 5 s (bench/page/probe.js). */
export interface OpeningFigures {
  /** Navigation → the first frame with the tiles revealed (no `<html data-opening>`). */
  readonly revealedMs: number | null;
  /** Navigation → the first revealed frame in which every camera tile shows a presented frame. */
  readonly revealMs: number | null;
  /** Revealed frames (of the first 5 s) in which a camera tile showed a placeholder. */
  readonly placeholderFrames: number;
}

/** The median of some numbers (null when there are none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Rounds to `digits` decimals, keeping null. */
export function round(value: number | null, digits = 1): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A page opened for measuring, with the probe injected and a CDP session for heap and DOM metrics. */
export class MeasuredPage {
  /** Errors the page logged or threw (a broken media path shows up here, not in the figures). */
  readonly errors: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly cost: BrowserCost,
  ) {}

  /** Opens `url` in a new page of `browser` at `viewport`, the probe running before any page script. */
  static async open(browser: Browser, cost: BrowserCost, url: string, viewport: { width: number; height: number }): Promise<MeasuredPage> {
    const measured = await MeasuredPage.blank(browser, cost, viewport);
    await measured.page.goto(url);
    return measured;
  }

  /** A new blank page with the probe installed for its next navigation (routes can be set up first). */
  static async blank(browser: Browser, cost: BrowserCost, viewport: { width: number; height: number }): Promise<MeasuredPage> {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    const measured = new MeasuredPage(page, cost);
    const report = (text: string) => {
      measured.errors.push(text);
      console.error(`  page: ${text}`);
    };
    page.on('pageerror', (error) => report(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') report(message.text());
    });
    await page.addInitScript({ path: PROBE });
    return measured;
  }

  /** Waits until every shown video presented a frame; returns ms from navigation to the last of those first frames. */
  async firstFrameMs(timeoutMs = 20_000): Promise<number | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const first = (await this.page.evaluate('window.benchProbe.firstFrames()')) as { videos: number; allMs: number | null };
      if (first.allMs !== null) return first.allMs;
      if (Date.now() > deadline) return null;
      await sleep(50);
    }
  }

  /** The opening's figures, once the probe has sampled its first 5 s. */
  async opening(): Promise<OpeningFigures> {
    for (;;) {
      const figures = (await this.page.evaluate('window.benchProbe.opening()')) as OpeningFigures | null;
      if (figures) return figures;
      await sleep(100);
    }
  }

  /** The page's phase trace so far (see PhaseTrace). */
  async phaseTrace(): Promise<PhaseTrace> {
    const raw = (await this.page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByName('first-paint')[0];
      const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('rec:')).map((m) => [m.name.slice(4), m.startTime]);
      const fetches = performance.getEntriesByType('resource')
        .filter((r) => ['.js', '.css', '.woff', '.woff2'].some((end) => r.name.split('?')[0].endsWith(end)))
        .map((r) => ({ file: r.name.split('/').pop().split('?')[0], startMs: r.startTime, endMs: r.responseEnd }));
      return { html: nav ? nav.responseEnd : null, paint: paint ? paint.startTime : null, marks, fetches };
    })()`)) as { html: number | null; paint: number | null; marks: [string, number][]; fetches: PhaseTrace['fetches'] };
    const phases: Record<string, PhaseSpan> = {};
    const add = (name: string, at: number) => {
      const span = phases[name];
      phases[name] = span ? { first: Math.min(span.first, at), last: Math.max(span.last, at), count: span.count + 1 } : { first: at, last: at, count: 1 };
    };
    if (raw.html !== null) add('html', raw.html);
    if (raw.paint !== null) add('paint', raw.paint);
    // `consume:p1` and `consume:p2` are one phase, spanning the first to the last participant.
    for (const [name, at] of raw.marks) add(name.split(':')[0] ?? name, at);
    const lastFrame = phases['frame']?.last ?? Infinity;
    const round = (ms: number) => Math.round(ms);
    return {
      phases,
      fetches: raw.fetches.filter((f) => f.startMs <= lastFrame).map((f) => ({ file: f.file, startMs: round(f.startMs), endMs: round(f.endMs) })),
    };
  }

  /** Measures CPU of the whole browser, fps of shown videos and peak memory over `seconds`. */
  async window(seconds: number): Promise<WindowFigures> {
    const memory = new MemorySampler(this.cost).start();
    await this.page.evaluate('window.benchProbe.startWindow()');
    const before = await this.cost.cpuByProcess();
    const coreBefore = coreSample();
    const startedAt = performance.now();
    await sleep(seconds * 1000);
    const after = await this.cost.cpuByProcess();
    const coreBusy = coreBusyPercent(coreBefore, coreSample());
    const elapsed = (performance.now() - startedAt) / 1000;
    const frames = (await this.page.evaluate('window.benchProbe.endWindow()')) as { fps: number[] };
    const split = cpuSplit(before, after, elapsed);
    const cpu = Object.values(split).reduce((sum, v) => sum + v, 0);
    return {
      split,
      fpsMedian: median(frames.fps),
      fpsMin: frames.fps.length === 0 ? null : Math.min(...frames.fps),
      cpuPercent: cpu,
      otherLoadPercent: coreBusy === null ? null : Math.max(0, coreBusy - cpu),
      peakMemoryMB: await memory.stop(),
      seconds: elapsed,
    };
  }

  /** Heap and DOM nodes after a forced garbage collection. */
  async size(): Promise<PageSize> {
    const session = await this.page.context().newCDPSession(this.page);
    try {
      await session.send('Performance.enable');
      await session.send('HeapProfiler.collectGarbage');
      const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { heapMB: metric('JSHeapUsedSize') / 2 ** 20, nodes: metric('Nodes') };
    } finally {
      await session.detach();
    }
  }

  /** The shown videos as the SDK floor's `tiles` parameter: `<participant>:<video|share>:x,y,w,h;…`. */
  async tiles(): Promise<string> {
    const tiles = (await this.page.evaluate('window.benchProbe.tiles()')) as { id: string; kind: string; rect: number[] }[];
    return tiles.map((t) => `${t.id}:${t.kind}:${t.rect.join(',')}`).join(';');
  }

  /** The shown videos' rectangles, as the floor page's `rects` parameter. */
  async rects(): Promise<string> {
    const rects = (await this.page.evaluate('window.benchProbe.rects()')) as number[][];
    return rects.map((r) => r.join(',')).join(';');
  }

  async audioCount(): Promise<number> {
    return (await this.page.evaluate('window.benchProbe.audioCount()')) as number;
  }

  /** Ms from a speaker change until a frame shows it (see probe.js), or null if it never did. */
  async switchSpeaker(id: string, role?: string): Promise<number | null> {
    return (await this.page.evaluate(`window.benchProbe.switchSpeaker(${JSON.stringify(id)}, ${JSON.stringify(role ?? null)})`)) as number | null;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
