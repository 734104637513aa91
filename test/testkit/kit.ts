/**
 * The kit as its users get it: `npm pack` of packages/testkit, installed with its Playwright peer into
 * an empty project (once per test run, by the testkit-install setup project), and its bin run there.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Where this checkout installs the packed kit (one folder per checkout, so parallel checkouts never share it). */
export const CONSUMER = join(tmpdir(), `videosdk-testkit-consumer-${createHash('sha256').update(REPO).digest('hex').slice(0, 10)}`);

/** The installed bin. */
export const BIN = join(CONSUMER, 'node_modules', 'videosdk-recording-template-testkit', 'dist', 'cli.js');

// The npm settings of a surrounding `npm run` must not leak into the child npm (prefix, scripts…).
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

/** What a finished process printed. */
export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end (killed after `timeoutMs`). */
export function run(command: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<Finished> {
  return new Promise((done, failed) => {
    const child = spawn(command, args, { cwd, env: { ...cleanEnv, npm_config_update_notifier: 'false' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', failed);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Runs the installed `videosdk-template-test` with `args`, from the consumer project. */
export function kit(args: readonly string[], timeoutMs = 150_000): Promise<Finished> {
  if (!existsSync(BIN)) throw new Error(`the packed kit is not installed at ${CONSUMER} (the testkit-install project does it)`);
  return run(process.execPath, [BIN, ...args], CONSUMER, timeoutMs);
}

/** A copy of the built page (dist/) whose index.html first runs `fixtures/<name>.js`: our page with one deliberate fault. */
export function brokenBuild(name: 'no-video' | 'no-audio', into: string): string {
  const folder = join(into, name);
  cpSync(join(REPO, 'dist'), folder, { recursive: true });
  cpSync(join(REPO, 'test', 'testkit', 'fixtures', `${name}.js`), join(folder, 'break.js'));
  const index = join(folder, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head>\n    <script src="./break.js"></script>'));
  return folder;
}
