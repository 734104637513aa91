/** The Chromium executable to drive (CHROMIUM_PATH, else Debian's), or undefined when none is installed. */
export function chromiumPath(): string | undefined;
/** Flags for deterministic, offline, headless runs. */
export const CHROMIUM_ARGS: readonly string[];
