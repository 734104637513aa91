import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { type Plugin, defineConfig } from 'vite';
import { FIRST_PAINT_MARKER, firstPaintHead } from './src/first-paint.js';

/** Writes the first-paint theme style and script into each page from the palettes (one source). */
function firstPaint(): Plugin {
  return {
    name: 'rec-first-paint',
    transformIndexHtml(html, context) {
      if (!html.includes(FIRST_PAINT_MARKER)) throw new Error(`${context.filename} has no ${FIRST_PAINT_MARKER} in its head`);
      return html.replace(FIRST_PAINT_MARKER, firstPaintHead());
    },
  };
}

/**
 * The recorder's critical path starts with the SDK: with a token in the URL, each page fetches the
 * SDK's chunk, the live source's chunks and the Latin font beside its own script, instead of only
 * once that script has run (the preview, without a token, never downloads them).
 */
function recorderPreload(): Plugin {
  return {
    name: 'recorder-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, path }) {
        if (!bundle) return;
        const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file] : []));
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const recorder = new Set<string>();
        const add = (fileName: string) => {
          if (recorder.has(fileName)) return;
          recorder.add(fileName);
          for (const imported of byFile.get(fileName)?.imports ?? []) add(imported);
        };
        for (const chunk of chunks) {
          const id = chunk.facadeModuleId ?? '';
          if (id.includes('/@videosdk.live/js-sdk/') || id.endsWith('/sources/videosdk/videosdk-source.ts')) add(chunk.fileName);
        }
        const font = Object.keys(bundle).find((name) => /\/noto-sans-latin-500-normal-[^/]*\.woff2$/.test(name));
        const from = posix.dirname(path);
        const href = (fileName: string) => JSON.stringify(posix.relative(from, `/${fileName}`));
        const links = [...recorder].map((file) => `['modulepreload', ${href(file)}]`);
        if (font) links.push(`['preload', ${href(font)}, 'font']`);
        return [
          {
            tag: 'script',
            injectTo: 'head-prepend',
            children: `if (new URLSearchParams(location.search).get('token')) for (const [rel, href, as] of [${links.join(', ')}]) { const link = document.createElement('link'); link.rel = rel; link.href = href; if (as) { link.as = as; link.crossOrigin = ''; } document.head.append(link); }`,
          },
        ];
      },
    },
  };
}

/**
 * What each page may load. Scripts: our own files and the inline theme script by its hash. Connections:
 * VideoSDK's api, signalling and PubSub hosts (the SDK's blob: worker holds the PubSub socket and
 * inherits this policy), plus loopback, where the emulated VideoSDK of our tests listens.
 * Styles may be inline: Lit templates and the pre-paint theme need it; colours are checked as colours.
 */
const POLICY = {
  'default-src': ["'self'"],
  // The SDK compiles WebAssembly when it joins ('wasm-unsafe-eval' allows that, never JavaScript eval).
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'https:', 'data:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'blob:', 'data:'],
  'connect-src': ["'self'", 'https://*.videosdk.live', 'wss://*.videosdk.live', 'ws://127.0.0.1:*', 'wss://127.0.0.1:*'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** The Content-Security-Policy meta tag, with the hash of each inline script as the page finally is (so an edit re-hashes it). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
          (match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`,
        );
        const policy = { ...POLICY, 'script-src': [...POLICY['script-src'], ...hashes] };
        const content = Object.entries(policy).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }];
      },
    },
  };
}

// Relative asset URLs so dist/ can be hosted under any path.
export default defineConfig({
  base: './',
  // First paint writes the theme script; the policy is written after it, hashing the page as built.
  // The preload script is inline: the policy, last, hashes it with the others.
  plugins: [firstPaint(), recorderPreload(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      // Each template is its own page: templates/<name>/index.html → dist/templates/<name>/.
      input: { main: 'index.html', branded: 'templates/branded/index.html', podcast: 'templates/podcast/index.html' },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
