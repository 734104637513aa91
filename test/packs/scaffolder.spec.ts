/**
 * The scaffolder's command line, run as npm runs its bin: what it writes, and how it refuses bad
 * arguments (naming the flag) and folders it must not touch. No install here: packs.spec.ts does that once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const BIN = fileURLToPath(new URL('../../packages/create-videosdk-recording-template/index.mjs', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../packages/create-videosdk-recording-template/package.json', import.meta.url), 'utf8')) as { version: string };

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'videosdk-create-'));
});
test.afterEach(() => rmSync(work, { recursive: true, force: true }));

function create(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function scaffoldPackage(folder: string) {
  return JSON.parse(readFileSync(join(work, folder, 'package.json'), 'utf8')) as {
    name: string;
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
}

test('writes a standalone Vite project that depends on the published packages at its own version', () => {
  const { code, out } = create('My Show');
  expect(code).toBe(0);
  expect(out).toContain('npm install');
  expect(readdirSync(join(work, 'My Show')).sort()).toEqual(['.gitignore', 'README.md', 'index.html', 'package.json', 'src', 'tsconfig.json', 'vite.config.ts']);
  const pkg = scaffoldPackage('My Show');
  expect(pkg.name).toBe('my-show');
  expect(pkg.dependencies['videosdk-recording-template']).toBe(`^${version}`);
  expect(pkg.devDependencies['videosdk-recording-template-testkit']).toBe(`^${version}`);
  expect(pkg.scripts).toMatchObject({ start: expect.stringContaining('vite'), build: expect.stringContaining('vite build'), test: 'videosdk-template-test dist/' });
  // The chrome sits in the app's slot; the look is tokens and parts.
  expect(readFileSync(join(work, 'My Show/index.html'), 'utf8')).toMatch(/<rec-app><my-title-bar[^>]*><\/my-title-bar><\/rec-app>/);
  expect(readFileSync(join(work, 'My Show/src/theme.css'), 'utf8')).toMatch(/--rec-accent[\s\S]*::part\(label\)/);
});

test('--from depends on the tarballs in that folder, by relative file: specs, and an empty folder is fine', () => {
  mkdirSync(join(work, 'packs'));
  for (const file of ['videosdk-recording-template-0.2.0-beta.1.tgz', 'videosdk-recording-template-testkit-0.2.0-beta.1.tgz', 'videosdk-recording-template-server-0.2.0-beta.1.tgz']) {
    writeFileSync(join(work, 'packs', file), '');
  }
  mkdirSync(join(work, 'empty'));
  const { code } = create('empty', '--from', 'packs');
  expect(code).toBe(0);
  const pkg = scaffoldPackage('empty');
  expect(pkg.dependencies).toEqual({ 'videosdk-recording-template': 'file:../packs/videosdk-recording-template-0.2.0-beta.1.tgz' });
  expect(pkg.devDependencies['videosdk-recording-template-testkit']).toBe('file:../packs/videosdk-recording-template-testkit-0.2.0-beta.1.tgz');
});

test('--from without a tarball of a package says so and uses the registry for it', () => {
  mkdirSync(join(work, 'packs'));
  writeFileSync(join(work, 'packs', 'videosdk-recording-template-0.1.0.tgz'), '');
  const { code, err } = create('t', '--from', 'packs');
  expect(code).toBe(0);
  expect(err).toContain(`no videosdk-recording-template-testkit-<version>.tgz there; using videosdk-recording-template-testkit@^${version} from the registry`);
  expect(scaffoldPackage('t').devDependencies['videosdk-recording-template-testkit']).toBe(`^${version}`);
});

const refused: Array<[string, string[], RegExp]> = [
  ['no folder', [], /missing <folder>/],
  ['two folders', ['a', 'b'], /one <folder> only, got 2: a b/],
  ['an unknown flag', ['a', '--form', 'packs'], /Unknown option '--form'/],
  ['--from without a value', ['a', '--from'], /'--from <value>' argument missing/],
  ['--from a folder that does not exist', ['a', '--from', 'nowhere'], /--from nowhere: no such folder/],
];
for (const [what, args, message] of refused) {
  test(`refuses ${what}, naming it, with the usage, and writes nothing`, () => {
    const { code, err } = create(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain('Usage: npm create videosdk-recording-template@latest <folder>');
    expect(readdirSync(work)).toEqual([]);
  });
}

test('never writes into a folder that is not empty', () => {
  mkdirSync(join(work, 'mine'));
  writeFileSync(join(work, 'mine', 'index.html'), 'my own page');
  const { code, err } = create('mine');
  expect(code).toBe(2);
  expect(err).toContain('mine exists and is not an empty folder; nothing was written');
  expect(readdirSync(join(work, 'mine'))).toEqual(['index.html']);
  expect(readFileSync(join(work, 'mine', 'index.html'), 'utf8')).toBe('my own page');
});

test('refuses two tarballs of one package in --from, naming both', () => {
  mkdirSync(join(work, 'packs'));
  for (const file of ['videosdk-recording-template-0.1.0.tgz', 'videosdk-recording-template-0.2.0.tgz']) writeFileSync(join(work, 'packs', file), '');
  const { code, err } = create('t', '--from', 'packs');
  expect(code).toBe(2);
  expect(err).toContain('more than one tarball of videosdk-recording-template (videosdk-recording-template-0.1.0.tgz, videosdk-recording-template-0.2.0.tgz)');
  expect(existsSync(join(work, 't'))).toBe(false);
});
