import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs, so dist/ can be hosted under any path.
  base: './',
  // VideoSDK's SDK is one 1.4 MB chunk, fetched only by the recorder (a token in the URL).
  build: { target: 'es2022', chunkSizeWarningLimit: 1600 },
});
