/**
 * Everything the CLI prints goes through here, so redaction cannot be forgotten: results to stdout
 * (JSON with --json), progress and errors to stderr.
 */
import { escapeJsonText } from '../server/printable.js';
import { Redactor } from '../server/redact.js';

/** Where the CLI writes and what it reads: process streams in the bin, captured buffers in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted on Ctrl-C / SIGTERM. */
  readonly signal?: AbortSignal;
}

/** The redacting printer a command writes through. */
export class Output {
  readonly json: boolean;
  readonly redactor: Redactor;
  private readonly io: CliIo;

  constructor(io: CliIo, json: boolean, showTokens: boolean) {
    this.io = io;
    this.json = json;
    this.redactor = new Redactor(showTokens);
  }

  /** A result line on stdout. */
  line(text: string): void {
    this.io.stdout(`${this.redactor.redact(text)}\n`);
  }

  /** A JSON document (or one NDJSON event) on stdout, with no raw control character in it. */
  data(value: unknown): void {
    this.io.stdout(`${this.redactor.redact(escapeJsonText(JSON.stringify(value)))}\n`);
  }

  /** Progress, warnings and errors on stderr. */
  note(text: string): void {
    this.io.stderr(`${this.redactor.redact(text)}\n`);
  }

  /** An error as JSON on stderr (for --json). */
  noteData(value: unknown): void {
    this.io.stderr(`${this.redactor.redact(escapeJsonText(JSON.stringify(value)))}\n`);
  }
}
