import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Largest image file accepted (bytes), where its size can be known: data: URLs, and hosts that share resource timing. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Most pixels an image may decode to: a 4K frame (about 33 MB decoded); a 16384×16384 PNG of 1 MB would take 1 GB. */
export const MAX_IMAGE_PIXELS = 3840 * 2160;
/** Verdicts remembered per element, so a flood of addresses cannot grow memory. */
const REMEMBERED = 8;

/**
 * Why an image must not reach the frame (too many bytes or pixels, or it does not load), or nothing.
 * The probe is a detached `<img>`: the browser reads the size from the file's header and decodes
 * pixels only when an image is painted, so refusing it here costs the file, never its pixels.
 */
export function imageRefusal(url: string, signal: AbortSignal): Promise<string | undefined> {
  const dataBytes = dataUrlBytes(url);
  if (dataBytes !== undefined && dataBytes > MAX_IMAGE_BYTES) return Promise.resolve(tooManyBytes(dataBytes));
  return new Promise((resolve) => {
    const probe = new Image();
    probe.referrerPolicy = 'no-referrer';
    const settle = (reason: string | undefined): void => {
      probe.onload = probe.onerror = null;
      signal.removeEventListener('abort', cancel);
      resolve(reason);
    };
    const cancel = (): void => {
      probe.removeAttribute('src');
      settle('replaced by another image before it loaded');
    };
    probe.onload = () => {
      const pixels = probe.naturalWidth * probe.naturalHeight;
      const bytes = dataBytes ?? timedBytes(probe.currentSrc);
      if (pixels > MAX_IMAGE_PIXELS) {
        settle(`it is ${probe.naturalWidth}×${probe.naturalHeight} pixels, more than the ${MAX_IMAGE_PIXELS.toLocaleString('en')} (a 3840×2160 frame) an image may have`);
      } else settle(bytes !== undefined && bytes > MAX_IMAGE_BYTES ? tooManyBytes(bytes) : undefined);
    };
    probe.onerror = () => settle('it could not be loaded; check that its address serves an image');
    signal.addEventListener('abort', cancel);
    probe.src = url;
  });
}

function tooManyBytes(bytes: number): string {
  return `its file is ${(bytes / 1048576).toFixed(1)} MB, more than the ${MAX_IMAGE_BYTES / 1048576} MB an image may have`;
}

/** The decoded size of a data: URL, without decoding it. */
function dataUrlBytes(url: string): number | undefined {
  if (!/^data:/i.test(url)) return undefined;
  const comma = url.indexOf(',');
  const body = url.length - comma - 1;
  return /;base64$/i.test(url.slice(0, comma)) ? Math.floor((body * 3) / 4) : body;
}

/** The file's size from resource timing: known for our own origin and hosts sending Timing-Allow-Origin, else 0. */
function timedBytes(url: string): number | undefined {
  const entries = performance.getEntriesByName(url, 'resource') as PerformanceResourceTiming[];
  const size = entries.at(-1)?.decodedBodySize ?? 0;
  return size > 0 ? size : undefined;
}

/**
 * Lets an element show an outside image only once it is known to be affordable: `allows(url)` is
 * false until the check passes; a refused image is warned about once, naming `what` and why.
 */
export class ImageBudget implements ReactiveController {
  private readonly verdicts = new Map<string, boolean>();
  private checking?: { url: string; abort: AbortController };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly what: string,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.checking?.abort.abort();
    this.checking = undefined;
  }

  /** Whether `url` may be shown now; the first ask starts its check (and drops a check still running for another). */
  allows(url: string): boolean {
    const verdict = this.verdicts.get(url);
    if (verdict !== undefined) return verdict;
    if (this.checking?.url !== url) this.check(url);
    return false;
  }

  private check(url: string): void {
    this.checking?.abort.abort();
    const checking = { url, abort: new AbortController() };
    this.checking = checking;
    void imageRefusal(url, checking.abort.signal).then((reason) => {
      if (checking.abort.signal.aborted) return;
      this.checking = undefined;
      if (reason) console.warn(`Recording template: the ${this.what} is not shown: ${reason}.`);
      this.verdicts.set(url, reason === undefined);
      if (this.verdicts.size > REMEMBERED) this.verdicts.delete(this.verdicts.keys().next().value!);
      this.host.requestUpdate();
    });
  }
}
