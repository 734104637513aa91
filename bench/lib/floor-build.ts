/**
 * Builds the recorder floor page (bench/page/floor-sdk.html, the SDK and nothing else) with Vite
 * into bench/build/, once per change of its source or of the SDK, so it is minified like dist/.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(BENCH_DIR, 'build');
const SOURCES = [join(BENCH_DIR, 'page', 'floor-sdk.html'), join(BENCH_DIR, 'page', 'floor-sdk.ts'), join(BENCH_DIR, '..', 'src', 'meeting', 'phases.ts'), join(BENCH_DIR, '..', 'node_modules', '@videosdk.live', 'js-sdk', 'package.json')];

/** The floor page's path relative to bench/ (the bench server serves it at /bench/…), built if stale. */
export async function ensureFloorBuild(): Promise<string> {
  const page = 'build/floor-sdk.html';
  const stamp = join(OUT_DIR, '.stamp');
  const version = SOURCES.map((file) => `${file}:${statSync(file).mtimeMs}`).join('\n');
  if (existsSync(join(BENCH_DIR, page)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return page;
  await build({
    configFile: false,
    root: join(BENCH_DIR, 'page'),
    base: './',
    logLevel: 'warn',
    // One chunk of about 1.4 MB, the SDK: as large as the template's SDK chunk, and meant to be.
    build: { outDir: OUT_DIR, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096, rollupOptions: { input: join(BENCH_DIR, 'page', 'floor-sdk.html') } },
  });
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, '.gitignore'), '*\n');
  writeFileSync(stamp, version);
  return page;
}
