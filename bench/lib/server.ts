/** A static file server for the benchmark: the production build at `/`, the bench pages at `/bench/`. */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ivf': 'application/octet-stream',
};

/** A running server; `url` ends with a slash. */
export interface BenchServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `distDir` at `/` and `benchDir` at `/bench/` on 127.0.0.1 (port 0: any free port). */
export async function serveBench(distDir: string, benchDir: string, port = 0): Promise<BenchServer> {
  const roots = { dist: resolve(distDir), bench: resolve(benchDir) };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [root, rest] = path.startsWith('/bench/') ? [roots.bench, path.slice(7)] : [roots.dist, path.slice(1)];
    let file = normalize(join(root, rest || 'index.html'));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
