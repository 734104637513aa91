// The backend package as a backend gets it: `npm run pack`, the server tarball installed alone into an
// empty project (test/packs/install.ts, shared by the run), then: what the install pulled in, an .mjs
// that calls a loopback API and receives a signed and a forged webhook, a .ts consumer type-checked with
// the tsconfig the README documents, and the installed videosdk-record bin.
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { installedSize, installPacked } from '../packs/install.js';
import { runProcess } from './harness.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CONSUMER = fileURLToPath(new URL('./pack-consumer/', import.meta.url));
const SERVER = 'videosdk-recording-template-server';
const run = (command: string, args: string[], cwd: string, timeoutMs: number) => runProcess(command, args, { cwd, env: { ...process.env }, timeoutMs });

it('the server package installs alone into an empty project: small, none of the page\'s dependencies, compiled JavaScript', { timeout: 900_000 }, async () => {
  const { dir } = await installPacked([SERVER]);
  const { bytes, packages } = installedSize(dir);
  console.log(`# installed ${SERVER}: ${(bytes / 1024 / 1024).toFixed(2)} MB, ${packages.length} packages: ${packages.join(', ')}`);
  assert.ok(bytes <= 15 * 1024 * 1024, `node_modules is ${bytes} bytes`);
  for (const absent of ['lit', '@videosdk.live/js-sdk', 'esbuild', 'tsx', 'jose']) assert.ok(!packages.includes(absent), `${absent} is not installed`);
  assert.ok(!packages.some((name) => name.startsWith('@fontsource/')), 'no font is installed');
  assert.ok(packages.includes('@videosdk.live/server-sdk'), 'the vendor SDK is installed');
});

it('an .mjs backend calls the API through it and gets the signed webhook, never the forged one', { timeout: 900_000 }, async () => {
  const { dir } = await installPacked([SERVER]);
  copyFileSync(join(CONSUMER, 'consumer.mjs'), join(dir, 'consumer.mjs'));
  const imported = await run(process.execPath, ['consumer.mjs'], dir, 30_000);
  assert.equal(imported.code, 0, imported.stderr);
  assert.deepEqual(JSON.parse(imported.stdout), {
    stopped: { message: 'Recording ended successfully' },
    error: { isVideoSdkError: true, kind: 'api', status: 400, code: 4011 },
    seen: [
      { method: 'POST', url: '/v2/recordings/end', rawJwt: true, body: { roomId: 'room-1' } },
      { method: 'POST', url: '/v2/recordings/start', rawJwt: true, body: { roomId: 'room-1' } },
    ],
    output: 'hls',
    webhookStatus: { signed: 200, forged: 401 },
    events: ['hls-stopped'],
    types: 30,
  });
});

it('a TypeScript backend type-checks with the documented tsconfig', { timeout: 900_000 }, async () => {
  const { dir } = await installPacked([SERVER]);
  copyFileSync(join(CONSUMER, 'consumer.ts'), join(dir, 'consumer.ts'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        // As README.md documents it ("types": ["node"] with @types/node installed).
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], strict: true, noEmit: true, types: ['node'],
        // Our own .d.ts are declaration files too: skipLibCheck would skip exactly what this checks.
        skipLibCheck: false,
        // Stands in for `npm install -D @types/node` in the consumer.
        typeRoots: [join(REPO, 'node_modules/@types')],
      },
      files: ['consumer.ts'],
    }),
  );
  const typecheck = await run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], dir, 180_000);
  assert.equal(typecheck.code, 0, typecheck.stdout + typecheck.stderr);
});

it('the installed videosdk-record runs as compiled JavaScript, and --env-file naming a missing file is its own usage error', { timeout: 900_000 }, async () => {
  const { dir } = await installPacked([SERVER]);
  const bin = join(dir, 'node_modules/.bin/videosdk-record');
  const help = await run(bin, ['hls', '--help'], dir, 60_000);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^videosdk-record hls: /);
  // Defect 7: Node 20 took --env-file for its own flag and exited 9 before the CLI ran.
  const missing = await run(bin, ['token', '--env-file', 'missing.env'], dir, 60_000);
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(missing.stderr, /--env-file: cannot read .*missing\.env \(ENOENT\)/);
});
