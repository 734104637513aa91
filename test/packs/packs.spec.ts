/**
 * The elements package and the scaffolder as users get them, sharing ONE install per run: the
 * tarballs packed, `create-videosdk-recording-template --from <packs>` run from its tarball in an
 * empty folder, `npm install`, `npm run build`; then the installed package and the built page are
 * checked (lit-html pin, a TypeScript consumer of every subpath, the preview and the recorder).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { expect, expectShown, frame, shownIds, test } from '../emulator/fixture.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SCAFFOLDER = join(REPO, 'packages/create-videosdk-recording-template');
const TESTKIT = join(REPO, 'packages/testkit');
const ELEMENTS = 'videosdk-recording-template';
const KIT = 'videosdk-recording-template-testkit';

// The npm settings of a surrounding `npm run` must not leak into the child npm (prefix, scripts…).
const cleanEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))), npm_config_update_notifier: 'false' };

interface Ran {
  code: number | null;
  out: string;
  ms: number;
}

function run(command: string, args: string[], cwd: string, timeoutMs = 600_000): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: cleanEnv });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, ms: Date.now() - started });
    });
  });
}

async function ok(command: string, args: string[], cwd: string): Promise<Ran> {
  const ran = await run(command, args, cwd);
  expect(ran.code, `${command} ${args.join(' ')} in ${cwd}:\n${ran.out.slice(-4000)}`).toBe(0);
  return ran;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The folder of tarballs: `npm run pack` (packs/) where the repo has it, else each package packed here. */
async function packAll(work: string): Promise<string> {
  const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  if (scripts['pack']) {
    await ok('npm', ['run', 'pack'], REPO);
    return join(REPO, 'packs');
  }
  const folder = join(work, 'packs');
  mkdirSync(folder);
  for (const dir of [REPO, SCAFFOLDER, ...(existsSync(join(TESTKIT, 'package.json')) ? [TESTKIT] : [])]) {
    await ok('npm', ['pack', '--pack-destination', folder], dir);
  }
  return folder;
}

interface Scaffold {
  work: string;
  packs: string;
  project: string;
  installMs: number;
  url: string;
  server: ChildProcess;
}

let scaffold: Scaffold;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(1_500_000);
  const work = mkdtempSync(join(tmpdir(), 'videosdk-packs-'));
  const packs = await packAll(work);
  const tarballs = readdirSync(packs);
  const scaffolder = tarballs.find((file) => /^create-videosdk-recording-template-\d.*\.tgz$/.test(file));
  expect(scaffolder, `the scaffolder's tarball in ${packs}: ${tarballs.join(', ')}`).toBeTruthy();

  // As a user runs `npm create …`: the scaffolder from its tarball, in an empty folder.
  await ok('npm', ['exec', '--yes', `--package=${join(packs, scaffolder!)}`, '--', 'create-videosdk-recording-template', 'my-template', '--from', packs], work);
  const project = join(work, 'my-template');
  const pkgPath = join(project, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  expect(pkg.dependencies[ELEMENTS]).toMatch(/^file:.*videosdk-recording-template-\d[^/]*\.tgz$/);
  expect(Object.keys(pkg.devDependencies)).toContain(KIT);
  expect(tarballs.some((file) => file.startsWith(`${KIT}-`)), `the test kit's tarball in ${packs}`).toBe(true);

  let install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], project, 900_000);
  if (install.code !== 0) install = await ok('npm', ['install', '--no-audit', '--no-fund'], project);
  console.log(`scaffold install: ${(install.ms / 1000).toFixed(1)} s`);
  await ok('npm', ['run', 'build'], project);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: project, env: cleanEnv, stdio: 'ignore' });
  await expect.poll(async () => (await fetch(url).catch(() => undefined))?.status, { timeout: 30_000 }).toBe(200);
  scaffold = { work, packs, project, installMs: install.ms, url, server };
});

test.afterAll(() => {
  scaffold?.server.kill();
  if (scaffold) rmSync(scaffold.work, { recursive: true, force: true });
});

