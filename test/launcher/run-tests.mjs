// Runs the launcher's tests with Node's test runner through tsx. A wrapper rather than a shell glob so
// extra flags (`npm run test:launcher -- --test-reporter=tap`) reach node before the file list.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => relative(process.cwd(), join(here, name)));
// One pack-and-install per run, shared by every test file that needs it (test/packs/install.ts).
const packsRunDir = process.env.PACKS_RUN_DIR ?? mkdtempSync(join(tmpdir(), 'packs-run-'));
const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...process.argv.slice(2), ...files], {
  stdio: 'inherit',
  env: { ...process.env, PACKS_RUN_DIR: packsRunDir },
});
child.on('exit', (code, signal) => {
  if (process.env.PACKS_RUN_DIR === undefined) rmSync(packsRunDir, { recursive: true, force: true });
  process.exitCode = code ?? (signal ? 1 : 0);
});
