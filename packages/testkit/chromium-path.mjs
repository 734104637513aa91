// Where Chromium is, for every runner of the repository and for the kit: CHROMIUM_PATH wins, then Debian's binary.
// Plain JavaScript (with chromium-path.d.mts beside it) so scripts run by bare node can import it.
import { existsSync } from 'node:fs';

// The binary itself first: /usr/bin/chromium is a shell wrapper that prints a stray warning.
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium executable to drive, or undefined when none is installed. */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Flags for deterministic, offline, headless runs (see shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
  '--force-device-scale-factor=1',
  '--disable-lcd-text',
  '--autoplay-policy=no-user-gesture-required',
];
