import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { TileRole } from '../layout/types.js';
import { markPhase } from '../meeting/phases.js';
import type { Participant } from '../meeting/state.js';
import { RecVideoPresentedEvent } from './events.js';
import { initialsOf, labelName } from './initials.js';

/**
 * One participant on the stage: their camera (or screen share), or an initials avatar when the
 * camera is off or the recording is audio-only, with the name, a mic-off icon and a speaking ring.
 * An AI agent shows an "AI" badge and its state (`<rec-agent-visual>`, loaded once an agent appears).
 * The `<video>` element lives as long as the tile: moving the tile never re-creates or re-attaches it.
 *
 * @csspart video - the `<video>` element
 * @csspart avatar - the initials circle
 * @csspart label - the name label
 * @csspart name - the name text inside the label
 * @csspart ring - the active-speaker highlight
 * @csspart agent-badge - the "AI" badge in an agent's label
 * @fires rec-video-presented - the video presented its first frame of a track
 */
@customElement('rec-tile')
export class RecTile extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      box-sizing: border-box;
      overflow: hidden;
      border-radius: var(--rec-radius);
      background: var(--rec-tile-bg);
      color: var(--rec-text);
      font-family: var(--rec-font);
      container-type: size;
    }
    .ring {
      position: absolute;
      inset: 0;
      border-radius: inherit;
      box-shadow: inset 0 0 0 var(--rec-speaking-ring-width, 3px) var(--rec-accent);
      pointer-events: none;
    }
    video {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
      background: var(--rec-tile-bg);
    }
    video.contain {
      object-fit: contain;
    }
    video[hidden] {
      display: none;
    }
    .avatar {
      position: absolute;
      inset: 0;
      margin: auto;
      width: min(42cqh, 42cqw, 180px);
      height: min(42cqh, 42cqw, 180px);
      border-radius: 50%;
      display: grid;
      place-items: center;
      background: var(--rec-avatar-bg);
      color: var(--rec-text);
      font-size: min(16cqh, 16cqw, 68px);
      font-weight: 500;
      line-height: 1;
      user-select: none;
    }
    :host([data-speaking='true']) .avatar.audio {
      box-shadow: 0 0 0 min(1.6cqh, 6px) var(--rec-accent);
    }
    .label {
      position: absolute;
      left: min(2.5cqh, 12px);
      bottom: min(2.5cqh, 12px);
      max-width: calc(100% - 2 * min(2.5cqh, 12px));
      box-sizing: border-box;
      display: flex;
      align-items: center;
      gap: 0.35em;
      padding: 0.25em 0.6em;
      border-radius: calc(var(--rec-radius) * 0.6);
      background: var(--rec-label-bg);
      color: var(--rec-text);
      font-size: clamp(11px, 5.5cqh, 18px);
      line-height: 1.35;
    }
    .label.centered {
      left: 50%;
      transform: translateX(-50%);
    }
    .name {
      min-width: 0;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      unicode-bidi: plaintext;
    }
    .badge {
      flex: none;
      padding: 0 0.35em;
      border-radius: 0.3em;
      background: var(--rec-accent);
      color: #ffffff;
      font-size: 0.72em;
      font-weight: 700;
      letter-spacing: 0.05em;
      line-height: 1.5;
    }
    .mic-off {
      flex: none;
      width: 1.1em;
      height: 1.1em;
      color: var(--rec-danger);
    }
  `;

  /** The participant shown. */
  @property({ attribute: false }) participant?: Participant;
  /** `cam` shows the camera, `share` the screen share. */
  @property() kind: 'cam' | 'share' = 'cam';
  /** The tile's role in the layout, mirrored to `data-role`. */
  @property() tileRole: TileRole = 'grid';
  /** Whether the participant is the active speaker. */
  @property({ type: Boolean }) speaking = false;
  /** Audio-only recording: an avatar instead of video, and no `<video>` element at all. */
  @property({ type: Boolean }) audioOnly = false;

  @query('video') private video?: HTMLVideoElement;
  private attachedTrack?: MediaStreamTrack;

  private get track(): MediaStreamTrack | undefined {
    if (this.audioOnly || !this.participant) return undefined;
    return this.kind === 'share' ? this.participant.shareTrack : this.participant.videoTrack;
  }

  private get cameraOn(): boolean {
    return this.kind === 'share' || (this.participant?.webcamOn === true && this.track !== undefined);
  }

  override willUpdate(): void {
    this.dataset.participantId = this.participant?.id ?? '';
    this.dataset.role = this.tileRole;
    this.dataset.camera = this.audioOnly ? 'off' : this.cameraOn ? 'on' : 'off';
    this.dataset.speaking = String(this.speaking);
    if (this.participant?.isAgent) this.dataset.agent = this.participant.agentState ?? 'idle';
    else delete this.dataset.agent;
  }

  override updated(): void {
    const video = this.video;
    const track = this.track;
    if (!video) {
      this.attachedTrack = undefined;
      return;
    }
    if (track === this.attachedTrack) return;
    this.attachedTrack = track;
    video.srcObject = track ? new MediaStream([track]) : null;
    if (track) {
      video.requestVideoFrameCallback(() => this.presented(track));
      video.play().catch((error: unknown) => {
        // A newer track or a removed tile interrupts play(): expected. Anything else is worth a line.
        if (error instanceof DOMException && error.name === 'AbortError') return;
        console.warn(`rec-tile: video for ${this.participant?.id} did not start: ${String(error)}`);
      });
    }
  }

  /** The video's first frame of `track` is on screen (unless a newer track has replaced it meanwhile). */
  private presented(track: MediaStreamTrack): void {
    if (track !== this.attachedTrack) return;
    if (this.kind === 'cam' && this.participant) markPhase('frame', this.participant.id);
    this.dispatchEvent(new RecVideoPresentedEvent(track));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.video) this.video.srcObject = null;
    this.attachedTrack = undefined;
  }

  override render() {
    const participant = this.participant;
    if (!participant) return nothing;
    const showVideo = !this.audioOnly && this.cameraOn;
    return html`
      ${this.audioOnly ? nothing : this.renderVideo(showVideo)}
      ${showVideo ? nothing : this.renderAvatar(participant)}
      ${this.renderLabel(participant)}
      ${this.speaking && !this.audioOnly ? html`<div part="ring" class="ring"></div>` : nothing}
    `;
  }

  private renderVideo(visible: boolean) {
    return html`<video
      part="video"
      class=${this.kind === 'share' ? 'contain' : 'cover'}
      ?hidden=${!visible}
      muted
      autoplay
      playsinline
      disablepictureinpicture
      .muted=${true}
    ></video>`;
  }

  private renderAvatar(participant: Participant) {
    if (participant.isAgent) return html`<rec-agent-visual exportparts="agent, agent-state" state=${participant.agentState ?? 'idle'}></rec-agent-visual>`;
    return html`<div part="avatar" class="avatar ${this.audioOnly ? 'audio' : ''}" aria-hidden="true">
      ${initialsOf(participant.displayName)}
    </div>`;
  }

  private renderLabel(participant: Participant) {
    const shown = labelName(participant.displayName);
    const name = this.kind === 'share' ? `${shown} · Screen` : shown;
    const micOff = this.kind === 'cam' && !participant.micOn;
    return html`<div part="label" class="label ${this.audioOnly ? 'centered' : ''}">
      ${micOff ? this.renderMicOff() : nothing}
      ${participant.isAgent ? html`<span part="agent-badge" class="badge" aria-label="AI agent">AI</span>` : nothing}
      <span part="name" class="name" title=${participant.displayName}>${name}</span>
    </div>`;
  }

  private renderMicOff() {
    return html`<svg class="mic-off" viewBox="0 0 24 24" role="img" aria-label="Microphone off">
      <path
        fill="currentColor"
        d="M12 2a3 3 0 0 0-3 3v4.2l6 6V5a3 3 0 0 0-3-3Zm7 9h-2a5 5 0 0 1-.6 2.4l1.5 1.5A7 7 0 0 0 19 11ZM3.3 2.3 2 3.6l7 7V11a3 3 0 0 0 4.4 2.6l1.6 1.6A5 5 0 0 1 7 11H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 3.4-1.4l4 4 1.3-1.3Z"
      />
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-tile': RecTile;
  }
}
