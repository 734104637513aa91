/** How many malformed PubSub messages are warned about one by one before the rest go quiet. */
export const MAX_MALFORMED_WARNINGS = 10;

/** Console warnings for malformed messages on one feed, capped so a flood cannot flood the log. */
export class MalformedWarnings {
  private count = 0;

  /** `what` names the feed in the closing line, e.g. "graphics messages". */
  constructor(private readonly what: string) {}

  warn(text: string): void {
    this.count += 1;
    if (this.count <= MAX_MALFORMED_WARNINGS) console.warn(text);
    else if (this.count === MAX_MALFORMED_WARNINGS + 1) {
      console.warn(`Recording template: more malformed ${this.what} arrived; they are ignored without a warning each.`);
    }
  }
}
