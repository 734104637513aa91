/** The local recorder as a user runs it: it writes its file and exits (it used to hang on a timer after "wrote"). */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('record:local --emulated writes the WebM and exits by itself', async () => {
  test.setTimeout(240_000);
  const out = join(mkdtempSync(join(tmpdir(), 'record-local-')), 'x.webm');
  const child = spawn('npx', ['tsx', 'bench/record-local.ts', '--emulated', '--peers', '2', '--seconds', '2', '--out', out], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a hung run is ended whole (npx, tsx and node)
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const wrote = new Promise<void>((resolve) => child.stdout.on('data', () => output.includes('wrote ') && resolve()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await Promise.race([wrote, exited]);
  expect(output).toContain('wrote ');
  // Once the file is written, the process ends within seconds (not minutes).
  const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000))]);
  if (code === 'hung') process.kill(-child.pid!, 'SIGKILL');
  expect(code, output).toBe(0);
  expect(existsSync(out) && statSync(out).size).toBeGreaterThan(1000);
});
