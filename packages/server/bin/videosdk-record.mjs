#!/usr/bin/env -S node --
// Entry point of `videosdk-record`: the compiled CLI. The "--" stops Node 20 from taking our own
// --env-file flag for its own (it would exit 9 on a missing file before this script runs).
import { run } from '../dist/launcher/cli.js';

const controller = new AbortController();
// First Ctrl-C stops gracefully; a second one gets Node's default (immediate exit).
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => controller.abort());
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
