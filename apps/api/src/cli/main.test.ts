import { describe, expect, it } from 'vitest';
import { InputError, UsageError, type CliIo, type Command } from './command.ts';
import { COMMANDS, helpText, runCli } from './main.ts';

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { env: {}, stdout: (text) => out.push(text), stderr: (line) => err.push(line) },
    out,
    err,
  };
}

const failing = (error: unknown): Command => ({
  name: 'fail',
  summary: 'always fails',
  usage: 'Usage: thrive fail',
  run: () => Promise.reject(error),
});

describe('runCli', () => {
  it('lists the commands for --help and exits 0', async () => {
    const { io, out } = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('')).toBe(helpText());
    expect(out.join('')).toContain('imd-summary');
  });

  it('rejects an unknown command with one clear line and exit code 2', async () => {
    const { io, err } = capture();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(err).toEqual([
      'thrive: unknown command "frobnicate" (commands: imd-summary, load-authority, import-boundaries, import-indicators, data, user; try --help).',
    ]);
  });

  it('asks for a command when given none, exit code 2', async () => {
    const { io, err } = capture();
    expect(await runCli([], io)).toBe(2);
    expect(err).toHaveLength(1);
  });

  it('turns a usage mistake into exit code 2 and an unusable input into exit code 1, one line each', async () => {
    const usage = capture();
    expect(await runCli(['fail'], usage.io, [failing(new UsageError('--level must be lad'))])).toBe(
      2,
    );
    expect(usage.err).toEqual(['thrive fail: --level must be lad']);
    const input = capture();
    expect(
      await runCli(['fail'], input.io, [failing(new InputError('missing input /x/File_2.csv'))]),
    ).toBe(1);
    expect(input.err).toEqual(['thrive fail: missing input /x/File_2.csv']);
  });

  it('reports an unexpected error as one line, without its stack trace, exit code 1', async () => {
    const { io, err } = capture();
    expect(await runCli(['fail'], io, [failing(new Error('boom'))])).toBe(1);
    expect(err).toEqual(['thrive fail: failed: boom']);
  });

  it('has one command per name', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
});
