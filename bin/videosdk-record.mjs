#!/usr/bin/env -S node --
// `videosdk-record` from the repo's sources (npm run record): the TypeScript CLI through tsx's scoped loader, no build step.
// The published CLI is packages/server (compiled). "--" keeps Node 20 off our own --env-file flag.
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
