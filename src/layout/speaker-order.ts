/** Speaker order: who spoke most recently comes first. */
import type { MeetingState, Participant } from '../meeting/state.js';

/** Participant ids, most recently active first (the active speaker counts as newest); ties by join order. */
export function speakerOrder(state: MeetingState): string[] {
  const recency = (p: Participant) => (p.id === state.activeSpeakerId ? Infinity : p.lastActiveAt);
  return [...state.participants.values()]
    .sort((a, b) => recency(b) - recency(a) || a.joinOrder - b.joinOrder)
    .map((p) => p.id);
}
