// The package as a backend gets it: `npm pack` (prepack emits dist-server/ with its .d.ts), the
// tarball installed into an empty project, `videosdk-recording-template/server` imported from an
// .mjs that calls a loopback API and receives a webhook, a .ts consumer type-checked with tsc, and
// the installed videosdk-record bin. One test: it installs the dependencies once (about a minute).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { runProcess } from './harness.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CONSUMER = fileURLToPath(new URL('./pack-consumer/', import.meta.url));

// The npm settings of a surrounding `npm run` must not leak into the child npm (prefix, scripts…).
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

const run = (command: string, args: string[], cwd: string, timeoutMs: number) =>
  runProcess(command, args, { cwd, env: { ...cleanEnv, npm_config_update_notifier: 'false' }, timeoutMs });

it('npm pack installs into an empty project, imports from .mjs, type-checks from .ts, and runs the bin', { timeout: 600_000 }, async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'videosdk-pack-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));

  const pack = await run('npm', ['pack', '--json', '--pack-destination', work], REPO, 180_000);
  assert.equal(pack.code, 0, pack.stderr);
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  const files = packed!.files.map((file) => file.path);
  for (const path of ['dist-server/server/index.js', 'dist-server/server/index.d.ts', 'dist-server/config/options.js', 'bin/videosdk-record.mjs', 'src/launcher/cli.ts', 'tsconfig.launcher.json']) {
    assert.ok(files.includes(path), `${path} is in the tarball`);
  }
  assert.ok(!files.some((path) => path === '.env' || path.startsWith('test/') || path.startsWith('node_modules/')), 'no .env, tests or node_modules');

  const project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const tarball = join(work, packed!.filename);
  // The npm cache first; the registry (reachable here) only for what the cache lacks.
  let install = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--offline', tarball], project, 120_000);
  if (install.code !== 0) install = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', tarball], project, 240_000);
  assert.equal(install.code, 0, install.stderr);

  copyFileSync(join(CONSUMER, 'consumer.mjs'), join(project, 'consumer.mjs'));
  const imported = await run(process.execPath, ['consumer.mjs'], project, 30_000);
  assert.equal(imported.code, 0, imported.stderr);
  const report = JSON.parse(imported.stdout) as Record<string, unknown>;
  assert.deepEqual(report, {
    stopped: { message: 'Recording ended successfully' },
    error: { isVideoSdkError: true, kind: 'api', status: 400, code: 4011 },
    seen: [
      { method: 'POST', url: '/v2/recordings/end', rawJwt: true, body: { roomId: 'room-1' } },
      { method: 'POST', url: '/v2/recordings/start', rawJwt: true, body: { roomId: 'room-1' } },
    ],
    output: 'hls',
    webhookStatus: 200,
    events: ['hls-stopped'],
    types: 30,
  });

  copyFileSync(join(CONSUMER, 'consumer.ts'), join(project, 'consumer.ts'));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], strict: true, noEmit: true,
        // Our own .d.ts are declaration files too: skipLibCheck would skip exactly what this checks.
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(REPO, 'node_modules/@types')],
      },
      files: ['consumer.ts'],
    }),
  );
  const typecheck = await run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project, 180_000);
  assert.equal(typecheck.code, 0, typecheck.stdout + typecheck.stderr);

  const bin = await run(join(project, 'node_modules/.bin/videosdk-record'), ['hls', '--help'], project, 60_000);
  assert.equal(bin.code, 0, bin.stderr);
  assert.match(bin.stdout, /^videosdk-record hls: /);
});
