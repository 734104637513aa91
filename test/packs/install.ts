/**
 * Packs and installs what we publish, once per test run, for every test that needs it: `npm run pack`
 * writes each publishable tarball, then each requested set of packages is installed into its own empty
 * project. Test files run in parallel processes, so the first one to ask does the work (a directory
 * made atomically is the lock) and the others wait for its result. The run is named by
 * PACKS_RUN_DIR (test/launcher/run-tests.mjs sets one per run); without it, each process packs alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const runDir = process.env.PACKS_RUN_DIR || mkdtempSync(join(tmpdir(), 'packs-run-'));
// The npm settings of a surrounding `npm run` must not leak into the child npm (prefix, scripts…).
const cleanEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))), npm_config_update_notifier: 'false' };

/** One installed project: where it is and the tarball of each package we published. */
export interface InstalledProject {
  readonly dir: string;
  readonly tarballs: Readonly<Record<string, string>>;
}

function npm(args: string[], cwd: string, timeout: number): void {
  const result = spawnSync('npm', args, { cwd, env: cleanEnv, encoding: 'utf8', timeout });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
}

/** Runs `work` once per run under `name`; every other caller waits for its result (or its error). */
async function once<T>(name: string, work: () => T): Promise<T> {
  const lock = join(runDir, `${name}.lock`);
  const result = join(runDir, `${name}.json`);
  try {
    mkdirSync(lock, { recursive: false });
  } catch {
    for (let waited = 0; !existsSync(result); waited += 200) {
      if (waited > 900_000) throw new Error(`gave up waiting for ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const saved = JSON.parse(readFileSync(result, 'utf8')) as { ok: boolean; value: T; error: string };
    if (!saved.ok) throw new Error(saved.error);
    return saved.value;
  }
  try {
    const value = work();
    writeFileSync(result, JSON.stringify({ ok: true, value }));
    return value;
  } catch (error) {
    writeFileSync(result, JSON.stringify({ ok: false, error: String(error) }));
    throw error;
  }
}

/** Every publishable tarball of this run, by package name (`npm run pack` into the run's directory). */
export function packedTarballs(): Promise<Record<string, string>> {
  return once('pack', () => {
    const out = join(runDir, 'packs');
    const result = spawnSync(process.execPath, [join(REPO, 'scripts/pack.mjs')], { cwd: REPO, env: { ...cleanEnv, PACKS_DIR: out }, encoding: 'utf8', timeout: 600_000 });
    if (result.status !== 0) throw new Error(`npm run pack failed:\n${result.stderr}`);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('{'));
    return Object.fromEntries(lines.map((line) => JSON.parse(line) as { name: string; file: string }).map(({ name, file }) => [name, file]));
  });
}

/** An empty project with just these packages installed from their tarballs (once per run). */
export async function installPacked(names: readonly string[]): Promise<InstalledProject> {
  const tarballs = await packedTarballs();
  const key = `install-${[...names].sort().join('+').replace(/[^\w+-]/g, '_')}`;
  const dir = await once(key, () => {
    const project = join(runDir, key);
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const files = names.map((name) => {
      const file = tarballs[name];
      if (file === undefined) throw new Error(`${name} was not packed; packed: ${Object.keys(tarballs).join(', ')}`);
      return file;
    });
    // The npm cache first; the registry (reachable here) only for what the cache lacks.
    const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts'];
    try {
      npm([...args, '--offline', ...files], project, 180_000);
    } catch {
      npm([...args, '--prefer-offline', ...files], project, 300_000);
    }
    return project;
  });
  return { dir, tarballs };
}

/** Bytes on disk under `dir` (files only) and the packages in its node_modules. */
export function installedSize(dir: string): { bytes: number; packages: string[] } {
  let bytes = 0;
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) bytes += statSync(child).size;
    }
  };
  const modules = join(dir, 'node_modules');
  walk(modules);
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  const packages = Object.keys(lock.packages).filter((path) => path.startsWith('node_modules/')).map((path) => path.replace(/^.*node_modules\//, ''));
  return { bytes, packages };
}