test('the elements tarball holds compiled JavaScript, .d.ts, the manifest and the font CSS, not the elements’ TypeScript', () => {
  const root = join(scaffold.project, 'node_modules', ELEMENTS);
  for (const path of ['lib/index.js', 'lib/index.d.ts', 'lib/main.js', 'lib/host/index.d.ts', 'lib/layout/index.js', 'lib/config/index.js', 'lib/fonts.css', 'lib/emoji-font.css', 'custom-elements.json']) {
    expect(existsSync(join(root, path)), path).toBe(true);
  }
  expect(existsSync(join(root, 'src/components'))).toBe(false);
  // No decorator is left for a consumer's compiler: tsc compiled them away.
  expect(readFileSync(join(root, 'lib/components/rec-app.js'), 'utf8')).not.toMatch(/^\s*@customElement/m);
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as { modules: { path: string; declarations?: { tagName?: string }[] }[] };
  const tags = manifest.modules.flatMap((module) => (module.declarations ?? []).map((d) => d.tagName)).filter(Boolean);
  expect(tags).toEqual(expect.arrayContaining(['rec-app', 'rec-stage', 'rec-tile', 'rec-audio-player', 'rec-graphics', 'rec-captions']));
  for (const module of manifest.modules) expect(existsSync(join(root, module.path)), module.path).toBe(true);
});

test('the consumer’s install resolves lit-html 3.3.0, the only copy (3.3.1–3.3.3 leak a node per repeat() removal)', () => {
  const versions: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === 'lit-html' && existsSync(join(path, 'package.json'))) {
        versions.push((JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { version: string }).version);
      }
      walk(path);
    }
  };
  walk(join(scaffold.project, 'node_modules'));
  expect(versions).toEqual(['3.3.0']);
});

test('a TypeScript consumer imports every subpath with a plain tsconfig (no decorator settings, declaration files checked)', async () => {
  const consumer = join(scaffold.project, 'consumer');
  mkdirSync(consumer, { recursive: true });
  cpSync(join(REPO, 'test/packs/consumer.ts'), join(consumer, 'consumer.ts'));
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: ['consumer.ts'],
    }),
  );
  const tsc = async () => {
    const ran = await run(process.execPath, [join(scaffold.project, 'node_modules/typescript/bin/tsc'), '-p', 'consumer/tsconfig.json'], scaffold.project);
    // @videosdk.live/js-sdk 1.1.1's own .d.ts contradict each other (AgentParticipant.on/off vs Participant's):
    // a vendor defect every consumer without skipLibCheck sees. Everything else must check clean.
    return ran.out.split('\n').filter((line) => /error TS\d+/.test(line) && !line.startsWith('node_modules/@videosdk.live/js-sdk/'));
  };
  expect(await tsc()).toEqual([]);
  // And the checker really reads the package's types: a wrong call fails, in the consumer.
  writeFileSync(join(consumer, 'consumer.ts'), `${readFileSync(join(consumer, 'consumer.ts'), 'utf8')}\npublishRecordingLayout(meeting, { layoutGridSize: 'four' });\n`);
  expect((await tsc()).join('\n')).toMatch(/^consumer\/consumer\.ts\(\d+,\d+\): error TS2322: .*number/m);
});

