/**
 * An emulated meeting with synthetic participants on real media, outside the test runner: what
 * `npm run record:local -- --emulated` films. The media page runs in another browser, so the
 * recorder's pinned core and its CPU figure are the template's alone.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { VideoSdkEmulator } from './emulator.js';
import { realMedia } from './media-real.js';

/** What the emulated meeting plays. */
export interface EmulatedMeetingOptions {
  /** Participants with camera and mic on. */
  readonly peers: number;
  /** Whether the first participant presents a screen share through the middle third. */
  readonly share: boolean;
  /** Extra template parameters for the page URL (layoutType=…&quality=…). */
  readonly query: string;
}

// Names from several scripts, so the recording shows the page's font fallbacks too.
const NAMES = ['Ada Lovelace', 'Bongani Dlamini', 'Chloé Martin', 'Dev Patel', 'Eun-ji Park', 'Farah Haddad', 'Gustavo Lima', 'Hana Sato'];
const TURN_MS = 2500;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A meeting the recorder page joins through the real SDK, with synthetic participants taking turns. */
export class EmulatedMeeting {
  private constructor(
    private readonly emulator: VideoSdkEmulator,
    private readonly mediaContext: BrowserContext,
    private readonly ids: readonly string[],
    private readonly share: boolean,
  ) {}

  /** Starts the emulated server for `page`, puts the participants in the room and opens the page under `baseUrl`. */
  static async open(page: Page, mediaBrowser: Browser, baseUrl: string, options: EmulatedMeetingOptions): Promise<EmulatedMeeting> {
    const ids = Array.from({ length: options.peers }, (_, index) => `peer-${index + 1}`);
    const names = new Map(ids.map((id, index) => [id, NAMES[index % NAMES.length] ?? id]));
    const mediaContext = await mediaBrowser.newContext();
    const media = await realMedia(mediaContext, page, { label: (id) => names.get(id) ?? id });
    const emulator = await VideoSdkEmulator.start(page, { media });
    for (const id of ids) emulator.addPeer({ id, name: names.get(id) ?? id });
    await page.goto(new URL(emulator.url(options.query).slice(1), baseUrl).href);
    return new EmulatedMeeting(emulator, mediaContext, ids, options.share);
  }

  /** Plays `seconds` of meeting: a new active speaker every 2.5 s; the first participant shares through the middle third. */
  async play(seconds: number): Promise<void> {
    const turns = Math.max(1, Math.floor((seconds * 1000) / TURN_MS));
    const presenter = this.ids[0];
    for (let turn = 0; turn < turns; turn += 1) {
      if (this.share && presenter && turn === Math.floor(turns / 3)) this.emulator.setShare(presenter, true);
      if (this.share && presenter && turn === Math.floor((2 * turns) / 3)) this.emulator.setShare(presenter, false);
      this.emulator.speak(this.ids[turn % this.ids.length] ?? null);
      await sleep(TURN_MS);
    }
    await sleep(seconds * 1000 - turns * TURN_MS);
  }

  /** What the emulator saw go wrong (an SDK request it does not know, an error in the page). */
  problems(): string[] {
    return [...this.emulator.protocolErrors, ...this.emulator.pageErrors];
  }

  async close(): Promise<void> {
    await this.emulator.close();
    await this.mediaContext.close();
  }
}
