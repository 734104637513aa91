// Builds the elements package into lib/: JavaScript and .d.ts from src/ (tsconfig.lib.json, with the
// house's decorator settings compiled away), the importable font CSS beside them, and custom-elements.json.
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync('lib', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.lib.json']);
// Imported by lib/main.js and lib/components/script-fonts.js at the same relative paths as in src/.
for (const css of ['fonts.css', 'emoji-font.css']) copyFileSync(`src/${css}`, `lib/${css}`);
run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
