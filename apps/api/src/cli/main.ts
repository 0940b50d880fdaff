// `node apps/api/src/cli/main.ts <command> [options]` (or `npm run thrive -- <command>`): a small
// table of commands, each in commands/<name>.ts. Usage mistakes exit 2, unusable inputs exit 1,
// both with one line on stderr and no stack trace.
import { fileURLToPath } from 'node:url';
import { InputError, UsageError, type CliIo, type Command } from './command.ts';
import { dataCommand } from './commands/data.ts';
import { imdSummaryCommand } from './commands/imd-summary.ts';
import { importBoundariesCommand } from './commands/import-boundaries.ts';
import { importIndicatorsCommand } from './commands/import-indicators.ts';
import { loadAuthorityCommand } from './commands/load-authority.ts';
import { userCommand } from './commands/user.ts';

/** Every command, in the order `--help` lists them; add new ones here. */
export const COMMANDS: readonly Command[] = [
  imdSummaryCommand,
  loadAuthorityCommand,
  importBoundariesCommand,
  importIndicatorsCommand,
  dataCommand,
  userCommand,
];

/** The top-level help: how to call, and the commands. */
export function helpText(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: thrive <command> [options]\n\nCommands:\n${list}\n\nRun "thrive <command> --help" for a command's options.\n`;
}

/** Runs one command line (without `node main.ts`) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr('thrive: no command given (try --help).');
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(
      `thrive: unknown command "${name}" (commands: ${commands.map((c) => c.name).join(', ')}; try --help).`,
    );
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`thrive ${name}: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`thrive ${name}: ${error instanceof InputError ? message : `failed: ${message}`}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const io: CliIo = {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (line) => process.stderr.write(`${line}\n`),
    stdin: process.stdin,
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
