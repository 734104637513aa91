/**
 * Bundle weights from the production build, gzip: what the recorder downloads (entry, its static
 * imports, the VideoSDK source and the SDK, CSS) and what the preview downloads (no SDK).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip sizes in KB (1 KB = 1024 bytes). */
export interface BundleWeights {
  /** Recorder mode in total: entry + static imports + videosdk-source + SDK + CSS. */
  readonly recorderKB: number;
  /** The SDK chunk alone. */
  readonly sdkKB: number;
  /** Recorder mode without the SDK: our own code and CSS. */
  readonly ownKB: number;
  /** Preview mode: entry + static imports + demo source + designer panel + CSS, no SDK. */
  readonly previewKB: number;
  /** Each counted file with its gzip KB, by mode. */
  readonly files: { readonly recorder: Record<string, number>; readonly preview: Record<string, number> };
}

const gzipKB = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length / 1024;

/** Relative chunk names a module imports statically (`import … from "./x.js"`). */
function importsOf(code: string): { static: string[] } {
  const unique = (re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => (m[1] as string).replace(/^\.\//, '')))];
  return { static: unique(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g) };
}

/** Weighs the build in `distDir` (its index.html and assets/). */
export function bundleWeights(distDir: string): BundleWeights {
  const assets = join(distDir, 'assets');
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const read = (name: string) => readFileSync(join(assets, name));
  // Every script and module preload of the page (Vite may hoist a shared chunk into its own tag).
  const entries = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  if (entries.length === 0) throw new Error('dist/index.html has no module entry script; run `npm run build`.');
  const css = [...html.matchAll(/<link[^>]+href="\.?\/?assets\/([^"]+\.css)"/g)].map((m) => m[1] as string);
  // A chunk and everything it imports statically (what the browser fetches before it runs).
  const closure = (start: string, into = new Set<string>()) => {
    if (into.has(start)) return into;
    into.add(start);
    for (const next of importsOf(read(start).toString()).static) closure(next, into);
    return into;
  };
  const page = () => entries.reduce((into, entry) => closure(entry, into), new Set<string>());
  const names = readdirSync(assets);
  const find = (prefix: string) => {
    const hit = names.find((n) => n.startsWith(prefix) && n.endsWith('.js'));
    if (!hit) throw new Error(`No ${prefix}*.js chunk in dist/assets.`);
    return hit;
  };
  const sourceChunk = find('videosdk-source-');
  const sdkChunk = names.find((n) => /^videosdk-[\w-]+\.js$/.test(n) && !n.startsWith('videosdk-source-'));
  if (!sdkChunk) throw new Error('No VideoSDK chunk (videosdk-*.js) in dist/assets.');

  const weigh = (files: Set<string>) => Object.fromEntries([...files].map((f) => [f, gzipKB(read(f))]));
  const recorder = closure(sourceChunk, page());
  recorder.add(sdkChunk);
  for (const f of importsOf(read(sdkChunk).toString()).static) closure(f, recorder);
  for (const f of css) recorder.add(f);
  const preview = page();
  for (const prefix of ['demo-source-', 'preview-shell-']) closure(find(prefix), preview);
  for (const f of css) preview.add(f);
  const recorderFiles = weigh(recorder);
  const previewFiles = weigh(preview);
  const sum = (files: Record<string, number>) => Object.values(files).reduce((a, b) => a + b, 0);
  const sdkKB = recorderFiles[sdkChunk] ?? 0;
  return {
    recorderKB: sum(recorderFiles),
    sdkKB,
    ownKB: sum(recorderFiles) - sdkKB,
    previewKB: sum(previewFiles),
    files: { recorder: recorderFiles, preview: previewFiles },
  };
}
