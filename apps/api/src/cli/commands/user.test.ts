// `thrive user` on an embedded database in a temporary folder, with the password piped on
// stdin as a script would; then the server on the same folder, to sign in with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { CliIo } from '../command.ts';
import { runCli } from '../main.ts';
import { withDatabase } from '../with-database.ts';

let folder = '';
let env: Record<string, string> = {};

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'thrive-user-'));
  env = { PGLITE_DIR: join(folder, 'pglite'), LOG_LEVEL: 'silent' };
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, stdout: (text) => out.push(text), stderr: (line) => err.push(line), stdin: Readable.from([stdin]) };
  return runCli(['user', ...args], io).then((code) => ({ code, out: out.join(''), err }));
}

describe('thrive user', () => {
  it('adds the first admin with the password read from stdin', async () => {
    const result = await run(['add', '--role', 'admin', '--name', 'Ada', 'Ada@Example.org'], 'a long enough password\nignored second line\n');
    expect(result).toEqual({ code: 0, out: '', err: ['created admin account ada@example.org; it can sign in at /signin'] });
  });

  it('refuses the same email again, in any case, with exit code 1 and one line', async () => {
    const result = await run(['add', '--role', 'officer', 'ADA@example.org'], 'another long password\n');
    expect(result).toEqual({ code: 1, out: '', err: ['thrive user: An account with that email already exists.'] });
  });

  it('refuses a password shorter than 12 characters, creating nothing', async () => {
    const result = await run(['add', '--role', 'officer', 'otto@example.org'], 'too short\n');
    expect(result).toEqual({ code: 1, out: '', err: ['thrive user: A password needs at least 12 characters.'] });
    expect((await run(['list'])).out).not.toContain('otto');
  });

  it('refuses a missing or unknown role and a missing email with exit code 2', async () => {
    expect((await run(['add', 'otto@example.org'], 'a long enough password\n')).code).toBe(2);
    expect((await run(['add', '--role', 'owner', 'otto@example.org'], 'a long enough password\n')).err).toEqual(['thrive user: "owner" is not a role (one of admin, officer, partner)']);
    expect((await run(['add', '--role', 'officer'], 'a long enough password\n')).code).toBe(2);
  });

  it('changes a role, but never leaves the service without an active admin', async () => {
    expect((await run(['add', '--role', 'partner', 'pat@example.org'], 'a long enough password\n')).code).toBe(0);
    expect(await run(['set-role', 'pat@example.org', 'officer'])).toEqual({ code: 0, out: '', err: ['pat@example.org: partner → officer'] });
    expect((await run(['set-role', 'ada@example.org', 'officer'])).err).toEqual(['thrive user: This is the only active admin; make another account admin first.']);
    expect((await run(['set-role', 'nobody@example.org', 'officer'])).err).toEqual(['thrive user: No account with that email.']);
  });

  it('lists the accounts', async () => {
    expect((await run(['list'])).out).toBe('ada@example.org\tadmin\tAda\tactive\npat@example.org\tofficer\t\tactive\n');
  });

  it('prints control characters in names escaped, so a name cannot drive the terminal', async () => {
    // Straight into the database, as an older version or a hand-made row could have left it.
    await withDatabase(loadConfig(env), ({ db }) =>
      db.updateTable('user').set({ display_name: 'Pat\u001b]0;owned\u0007\nfake\tline' }).where('email', '=', 'pat@example.org').execute(),
    );
    const out = (await run(['list'])).out;
    expect(out).toContain('pat@example.org\tofficer\tPat\\x1b]0;owned\\x07\\nfake\\tline\tactive\n');
    expect(out).not.toContain('\u001b');
    await withDatabase(loadConfig(env), ({ db }) => db.updateTable('user').set({ display_name: null }).where('email', '=', 'pat@example.org').execute());
  });

  it('creates an admin who can sign in to the server', async () => {
    const app = await buildApp(loadConfig(env), { web: false });
    try {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ada@example.org', password: 'a long enough password' } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ user: { email: 'ada@example.org', role: 'admin', name: 'Ada' } });
      const hash = await app.db.db.selectFrom('user').select('password_hash').where('email', '=', 'ada@example.org').executeTakeFirstOrThrow();
      expect(hash.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    } finally {
      await app.close();
    }
  });
});
