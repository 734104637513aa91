import { defineConfig } from 'vite';

// Relative asset URLs so dist/ can be hosted under any path.
export default defineConfig({
  base: './',
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
