// Installs Debian's Chromium when no browser is found (CHROMIUM_PATH overrides the lookup).
import { execSync } from 'node:child_process';
import { chromiumPath } from '../packages/testkit/chromium-path.mjs';

const found = chromiumPath();
if (found) {
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  process.exit(1);
}
console.log('No Chromium found: installing Debian\'s chromium package (needs apt and root)...');
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium fonts-liberation`, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error('Could not install Chromium. Install it yourself (apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
if (!chromiumPath()) {
  console.error('Chromium was installed but not found; set CHROMIUM_PATH to its binary.');
  process.exit(1);
}
