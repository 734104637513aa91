/**
 * The emulated meeting behind one measured page of a recorder scenario: VideoSDK's server emulated for
 * the real SDK (packages/testkit/src/emulator/), its participants' media sent over WebRTC by a media page in the sender
 * browser (pinned to the other core), and what a scenario does to the meeting while it is measured.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { CHAT_TOPIC, RECORDING_GRAPHICS_TOPIC, type RecordingGraphicsMessage } from '../../src/config/graphics-topics.js';
import { VideoSdkEmulator } from '../../packages/testkit/src/emulator/emulator.js';
import type { MediaSetup } from '../../packages/testkit/src/emulator/media-page.js';
import { type RealMedia, realMedia } from '../../packages/testkit/src/emulator/media-real.js';

/** Who is in the meeting when the page joins. */
export interface MeetingPlan {
  /** Participants p1…pN, each with a camera. */
  readonly participants: number;
  /** How many of them (the first ones) have the mic on; the rest are muted, as in a large meeting. */
  readonly mics: number;
  /** Whether p1 presents a screen share. */
  readonly share?: boolean;
  /** Live graphics (a banner, a lower third, a logo persisted; a toast and a chat line every 2 s). */
  readonly graphics?: boolean;
}

/** A participant as the room has them: who, and whether their mic and share are on (every camera is). */
interface Attendee {
  readonly id: string;
  readonly name: string;
  readonly mic: boolean;
  readonly share: boolean;
}

// Latin names only: a name in another script loads a font on first use, which would skew first frames.
const NAMES = ['Ada Lovelace', 'Bo Lindqvist', 'Chloé Martin', 'Dev Patel', 'Eva Novak', 'Femi Adeyemi', 'Gustavo Lima', 'Hana Sato'];
const LOGO = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="32"><rect width="96" height="32" rx="6" fill="#36c"/></svg>')}`;

/** Participant `index` (from 1) of a scenario: its id and display name. */
export function participant(index: number): { id: string; name: string } {
  const name = NAMES[(index - 1) % NAMES.length] ?? 'Guest';
  return { id: `p${index}`, name: index > NAMES.length ? `${name} ${Math.ceil(index / NAMES.length)}` : name };
}

/** The plan's participants: p1…pN, the first `mics` with the mic on, p1 presenting if the plan shares. */
function attendeesOf(plan: MeetingPlan): Attendee[] {
  return Array.from({ length: plan.participants }, (_, i) => ({ ...participant(i + 1), mic: i < plan.mics, share: plan.share === true && i === 0 }));
}

/** An emulated meeting bound to one page (template or floor), with its media page in the sender browser. */
export class BenchMeeting {
  private timers: ReturnType<typeof setInterval>[] = [];

  private constructor(
    readonly emulator: VideoSdkEmulator,
    readonly media: RealMedia,
    private readonly context: BrowserContext,
  ) {}

  /** Starts the emulator for `page` (before it navigates) with the plan's participants; p1 speaks. */
  static async open(page: Page, sender: Browser, plan: MeetingPlan, setup: MediaSetup): Promise<BenchMeeting> {
    const roster = attendeesOf(plan);
    const context = await sender.newContext();
    const warn = (message: string) => console.error(`  media: ${message}`);
    const media = await realMedia(context, page, { label: (id) => id, warn, setup });
    const emulator = await VideoSdkEmulator.start(page, { media });
    for (const { id, name, mic, share } of roster) emulator.addPeer({ id, name, mic, share });
    emulator.speak(roster[0]?.id ?? null);
    if (plan.graphics) {
      const graphics: RecordingGraphicsMessage = {
        banner: { text: 'Quarterly review: live from the studio' },
        lowerThird: { title: participant(1).name, subtitle: 'Head of research', participantId: 'p1' },
        logo: { url: LOGO, corner: 'top-right' },
      };
      emulator.persist(RECORDING_GRAPHICS_TOPIC, JSON.stringify(graphics));
    }
    return new BenchMeeting(emulator, media, context);
  }

  /** The query VideoSDK's composer would give the template (token, meetingId, participantId) plus `extra`. */
  query(extra = ''): string {
    return this.emulator.url(extra).replace(/^\/\?/, '');
  }

  /** Live graphics traffic: a toast and a chat line, each every 2 s, until `close`. */
  startGraphicsTraffic(): void {
    let count = 0;
    this.timers.push(
      setInterval(() => {
        count += 1;
        const toast: RecordingGraphicsMessage = { toast: { text: `Question ${count} from the audience`, durationMs: 1500 } };
        this.emulator.publish(RECORDING_GRAPHICS_TOPIC, JSON.stringify(toast));
        this.emulator.publish(CHAT_TOPIC, `Chat line ${count}`, { senderName: participant(2 + (count % 3)).name, persist: false });
      }, 2000),
    );
  }

  /** Stops the graphics traffic (the floor gets none). */
  stopGraphicsTraffic(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /** What went wrong on the emulated side (unknown SDK requests, page errors). */
  problems(): string[] {
    return [...this.emulator.protocolErrors, ...this.emulator.pageErrors];
  }

  async close(): Promise<void> {
    this.stopGraphicsTraffic();
    await this.emulator.close();
    await this.context.close();
  }
}

/**
 * The soak's churn: a speaker change every second, a join or a leave every 2 s, one socket drop
 * halfway. Every join is a new id, as when people come and go: the emulated server remembers what
 * the recorder asked to receive of an id, so an id that left and came back would arrive consumed.
 */
export class SoakChurn {
  private readonly inRoom: string[];
  private tick = 0;
  private seed = 7;
  private joined = 0;
  private nextIndex: number;
  private timer?: ReturnType<typeof setInterval>;

  /** `present`: the ids in the room now; joiners are p<firstNew>, p<firstNew+1>… (by default after the `present` ones). */
  constructor(
    private readonly emulator: VideoSdkEmulator,
    present: readonly string[],
    firstNew = present.length + 1,
  ) {
    this.inRoom = [...present];
    this.nextIndex = firstNew;
  }

  /** Runs for `seconds`; the socket drops at half time. */
  start(seconds: number): void {
    const dropAt = Math.floor(seconds / 2);
    this.timer = setInterval(() => {
      this.tick += 1;
      this.emulator.speak(this.pick(this.inRoom));
      if (this.tick === dropAt) {
        this.emulator.dropSocket().catch((error: unknown) => console.error(`  soak: the socket drop failed: ${String(error)}`));
      }
      if (this.tick % 2 === 0) {
        if ((this.tick / 2) % 2 === 1) this.join();
        else this.leave();
      }
    }, 1000);
  }

  /** Stops the churn with as many participants in the room as it started with. */
  stop(): void {
    clearInterval(this.timer);
    if (this.joined > 0) this.leave();
  }

  private join(): void {
    const { id, name } = participant(this.nextIndex);
    this.nextIndex += 1;
    this.inRoom.push(id);
    this.joined += 1;
    this.emulator.addPeer({ id, name });
  }

  private leave(): void {
    const id = this.pick(this.inRoom);
    if (id === null) return;
    this.inRoom.splice(this.inRoom.indexOf(id), 1);
    this.joined -= 1;
    this.emulator.removePeer(id);
  }

  /** A seeded random element (the run repeats exactly). */
  private pick(ids: readonly string[]): string | null {
    this.seed = (this.seed * 1103515245 + 12345) >>> 0;
    return ids[this.seed % ids.length] ?? null;
  }
}
