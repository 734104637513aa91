#!/usr/bin/env node
// Entry point of `videosdk-record`. Loads the TypeScript CLI through tsx's scoped loader, so it runs
// right after `npm ci` with no build step and without changing how the rest of the process loads modules.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const tsconfig = fileURLToPath(new URL('../tsconfig.launcher.json', import.meta.url));
/** @type {typeof import('../src/launcher/cli.js')} */
const cli = await tsImport('../src/launcher/cli.ts', { parentURL: import.meta.url, tsconfig });

const controller = new AbortController();
// First Ctrl-C stops gracefully; a second one gets Node's default (immediate exit).
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => controller.abort());
}

process.exitCode = await cli.run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
