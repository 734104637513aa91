/** The web fonts the synthetic canvases draw with, and waiting for them so still frames never use a fallback. */

/** The font stack of every synthetic canvas (the page's web fonts first). */
export const CANVAS_FONT = '"Noto Sans", "Noto Sans SC", "Noto Sans Arabic", "Liberation Sans", sans-serif';
const FONT_WEIGHTS = [400, 500, 600, 700] as const;
const FIXED_TEXT = '0123456789:•  Quarterly review Growth across every region Latency down by a third Presented by';

/** Whether every web font face the canvases need for `text` is loaded already (true when none apply). */
export function canvasFontsLoaded(text: string): boolean {
  return FONT_WEIGHTS.every((w) => document.fonts.check(`${w} 16px ${CANVAS_FONT}`, FIXED_TEXT + text));
}

/**
 * Loads the page's web font faces the canvases use for `text` (a canvas draws with a fallback
 * until then, which would make a still frame depend on timing). Never rejects; gives up after `timeoutMs`.
 */
export async function loadCanvasFonts(text: string, timeoutMs = 3000): Promise<void> {
  if (canvasFontsLoaded(text)) return;
  const loads = Promise.all(FONT_WEIGHTS.map((w) => document.fonts.load(`${w} 16px ${CANVAS_FONT}`, FIXED_TEXT + text)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([loads.then(() => undefined), timeout]);
  } catch (error) {
    console.warn('Fonts for the demo video did not load; it uses fallback fonts.', error);
  } finally {
    clearTimeout(timer);
  }
}
