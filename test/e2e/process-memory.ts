/** The memory a page's Chromium processes hold, as Linux counts it (PSS), read through CDP's process list and /proc. */
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';

interface ProcessInfo {
  readonly type: string;
  readonly id: number;
}

/** PSS in MB of every renderer process, and of the whole browser (every process CDP lists). */
export async function chromiumPss(browser: Browser): Promise<{ renderersMb: number; totalMb: number }> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo[] };
  await cdp.detach();
  let renderers = 0;
  let total = 0;
  for (const process of processInfo) {
    const kb = pssKb(process.id);
    total += kb;
    if (process.type === 'renderer') renderers += kb;
  }
  return { renderersMb: Math.round(renderers / 1024), totalMb: Math.round(total / 1024) };
}

function pssKb(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process ended between the listing and the read
  }
}
