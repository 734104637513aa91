/** A static file server for the benchmark: the production build at `/`, the bench pages at `/bench/`. */
import { type StaticServer, serveStatic } from '../../packages/testkit/src/serve.js';

/** A running server; `url` ends with a slash. */
export type BenchServer = StaticServer;

/** Serves `distDir` at `/` and `benchDir` at `/bench/` on 127.0.0.1 (port 0: any free port). */
export function serveBench(distDir: string, benchDir: string, port = 0): Promise<BenchServer> {
  return serveStatic({ '/': distDir, '/bench/': benchDir }, port);
}
