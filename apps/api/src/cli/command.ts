// What every CLI command is, and the two ways one can fail: a usage mistake (exit 2) or an
// input it cannot use (exit 1). Either way the user sees one line, never a stack trace.

/** Where a command reads its settings and writes its output; injected so tests can capture them. */
export interface CliIo {
  /** Environment variables (process.env in real runs). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Writes command output (e.g. CSV when no --out is given). */
  readonly stdout: (text: string) => void;
  /** Writes one line of progress or error, without the trailing newline. */
  readonly stderr: (line: string) => void;
  /** Standard input, for commands that read a secret (process.stdin in real runs). */
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** One `thrive <name>` command: its help and what it does. Returns the exit code. */
export interface Command {
  readonly name: string;
  /** One line for the command list in `--help`. */
  readonly summary: string;
  /** Its own `--help` text. */
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}

/** The command was called wrongly (unknown option, unsupported value): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input is missing or unusable: exit 1, with a message naming the file (and row). */
export class InputError extends Error {
  override name = 'InputError';
}
