/**
 * Performance marks of the opening's phases (`rec:<phase>`, or `rec:<phase>:<participant>`), each
 * set once: the benchmark reads them to trace where time to video goes (bench/lib/measure.ts).
 */

/** The phases a page marks on its way to video. */
export type Phase =
  | 'module'
  | 'sdk-import'
  | 'sdk-loaded'
  | 'source-loaded'
  | 'join'
  | 'join-acked'
  | 'meeting-joined'
  | 'peer'
  | 'first-plan'
  | 'consume'
  | 'stream'
  | 'viewport'
  | 'frame'
  | 'reveal';

const marked = new Set<string>();

/** Marks a phase the first time it happens (per participant when `id` is given); a no-op after that. */
export function markPhase(phase: Phase, id?: string): void {
  const name = id === undefined ? `rec:${phase}` : `rec:${phase}:${id}`;
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}