test('the built scaffold previews the simulated meeting live, with tiles, the panel and its own chrome, as our page does', async ({ page, baseURL }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${scaffold.url}/?demo=4&seed=7`);
  await expect(frame(page)).toHaveAttribute('data-state', 'live');
  await expect(page.locator('rec-tile')).toHaveCount(4);
  await expect(page.locator('rec-preview-panel')).toBeVisible();
  await expect(page.locator('my-title-bar')).toHaveText(/My recording\s*4 in the meeting/);
  const theirs = await page.locator('rec-tile').evaluateAll((els) => els.map((el) => `${(el as HTMLElement).dataset['participantId']}:${(el as HTMLElement).dataset['role']}`).sort());

  // Our own page, same URL: the same people in the same roles.
  await page.goto(`${baseURL}/?demo=4&seed=7`);
  await expect(frame(page)).toHaveAttribute('data-state', 'live');
  const ours = await page.locator('rec-tile').evaluateAll((els) => els.map((el) => `${(el as HTMLElement).dataset['participantId']}:${(el as HTMLElement).dataset['role']}`).sort());
  expect(theirs).toEqual(ours);
  expect(errors).toEqual([]);
});

test('npm start serves the scaffold at once (Vite dev): live, with tiles and the panel', async ({ page }) => {
  const port = await freePort();
  // Its own process group, so the dev server npm starts is stopped with it.
  const dev = spawn('npm', ['start', '--', '--port', String(port), '--strictPort'], { cwd: scaffold.project, env: cleanEnv, stdio: 'ignore', detached: true });
  try {
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined))?.status, { timeout: 60_000 }).toBe(200);
    await page.goto(`http://127.0.0.1:${port}/?demo=3`);
    // The first load in dev pre-bundles the dependencies.
    await expect(frame(page)).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
    await expect(page.locator('rec-tile')).toHaveCount(3);
    await expect(page.locator('rec-preview-panel')).toBeVisible();
  } finally {
    process.kill(-dev.pid!, 'SIGTERM');
  }
});

test('the built scaffold, with a token, joins the emulated meeting as the recorder and shows the senders', async ({ page, emulator }) => {
  emulator.addPeer({ id: 'ana', name: 'Ana' });
  emulator.addPeer({ id: 'bo', name: 'Bo', webcam: false });
  await page.goto(`${scaffold.url}${emulator.url()}`);
  // A cold preview server of a fresh build on a loaded machine: the SDK's chunk may take a while the first time.
  await expect(frame(page)).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await expectShown(page, ['ana', 'bo']);
  expect(emulator.requestsOf('join')[0]!.data).toMatchObject({ displayName: 'recorder', mode: 'SEND_AND_RECV', autoConsume: false });
  await expect(page.locator('rec-preview-panel')).toHaveCount(0);
  await expect(page.locator('my-title-bar')).toHaveText(/2 in the meeting/);
  expect(await shownIds(page)).toEqual(['ana', 'bo']);
});

test('npm test: the template test kit films the scaffold’s build and every check passes', async () => {
  test.setTimeout(600_000);
  const kit = await run('npm', ['test'], scaffold.project, 540_000);
  expect(kit.code, kit.out.slice(-4000)).toBe(0);
  expect(kit.out).toMatch(/passed: all \d+ checks/);
});

test('what a template pays: no more page JavaScript than our own build', async () => {
  const tarball = readdirSync(scaffold.packs).find((file) => new RegExp(`^${ELEMENTS}-\\d.*\\.tgz$`).test(file))!;
  // Gzip bytes of a build's JavaScript, apart from VideoSDK's SDK chunk (the recorder's, whoever builds the page).
  const pageJs = (dist: string) => {
    const assets = join(dist, 'assets');
    const js = readdirSync(assets).filter((file) => file.endsWith('.js'));
    const gz = (file: string) => gzipSync(readFileSync(join(assets, file))).length;
    const isSdk = (file: string) => file.startsWith('videosdk-') && !file.startsWith('videosdk-source');
    return { own: js.filter((f) => !isSdk(f)).reduce((n, f) => n + gz(f), 0), sdk: js.filter(isSdk).reduce((n, f) => n + gz(f), 0) };
  };
  const theirs = pageJs(join(scaffold.project, 'dist'));
  const ours = pageJs(join(REPO, 'dist'));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`elements tarball ${kb(readFileSync(join(scaffold.packs, tarball)).length)}; the scaffold's page JS gzip ${kb(theirs.own)} + SDK ${kb(theirs.sdk)} (ours, three pages: ${kb(ours.own)} + ${kb(ours.sdk)}); install ${(scaffold.installMs / 1000).toFixed(1)} s`);
  expect(theirs.sdk).toBeGreaterThan(0);
  // Ours builds three pages (main, branded, podcast) from the same code: one page from the package must not cost more.
  expect(theirs.own).toBeLessThanOrEqual(ours.own);
});
