import { defineConfig, type Plugin } from 'vite';
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

// Relative asset URLs so dist/ can be hosted under any path.
export default defineConfig({
  base: './',
  plugins: [firstPaint()],
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
