/** The designer panel's meeting section: buttons that drive the simulated meeting, one row per participant. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { RecFeaturesChangeEvent } from '../components/events.js';
import { labelName } from '../components/initials.js';
import { type AgentState, type MeetingState, type Participant, emptyMeeting } from '../meeting/state.js';
import type { DemoControls } from '../sources/demo/demo-controls.js';
import { panelStyles } from './panel-styles.js';

const ALTERNATE_FOR_MS = 8000;
const AGENT_STATES: readonly AgentState[] = ['idle', 'listening', 'thinking', 'speaking'];

/**
 * The simulated meeting's controls: add (a person or an AI agent), speak, pin, share, camera, mic,
 * an agent's state, hide from the frame and remove. It shows the meeting it is given and sends each
 * action to the simulated meeting's `DemoControls`; without controls (a live meeting) every button
 * is disabled. Hiding is a URL extra (`hide=`), asked for with `rec-features-change`.
 *
 * @fires rec-features-change - when someone is hidden or shown again
 */
@customElement('rec-meeting-controls')
export class RecMeetingControls extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      ul {
        list-style: none;
        margin: 8px 0 0;
        padding: 0;
      }
      li {
        padding: 6px 0;
        border-top: 1px solid #23252e;
      }
      .who {
        display: flex;
        gap: 6px;
        margin-bottom: 4px;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .who .tag {
        color: #8fa0ff;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      .buttons button {
        padding: 2px 5px;
        font-size: 12px;
      }
      .buttons select {
        width: auto;
        padding: 1px 2px;
        font-size: 12px;
      }
    `,
  ];

  /** The meeting as the store holds it. */
  @property({ attribute: false }) meeting: MeetingState = emptyMeeting();
  /** The simulated meeting's controls; absent when the page shows a live meeting. */
  @property({ attribute: false }) controls?: DemoControls;
  /** Ids kept off the frame (`hide=`). */
  @property({ attribute: false }) hiddenIds: readonly string[] = [];
  /** How fast "alternate speakers" switches (ms): well under the default dwell, to show it holds. */
  @property({ attribute: false }) alternateEveryMs = 500;

  @state() private alternating = false;

  private alternateTimer?: ReturnType<typeof setInterval>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopAlternating();
  }

  private toggleAlternating = (): void => {
    if (this.alternating) {
      this.stopAlternating();
      return;
    }
    const ids = [...this.meeting.participants.keys()].slice(0, 3);
    const demo = this.controls;
    if (!demo || ids.length < 2) return;
    this.alternating = true;
    let turn = 0;
    const started = performance.now();
    this.alternateTimer = setInterval(() => {
      if (performance.now() - started > ALTERNATE_FOR_MS) {
        this.stopAlternating();
        return;
      }
      demo.speak(ids[turn++ % ids.length] ?? null);
    }, this.alternateEveryMs);
    demo.speak(ids[turn++] ?? null);
  };

  private toggleHidden(id: string): void {
    const hide = this.hiddenIds.includes(id) ? this.hiddenIds.filter((h) => h !== id) : [...this.hiddenIds, id];
    this.dispatchEvent(new RecFeaturesChangeEvent({ hide }));
  }

  private stopAlternating(): void {
    clearInterval(this.alternateTimer);
    this.alternateTimer = undefined;
    this.alternating = false;
  }

  override render() {
    const demo = this.controls;
    const meeting = this.meeting;
    const people = [...meeting.participants.values()];
    return html`<fieldset ?disabled=${!demo}>
      <legend>Simulated meeting</legend>
      <div class="actions">
        <button @click=${() => demo?.join()}>Add participant</button>
        <button @click=${() => demo?.joinAgent()}>Add AI agent</button>
        <button aria-pressed=${String(this.alternating)} ?disabled=${people.length < 2 && !this.alternating} @click=${this.toggleAlternating}>
          Alternate speakers quickly
        </button>
        <button @click=${() => demo?.speak(null)} ?disabled=${meeting.activeSpeakerId === null}>Nobody speaks</button>
        <button @click=${() => demo?.stopShare()} ?disabled=${meeting.presenterId === null}>Stop share</button>
      </div>
      <ul aria-label="Participants">
        ${people.map((p) => this.renderParticipant(p))}
      </ul>
    </fieldset>`;
  }

  private renderParticipant(p: Participant) {
    const demo = this.controls;
    const meeting = this.meeting;
    const speaking = meeting.activeSpeakerId === p.id;
    const pinned = meeting.pins.some((pin) => pin.participantId === p.id && pin.cam);
    const sharing = meeting.presenterId === p.id;
    // As the tile shows it: "?" for a name with nothing visible in it.
    const name = labelName(p.displayName);
    const hidden = this.hiddenIds.includes(p.id) || p.hiddenFromRecording === true;
    // data-row-for, not data-participant-id: that attribute is the tiles' testing contract alone.
    return html`<li data-row-for=${p.id}>
      <div class="who">
        <span>${name}</span>
        ${p.isAgent ? html`<span class="tag">AI</span>` : nothing}
        ${speaking ? html`<span class="tag">speaking</span>` : nothing}
        ${hidden ? html`<span class="tag">hidden</span>` : nothing}
      </div>
      <div class="buttons">
        <button aria-pressed=${String(speaking)} aria-label=${`Speak ${name}`} @click=${() => demo?.speak(p.id)}>Speak</button>
        <button aria-pressed=${String(pinned)} aria-label=${`Pin ${name}`} @click=${() => (pinned ? demo?.unpin(p.id) : demo?.pin(p.id))}>
          Pin
        </button>
        <button
          aria-pressed=${String(sharing)}
          aria-label=${`Share ${name}'s screen`}
          @click=${() => (sharing ? demo?.stopShare() : demo?.startShare(p.id))}
        >
          Share
        </button>
        <button aria-pressed=${String(p.webcamOn)} aria-label=${`Camera ${name}`} @click=${() => demo?.setCamera(p.id, !p.webcamOn)}>
          Camera
        </button>
        <button aria-pressed=${String(p.micOn)} aria-label=${`Mic ${name}`} @click=${() => demo?.setMic(p.id, !p.micOn)}>Mic</button>
        <button aria-pressed=${String(hidden)} aria-label=${`Hide ${name}`} @click=${() => this.toggleHidden(p.id)}>Hide</button>
        ${p.isAgent
          ? html`<select
              aria-label=${`State of ${name}`}
              @change=${(e: Event) => demo?.setAgentState(p.id, (e.target as HTMLSelectElement).value as AgentState)}
            >
              ${AGENT_STATES.map((s) => html`<option value=${s} ?selected=${p.agentState === s}>${s}</option>`)}
            </select>`
          : nothing}
        <button aria-label=${`Remove ${name}`} @click=${() => demo?.leave(p.id)}>Remove</button>
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-meeting-controls': RecMeetingControls;
  }
}
