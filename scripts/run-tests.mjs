// Runs every test suite and prints the real totals as the last line: `N passed, N failed`.
// Suites: typecheck, browser unit+element tests (web-test-runner), launcher (node:test), page tests (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const totals = { passed: 0, failed: 0 };
const lines = [];

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const out = result.stdout?.toString() ?? '';
  process.stdout.write(out);
  return { status: result.status ?? 1, out };
}

function record(suite, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`${suite}: ${passed} passed, ${failed} failed`);
}

rmSync('.test-counts', { recursive: true, force: true });
mkdirSync('.test-counts', { recursive: true });

// 1. Types: each tsconfig is one check.
for (const project of ['tsconfig.json', 'tsconfig.launcher.json', 'bench/tsconfig.json', 'packages/testkit/tsconfig.json', 'test/emulator/tsconfig.json', 'test/testkit/tsconfig.json', 'test/packs/tsconfig.json'].filter((p) => existsSync(p))) {
  const { status } = run('npx', ['tsc', '--noEmit', '-p', project]);
  record(`typecheck ${project}`, status === 0 ? 1 : 0, status === 0 ? 0 : 1);
}

// 2. Browser unit and element tests.
{
  const { status } = run('npx', ['web-test-runner']);
  const file = '.test-counts/wtr.json';
  if (existsSync(file)) {
    const counts = JSON.parse(readFileSync(file, 'utf8'));
    record('web-test-runner', counts.passed, counts.failed + (status !== 0 && counts.failed === 0 ? 1 : 0));
  } else {
    record('web-test-runner (did not report)', 0, 1);
  }
}

// 3. Launcher tests (Node).
{
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  if (pkg.scripts?.['test:launcher']) {
    const { status, out } = run('npm', ['run', '--silent', 'test:launcher', '--', '--test-reporter=tap']);
    const pass = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
    const fail = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0);
    record('launcher', pass, fail + (status !== 0 && fail === 0 ? 1 : 0));
  }
}

// 4. Page tests against the production build.
{
  const build = run('npx', ['vite', 'build']);
  if (build.status !== 0) {
    record('vite build', 0, 1);
  } else {
    const report = '.test-counts/playwright.json';
    const { status } = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
    if (existsSync(report)) {
      const stats = JSON.parse(readFileSync(report, 'utf8')).stats ?? {};
      const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
      record('playwright', stats.expected ?? 0, failed + (status !== 0 && failed === 0 ? 1 : 0));
    } else {
      record('playwright (did not report)', 0, 1);
    }
  }
}

console.log('\n' + lines.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
