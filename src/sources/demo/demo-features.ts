/**
 * The simulated meeting's features: PubSub messages a host would publish, transcription lines (typed
 * by a test or produced for whoever speaks), and agents that think before they speak. Everything
 * goes through the same OverlayFeed as the live meeting's, so the preview shows what a recording does.
 */
import type { AgentState, MeetingState } from '../../meeting/state.js';
import { optionsOverridden, participantUpdated, speakerChanged } from '../../meeting/state.js';
import type { MeetingStore } from '../../meeting/store.js';
import { OVERLAY_TOPICS, isOverlayTopic } from '../../config/graphics-topics.js';
import { RECORDING_LAYOUT_TOPIC } from '../../config/layout-message.js';
import { OverlayFeed } from '../../overlay/overlay-feed.js';
import { layoutOptionsOf, pubSubText } from '../pubsub-message.js';
import type { PublishSender, TranscribeOptions } from './demo-controls.js';
import { AGENT_THINKING_MS, withAgentStates } from './demo-agents.js';
import type { Random } from './demo-random.js';
import { DemoTranscript } from './demo-transcript.js';

/** What the features need from the simulated meeting. */
export interface FeaturesHost {
  readonly running: () => boolean;
  readonly state: () => MeetingState | undefined;
  readonly update: (transition: (state: MeetingState) => MeetingState) => void;
  readonly clock: () => number;
}

/** Publishes, transcribes and runs the agents of a simulated meeting. */
export class DemoFeatures {
  private feed?: OverlayFeed;
  private readonly transcript: DemoTranscript;
  private thinkingTimer?: ReturnType<typeof setTimeout>;

  constructor(
    random: Random,
    private readonly host: FeaturesHost,
  ) {
    this.transcript = new DemoTranscript(random, { state: host.state, caption: (input) => this.feed?.caption(input) });
  }

  /** Starts feeding the store; `transcribe` produces lines for whoever speaks at once. */
  start(store: MeetingStore, transcribe: boolean): void {
    // The preview draws only what its switches allow; the feed takes everything.
    this.feed = new OverlayFeed(store, { captions: true, chat: true });
    this.transcript.set(transcribe);
  }

  stop(): void {
    clearTimeout(this.thinkingTimer);
    this.transcript.set(false);
    this.feed?.stop();
  }

  /** Makes someone the active speaker now, agents' states following (null: nobody speaks). */
  speak(id: string | null): void {
    clearTimeout(this.thinkingTimer);
    this.host.update((s) => withAgentStates(speakerChanged(s, id, this.host.clock())));
  }

  /** A turn handed out automatically: an agent thinks for a moment first. */
  takeTurn(id: string): void {
    const state = this.host.state();
    const agent = state?.participants.get(id);
    if (!agent?.isAgent) return this.speak(id);
    // Already thinking or already talking: the turn goes on as it is.
    if (state?.activeSpeakerId === id || agent.agentState === 'thinking') return;
    clearTimeout(this.thinkingTimer);
    this.host.update((s) => withAgentStates(s, id));
    this.thinkingTimer = setTimeout(() => {
      if (this.host.running()) this.speak(id);
    }, AGENT_THINKING_MS);
  }

  /** Sets an agent's state by hand; `speaking` makes it the speaker, leaving `speaking` silences it. */
  setAgentState(id: string, agentState: AgentState): void {
    const agent = this.host.state()?.participants.get(id);
    if (!this.host.running() || !agent?.isAgent) return;
    clearTimeout(this.thinkingTimer);
    this.host.update((s) => {
      const speaking = agentState === 'speaking' ? id : s.activeSpeakerId === id ? null : s.activeSpeakerId;
      return participantUpdated(withAgentStates(speakerChanged(s, speaking, this.host.clock())), id, { agentState });
    });
  }

  /** A message on a PubSub topic, as a host app would publish it: read as the live meeting reads it. */
  publish(topic: string, message: string, sender: PublishSender = {}): void {
    if (!this.host.running()) return;
    const senderId = sender.id ?? 'host';
    const senderName = sender.name ?? this.host.state()?.participants.get(senderId)?.displayName ?? senderId;
    const text = pubSubText(topic, { message, senderId, senderName });
    if (!text) return;
    if (topic === RECORDING_LAYOUT_TOPIC) {
      const options = layoutOptionsOf(text);
      if (Object.keys(options).length > 0) this.host.update((s) => optionsOverridden(s, options));
    } else if (isOverlayTopic(topic)) {
      this.feed?.message({ ...text, topic, history: false });
    } else {
      console.warn(`Recording template: nothing reads the ${topic} topic; the page follows ${RECORDING_LAYOUT_TOPIC} and ${OVERLAY_TOPICS.join(', ')}.`);
    }
  }

  /** A transcription result for a participant (by default final). */
  transcribe(participantId: string, text: string, options: TranscribeOptions = {}): void {
    if (!this.host.running()) return;
    const speakerName = this.host.state()?.participants.get(participantId)?.displayName ?? participantId;
    this.feed?.caption({ speakerId: participantId, speakerName, text: String(text), final: options.final ?? true, at: performance.now() });
  }

  /** Turns the simulated transcription of whoever speaks on or off. */
  setAutoTranscribe(on: boolean): void {
    if (this.host.running()) this.transcript.set(on);
  }

  /** Whether the simulated transcription runs. */
  get autoTranscribing(): boolean {
    return this.transcript.on;
  }
}
