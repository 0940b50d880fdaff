// Accounts for the end-to-end tests, made the way the README says:
// `npm run thrive -- user add --role officer EMAIL`, the password typed on standard input.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '..', '..', '..', '..', 'apps/api/src/cli/main.ts');

export interface TestAccount {
  role: 'admin' | 'officer';
  name: string;
  email: string;
  password: string;
}

/** Adds an account with the CLI to the embedded database in `pgliteDir`; throws when it fails. */
export function addAccount(pgliteDir: string, account: TestAccount): void {
  const env = { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const added = spawnSync(
    process.execPath,
    [CLI, 'user', 'add', '--role', account.role, '--name', account.name, account.email],
    { env, input: `${account.password}\n`, encoding: 'utf8' },
  );
  if (added.status !== 0) throw new Error(`user add failed: ${added.stderr}`);
}
