/**
 * Slot keeping: who occupies which camera slot, given the previous slots. Everyone still eligible
 * keeps their slot, so tiles move only when someone must enter or leave.
 */

/**
 * Keeps `previous` slots for ids still in `order` (speaker order of the eligible), drops the least
 * recently active when there are too many, lets `entrant` replace the least recently active when full,
 * and fills holes (then appends) in `order`.
 */
export function keepSlots(
  previous: readonly string[] | null,
  order: readonly string[],
  capacity: number,
  entrant: string | null,
): string[] {
  const count = Math.max(0, Math.min(capacity, order.length));
  if (previous === null) return order.slice(0, count);
  const rank = new Map(order.map((id, i) => [id, i]));
  const slots: (string | null)[] = previous.map((id, i) =>
    rank.has(id) && previous.indexOf(id) === i ? id : null,
  );
  const kept = () => slots.filter((id) => id !== null).length;
  const leastRecent = () => {
    let worst = -1;
    slots.forEach((id, i) => {
      if (id !== null && (worst < 0 || rank.get(id)! > rank.get(slots[worst]!)!)) worst = i;
    });
    return worst;
  };
  while (kept() > count) slots[leastRecent()] = null;
  if (entrant !== null && rank.has(entrant) && !slots.includes(entrant) && count > 0) {
    if (kept() >= count) slots[leastRecent()] = entrant;
    else place(slots, entrant);
  }
  for (const id of order) {
    if (kept() >= count) break;
    if (!slots.includes(id)) place(slots, id);
  }
  return slots.filter((id) => id !== null);
}

/** Puts an id into the first hole, or at the end when there is none. */
function place(slots: (string | null)[], id: string): void {
  const hole = slots.indexOf(null);
  if (hole >= 0) slots[hole] = id;
  else slots.push(id);
}

/** The outcome of choosing a speaker spot and the slots after it. */
export interface SpotSlots {
  /** The spot first, then the other slots. */
  readonly slots: string[];
  /** True when the active speaker waits for the dwell to take the spot. */
  readonly pending: boolean;
}

/**
 * Slots where slot 0 is the speaker's spot. An empty spot is filled at once; a new speaker takes it
 * only when `dwellDone`, and the one they displace takes their old slot (or the least recent one's).
 */
export function spotSlots(
  previous: { readonly slots: readonly string[]; readonly speakerSpot: boolean } | null,
  order: readonly string[],
  capacity: number,
  speakerId: string | null,
  dwellDone: boolean,
): SpotSlots {
  if (capacity <= 0 || order.length === 0) return { slots: [], pending: false };
  const eligible = new Set(order);
  const held = previous?.speakerSpot ? previous.slots[0] : undefined;
  let spot = held !== undefined && eligible.has(held) ? held : undefined;
  const rest = previous ? previous.slots.slice(previous.speakerSpot ? 1 : 0) : null;
  let entrant: string | null = null;
  let pending = false;
  if (spot === undefined) {
    spot = order[0]!;
  } else if (speakerId !== null && eligible.has(speakerId) && speakerId !== spot) {
    if (dwellDone) {
      // The speaker's old strip slot becomes a hole, which the displaced main fills first.
      entrant = spot;
      spot = speakerId;
    } else {
      pending = true;
    }
  }
  const chosen = spot;
  const others = order.filter((id) => id !== chosen);
  return { slots: [chosen, ...keepSlots(rest, others, capacity - 1, entrant)], pending };
}
