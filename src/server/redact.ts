/**
 * Keeps secrets out of everything the CLI prints and every error the library raises: the API secret
 * (and stream keys, pre-signed upload URLs) always, tokens unless the CLI was asked for them with --show-token.
 */

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';
/** What a token is replaced with. */
export const REDACTED_TOKEN = '[redacted-token]';

// Three base64url segments, the first two JSON objects ("eyJ" is base64 for '{"'): a JWT.
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

/** Every form a value may be printed in: as is, URL-encoded, inside a JSON string; longest first. */
function forms(list: readonly string[], value: string): string[] {
  const added = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
  return [...new Set([...list, ...added])].sort((a, b) => b.length - a.length);
}

function replaceAll(text: string, values: readonly string[], by: string): string {
  let out = text;
  for (const value of values) out = out.split(value).join(by);
  return out;
}

/** Replaces secrets in text before it is printed. */
export class Redactor {
  private readonly showTokens: boolean;
  private secrets: string[] = [];
  private tokens: string[] = [];

  constructor(showTokens: boolean) {
    this.showTokens = showTokens;
  }

  /** Registers a value that must never be printed, in any form it may be printed in. */
  addSecret(value: string | undefined): void {
    if (value === undefined || value.length === 0) return;
    this.secrets = forms(this.secrets, value);
  }

  /** Registers a token the launcher signed or sent, printed only with --show-token. */
  addToken(value: string): void {
    if (value.length === 0) return;
    this.tokens = forms(this.tokens, value);
  }

  /**
   * The text with tokens replaced unless --show-token, then every secret. Tokens go first: a secret
   * replaced inside a token would break its JWT shape and let the rest of it through.
   */
  redact(text: string): string {
    let out = text;
    // Our own tokens and anything JWT-shaped, but not every `token=`: storage URLs carry their own.
    if (!this.showTokens) out = replaceAll(out, this.tokens, REDACTED_TOKEN).replace(JWT_PATTERN, REDACTED_TOKEN);
    return replaceAll(out, this.secrets, REDACTED);
  }
}
