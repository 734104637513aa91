/**
 * AI agents, hidden participants and transcription as SDK 1.1.1 delivers them (read from its bundle):
 * an `AgentParticipant` (`isAgent`) emits `agent-state-changed` with a bare lower-case state and
 * `agent-transcription-received` with `{segment: {text, timestamp, type}, participant}`, handed to
 * every agent in the room; the meeting emits `transcription-text` with the server's
 * `{participantId, participantName, text, timestamp, type}`; `metaData` is the joining app's object.
 * Type-only SDK imports: nothing here pulls the SDK into a bundle.
 */
import type { AgentParticipant } from '@videosdk.live/js-sdk';
import type { AgentState, Participant } from '../../meeting/state.js';
import type { CaptionInput } from '../../overlay/overlay-reducer.js';
import type { SdkParticipant } from './videosdk-types.js';

/** The agent-only participant events the recorder follows, as the package's `AgentParticipant.on` names them. */
export type AgentEventName = Extract<Parameters<AgentParticipant['on']>[0], 'agent-state-changed' | 'agent-transcription-received'>;

/** An agent as the recorder reads it. */
export type SdkAgent = SdkParticipant &
  Pick<AgentParticipant, 'isAgent' | 'agentState'> & {
    on(event: AgentEventName, listener: (payload: unknown) => void): void;
    off(event: AgentEventName, listener: (payload: unknown) => void): void;
  };

const AGENT_STATES: readonly AgentState[] = ['idle', 'listening', 'thinking', 'speaking'];

/** Whether the SDK made this participant an `AgentParticipant`. */
export function isSdkAgent(participant: SdkParticipant): participant is SdkAgent {
  return (participant as Partial<Pick<AgentParticipant, 'isAgent'>>).isAgent === true;
}

/** An agent state from the SDK (lower case at runtime; upper case accepted too), or undefined. */
export function agentStateOf(raw: unknown): AgentState | undefined {
  const state = typeof raw === 'string' ? raw.toLowerCase() : '';
  return AGENT_STATES.find((s) => s === state);
}

/** Whether the joining app marked this participant `metaData.hideFromRecording === true`. */
export function hiddenByMetaData(participant: SdkParticipant): boolean {
  const metaData = (participant as { readonly metaData?: unknown }).metaData;
  return typeof metaData === 'object' && metaData !== null && (metaData as Record<string, unknown>).hideFromRecording === true;
}

/** The store fields an SDK participant's agent flag, agent state and metaData give. */
export function agentFields(participant: SdkParticipant): Pick<Participant, 'isAgent' | 'agentState' | 'hiddenFromRecording'> {
  const fields: { -readonly [K in 'isAgent' | 'agentState' | 'hiddenFromRecording']?: Participant[K] } = {};
  if (isSdkAgent(participant)) {
    fields.isAgent = true;
    fields.agentState = agentStateOf(participant.agentState) ?? 'idle';
  }
  if (hiddenByMetaData(participant)) fields.hiddenFromRecording = true;
  return fields;
}

/** Listens to an agent's state and transcriptions; returns what stops listening. */
export function bindAgent(
  agent: SdkAgent,
  on: { state(state: AgentState): void; transcription(payload: unknown): void },
): () => void {
  const listeners: ReadonlyArray<readonly [AgentEventName, (payload: unknown) => void]> = [
    ['agent-state-changed', (payload) => {
      const state = agentStateOf(payload) ?? agentStateOf((payload as { state?: unknown } | null)?.state);
      if (state) on.state(state);
    }],
    ['agent-transcription-received', (payload) => on.transcription(payload)],
  ];
  for (const [event, listener] of listeners) agent.on(event, listener);
  return () => {
    for (const [event, listener] of listeners) agent.off(event, listener);
  };
}

/** Words still being recognised: the SDK's typings name "intrim" (sic) beside "final". */
function isFinal(type: unknown): boolean {
  return !(typeof type === 'string' && /^(interim|intrim|partial)$/i.test(type));
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** A `transcription-text` payload as a caption input (null when it has no speaker or no text). */
export function readTranscriptionText(payload: unknown, at: number): CaptionInput | null {
  const r = record(payload);
  if (!r || typeof r.participantId !== 'string' || typeof r.text !== 'string' || r.participantId === '') return null;
  const speakerName = typeof r.participantName === 'string' ? r.participantName : r.participantId;
  return { speakerId: r.participantId, speakerName, text: r.text, final: isFinal(r.type), at };
}

/** An `agent-transcription-received` payload as a caption input; the speaker is the agent or a person. */
export function readAgentTranscription(payload: unknown, at: number): CaptionInput | null {
  const r = record(payload);
  const segment = record(r?.segment);
  const speaker = record(r?.participant);
  if (!segment || typeof segment.text !== 'string' || !speaker || typeof speaker.id !== 'string' || speaker.id === '') return null;
  const speakerName = typeof speaker.displayName === 'string' ? speaker.displayName : speaker.id;
  return { speakerId: speaker.id, speakerName, text: segment.text, final: isFinal(segment.type), at };
}
