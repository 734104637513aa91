import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.js';

// The recorder page with the typed fake SDK in place of @videosdk.live/js-sdk, for end-to-end
// tests only. It builds into dist-e2e/; the production build (vite.config.ts) never sees the fake.
export default mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [
        {
          find: /^@videosdk\.live\/js-sdk$/,
          replacement: fileURLToPath(new URL('./test/fixtures/fake-videosdk-entry.ts', import.meta.url)),
        },
      ],
    },
    build: { outDir: 'dist-e2e' },
  }),
);
