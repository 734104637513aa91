/** AI agents in the simulated meeting: their names and the agent states that follow who speaks. */
import { type AgentState, type MeetingState, participantUpdated } from '../../meeting/state.js';

/** Names the simulated agents take, in order (then numbered). */
export const DEMO_AGENT_NAMES: readonly string[] = ['Aria', 'Nova', 'Atlas', 'Echo'];

/** How long a simulated agent thinks before it speaks (ms). */
export const AGENT_THINKING_MS = 900;

/** The name of the n-th simulated agent (1-based). */
export function agentName(n: number): string {
  const base = DEMO_AGENT_NAMES[(n - 1) % DEMO_AGENT_NAMES.length]!;
  const round = Math.floor((n - 1) / DEMO_AGENT_NAMES.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

/**
 * Every agent's state after a change of speaker: the one speaking speaks, `thinking` thinks, and the
 * others listen. Applied in the same transition as the speaker change, so no listener sees them apart.
 */
export function withAgentStates(state: MeetingState, thinkingId: string | null = null): MeetingState {
  let next = state;
  for (const p of state.participants.values()) {
    if (!p.isAgent) continue;
    const wanted: AgentState = p.id === state.activeSpeakerId ? 'speaking' : p.id === thinkingId ? 'thinking' : 'listening';
    if (p.agentState !== wanted) next = participantUpdated(next, p.id, { agentState: wanted });
  }
  return next;
}
