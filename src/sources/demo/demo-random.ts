/** A small seeded pseudo-random generator and a stable text hash, so a simulated meeting is the same for the same seed. */

/** A function returning the next number in [0, 1) of a seeded sequence. */
export type Random = () => number;

/** Creates a seeded generator (mulberry32: tiny, fast, and good enough for picking names and turns). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max] drawn from `random`. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A seeded Fisher–Yates shuffle; the input is left untouched. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A stable hue (0–359) for a text, so a participant keeps their colour across runs with one seed. */
export function hueFor(text: string): number {
  // FNV-1a: a few lines, well spread for short ids.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}
