/** Packs the kit and installs the tarball (with Playwright, its peer) into an empty project, once per run. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CONSUMER, REPO, run } from './kit.js';

test('pack the kit and install it into an empty project', async () => {
  test.setTimeout(300_000);
  rmSync(CONSUMER, { recursive: true, force: true });
  mkdirSync(CONSUMER, { recursive: true });
  const pack = await run('npm', ['pack', '--json', '--pack-destination', CONSUMER], join(REPO, 'packages', 'testkit'), 120_000);
  expect(pack.code, pack.stderr).toBe(0);
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  const files = packed!.files.map((file) => file.path);
  expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'dist/index.d.ts', 'dist/emulator/media-page.js', 'chromium-path.mjs', 'README.md']));
  expect(files.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts')), 'no TypeScript sources: the kit runs without typescript or tsx').toEqual([]);

  writeFileSync(join(CONSUMER, 'package.json'), JSON.stringify({ name: 'template-author', private: true, type: 'module' }));
  // Playwright at the version this repository tests with; --ignore-scripts: nothing may download a browser.
  const playwright = `playwright@${(JSON.parse(readFileSync(join(REPO, 'node_modules', 'playwright', 'package.json'), 'utf8')) as { version: string }).version}`;
  const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(CONSUMER, packed!.filename), playwright];
  let install = await run('npm', [...args, '--offline'], CONSUMER, 120_000);
  if (install.code !== 0) install = await run('npm', [...args, '--prefer-offline'], CONSUMER, 240_000);
  expect(install.code, install.stderr).toBe(0);
  const installed = await run('npm', ['ls', '--json'], CONSUMER, 60_000);
  const dependencies = Object.keys((JSON.parse(installed.stdout) as { dependencies?: object }).dependencies ?? {});
  expect(dependencies.sort()).toEqual(['playwright', 'videosdk-recording-template-testkit']);
  const typescript = await run(process.execPath, ['-e', "import('typescript').then(() => process.exit(0), () => process.exit(3))"], CONSUMER, 30_000);
  expect(typescript.code, 'typescript is not installed with the kit').toBe(3);
});
