import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Participant } from '../meeting/state.js';

interface AudioSource {
  readonly key: string;
  readonly track: MediaStreamTrack;
}

/** The audio tracks to play: every participant's mic and share audio, on screen or not. */
export function audioSourcesOf(participants: Iterable<Participant>): AudioSource[] {
  const sources: AudioSource[] = [];
  for (const p of participants) {
    if (p.audioTrack) sources.push({ key: `mic:${p.id}`, track: p.audioTrack });
    if (p.shareAudioTrack) sources.push({ key: `share:${p.id}`, track: p.shareAudioTrack });
  }
  return sources;
}

/**
 * Plays the audio of every participant through one hidden `<audio>` element per track, whether or
 * not they are on screen: the recorder records the page's audio, so an unplayed track is lost.
 */
@customElement('rec-audio-player')
export class RecAudioPlayer extends LitElement {
  static override styles = css`
    :host {
      display: none;
    }
  `;

  /** Everyone who may be heard. */
  @property({ attribute: false }) participants: readonly Participant[] = [];

  private warned = false;

  override updated(): void {
    for (const audio of this.renderRoot.querySelectorAll('audio')) {
      const track = (audio as AudioWithTrack).recTrack;
      const current = audio.srcObject instanceof MediaStream ? audio.srcObject.getAudioTracks()[0] : undefined;
      if (!track || current === track) continue;
      audio.srcObject = new MediaStream([track]);
      audio.play().catch((error: unknown) => {
        if (this.warned) return;
        this.warned = true;
        console.warn(`rec-audio-player: audio did not start (${String(error)}); the recording may be silent.`);
      });
    }
  }

  override render() {
    return repeat(
      audioSourcesOf(this.participants),
      (source) => source.key,
      (source) => html`<audio data-key=${source.key} autoplay .recTrack=${source.track}></audio>`,
    );
  }
}

/** An `<audio>` element remembering which track it should play. */
type AudioWithTrack = HTMLAudioElement & { recTrack?: MediaStreamTrack };

declare global {
  interface HTMLElementTagNameMap {
    'rec-audio-player': RecAudioPlayer;
  }
}
