/**
 * Keeps secrets out of everything the launcher prints: the API secret (and other credentials such
 * as a pre-signed upload URL) always, tokens unless the user asked for them with --show-token.
 */

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';
/** What a token is replaced with. */
export const REDACTED_TOKEN = '[redacted-token]';

// Three base64url segments, the first two JSON objects ("eyJ" is base64 for '{"'): a JWT.
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
// A token query parameter in a printed URL, whatever its value looks like.
const TOKEN_PARAM_PATTERN = /([?&]token=)[^&#\s"']*/g;

/** Replaces secrets in text before it is printed. */
export class Redactor {
  private readonly showTokens: boolean;
  private secrets: string[] = [];

  constructor(showTokens: boolean) {
    this.showTokens = showTokens;
  }

  /** Registers a value that must never be printed, in any form it may be printed in. */
  addSecret(value: string | undefined): void {
    if (value === undefined || value.length === 0) return;
    const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
    this.secrets = [...new Set([...this.secrets, ...forms])].sort((a, b) => b.length - a.length);
  }

  /** The text with every secret replaced, and tokens too unless --show-token. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    if (!this.showTokens) {
      out = out.replace(TOKEN_PARAM_PATTERN, `$1${REDACTED}`).replace(JWT_PATTERN, REDACTED_TOKEN);
    }
    return out;
  }
}
