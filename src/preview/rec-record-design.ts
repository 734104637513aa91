/** The designer panel's "Record this design" section: the template URL query, the launcher command and the host's graphics call. */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_OPTIONS, type RecordingOptions } from '../config/options.js';
import { optionsToQuery } from '../config/url-params.js';
import type { ShownGraphics } from '../components/view-state.js';
import { panelStyles } from './panel-styles.js';
import { PLACEHOLDER_HOST, launcherCommand, publishCall, recordingTemplateUrl } from './preview-url.js';

/**
 * What records the design on show: the query string to add to the template URL, the
 * `videosdk-record start` command and the host app's `publishRecordingGraphics` call for the
 * graphics on show, each with a copy button and a spoken confirmation.
 */
@customElement('rec-record-design')
export class RecRecordDesign extends LitElement {
  static override styles = [
    panelStyles,
    css`
      textarea {
        box-sizing: border-box;
        width: 100%;
        margin: 4px 0;
        padding: 4px;
        font: 12px/1.35 ui-monospace, monospace;
        background: #0e0f13;
        color: inherit;
        border: 1px solid #3a3c48;
        border-radius: 4px;
        resize: vertical;
      }
      .status {
        min-height: 1.4em;
        margin: 4px 0 0;
        color: #9fe2a8;
      }
    `,
  ];

  /** The options to record with. */
  @property({ attribute: false }) options: RecordingOptions = DEFAULT_OPTIONS;
  /** The graphics on show, for the host-side publish call. */
  @property({ attribute: false }) graphics: ShownGraphics = {};
  /** The preview page's address; its template params are kept, its preview-only ones dropped. */
  @property() pageUrl = window.location.href;

  @state() private copyStatus = '';

  private async copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = `${what} copied.`;
    } catch {
      // Clipboard access can be refused (no focus, insecure origin): leave the text selectable instead.
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`textarea[data-copy='${what}']`);
      area?.select();
      this.copyStatus = `Press Ctrl+C to copy the selected ${what.toLowerCase()}.`;
    }
  }

  override render() {
    const base = recordingTemplateUrl(this.pageUrl);
    const templateQuery = new URL(base).searchParams;
    for (const [name, value] of optionsToQuery(this.options, { all: true })) templateQuery.set(name, value);
    const queryText = `?${templateQuery.toString()}`;
    const command = launcherCommand(this.options, base);
    const { banner, lowerThird, logo, background } = this.graphics;
    const call = publishCall({ ...(banner && { banner }), ...(lowerThird && { lowerThird }), ...(logo && { logo }), ...(background && { background }) });
    return html`<fieldset>
      <legend>Record this design</legend>
      <label for="query-text">Template URL query</label>
      <textarea id="query-text" data-copy="Query string" readonly rows="3" .value=${queryText}></textarea>
      <button @click=${() => this.copy(queryText, 'Query string')}>Copy query string</button>
      <label for="command-text">Launcher command</label>
      <textarea id="command-text" data-copy="Command" readonly rows="5" .value=${command}></textarea>
      <button @click=${() => this.copy(command, 'Command')}>Copy command</button>
      <label for="publish-text">Host app: the graphics on show</label>
      <textarea id="publish-text" data-copy="Publish call" readonly rows="6" .value=${call}></textarea>
      <button @click=${() => this.copy(call, 'Publish call')}>Copy publish call</button>
      <p class="status" role="status">${this.copyStatus}</p>
      <p class="hint">VideoSDK opens only https template URLs: host dist/ and put that address in place of ${PLACEHOLDER_HOST}.</p>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rec-record-design': RecRecordDesign;
  }
}
