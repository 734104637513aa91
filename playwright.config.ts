import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './packages/testkit/chromium-path.mjs';

// PW_PORT lets two checkouts run their page tests side by side.
const PORT = Number(process.env.PW_PORT ?? 4173);

// Page tests and snapshots against the production build (`npx vite build` first; `npm test` does it).
export default defineConfig({
  snapshotPathTemplate: '{testDir}/__snapshots__/{testFileName}/{arg}{ext}',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  updateSnapshots: 'none',
  reporter: [['list']],
  expect: {
    // Debian Chromium renders these byte-identically run to run; a small allowance, not enough to hide an icon or an emoji.
    toHaveScreenshot: { maxDiffPixels: 60, threshold: 0.2, animations: 'disabled' },
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    timezoneId: 'UTC',
    locale: 'en-US',
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
  },
  projects: [
    { name: 'e2e', testDir: 'test/e2e' },
    {
      // The production page with the real @videosdk.live/js-sdk, against the emulated VideoSDK (packages/testkit/src/emulator/).
      name: 'emulator',
      testDir: 'test/emulator',
      testMatch: '**/*.spec.ts',
      // Every scenario has its own emulated meeting and page: spread them over both workers.
      fullyParallel: true,
      use: {
        launchOptions: {
          executablePath: chromiumPath(),
          // Real-media scenarios connect two pages over loopback ICE: host candidates must be real IPs.
          args: [...CHROMIUM_ARGS, '--disable-features=WebRtcHideLocalIpsWithMdns'],
        },
      },
    },
    // The template test kit, packed and installed into an empty project once per run, judging our pages.
    { name: 'testkit-install', testDir: 'test/testkit', testMatch: 'install.setup.ts' },
    { name: 'testkit', testDir: 'test/testkit', testMatch: '**/*.spec.ts', dependencies: ['testkit-install'] },
    {
      // The packages as users get them (test/packs/): packed, scaffolded, installed and built once per run.
      name: 'packs',
      testDir: 'test/packs',
      timeout: 120_000,
      use: {
        launchOptions: {
          executablePath: chromiumPath() as string,
          args: [...(CHROMIUM_ARGS as string[]), '--disable-features=WebRtcHideLocalIpsWithMdns'],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
