// `thrive user add|set-role|list`: accounts from the command line, above all the first admin
// (`npm run thrive -- user add --role admin EMAIL`). The password is never an argument (it
// would stay in the shell history and the process list): it is typed with echo off when
// stdin is a terminal, or read from the first line of stdin when piped.
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@thrive/db';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.ts';
import { terminalSafe } from '../terminal-text.ts';
import { createUser, listUsers, normaliseEmail, setRoleByEmail } from '../../modules/admin/service.ts';
import { MIN_PASSWORD_LENGTH } from '../../modules/auth/passwords.ts';
import { InputError, UsageError, type CliIo, type Command } from '../command.ts';
import { configFrom, withDatabase } from '../with-database.ts';

const USAGE = `Usage: thrive user add --role <role> [--name <name>] <email>
       thrive user set-role <email> <role>
       thrive user list

Accounts for officers, partners and admins (roles: ${ROLES.join(', ')}).

  add       creates an account. The password (at least ${MIN_PASSWORD_LENGTH} characters) is asked
            for with echo off, twice, when stdin is a terminal; otherwise the first line of
            stdin is the password, e.g.  printf '%s\\n' "$PASSWORD" | thrive user add ...
  set-role  changes an account's role (its sessions keep working, with the new role)
  list      prints every account: email, role, name, and whether it is disabled

Writes to DATABASE_URL when set, otherwise to the embedded database (PGLITE_DIR).

Options:
  -r, --role <role>  the new account's role
  -n, --name <name>  the name shown for the account
  -h, --help         show this help`;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function roleFrom(value: string | undefined): Role {
  if (value === undefined) throw new UsageError(`give the role with --role (one of ${ROLES.join(', ')})`);
  const role = ROLES.find((r) => r === value);
  if (!role) throw new UsageError(`"${value}" is not a role (one of ${ROLES.join(', ')})`);
  return role;
}

function emailFrom(value: string | undefined): string {
  if (value === undefined || !EMAIL.test(value.trim())) throw new UsageError('give the account\'s email address, e.g. officer@council.gov.uk');
  return normaliseEmail(value);
}

type Stdin = NonNullable<CliIo['stdin']>;

/** The first line of a piped stdin. */
async function firstLine(stdin: Stdin): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

type Terminal = Stdin & Partial<Pick<NodeJS.ReadStream, 'setRawMode'>>;

/** Reads a line from a terminal without echoing it. */
function hiddenLine(stdin: Terminal, prompt: string): Promise<string> {
  const { setRawMode } = stdin;
  if (!setRawMode) return firstLine(stdin);
  process.stderr.write(prompt);
  setRawMode.call(stdin, true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      setRawMode.call(stdin, false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new UsageError('cancelled'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(io: CliIo, email: string): Promise<string> {
  const stdin = io.stdin;
  if (!stdin) throw new UsageError('no standard input to read the password from');
  if (!stdin.isTTY) return firstLine(stdin);
  const first = await hiddenLine(stdin, `Password for ${email} (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const again = await hiddenLine(stdin, 'The same password again: ');
  if (first !== again) throw new InputError('the two passwords differ; nothing was created');
  return first;
}

/** Turns the services' refusals into one-line input errors. */
function asInputError(error: unknown): unknown {
  if (error instanceof BadRequestError || error instanceof ConflictError || error instanceof NotFoundError) return new InputError(error.message);
  return error;
}

export const userCommand: Command = {
  name: 'user',
  summary: 'add accounts (the first admin), change roles, list accounts',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { role: { type: 'string', short: 'r' }, name: { type: 'string', short: 'n' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    const [action, ...rest] = positionals;
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (action === undefined) throw new UsageError('give an action: add, set-role or list (try --help)');
    const config = configFrom(io);
    switch (action) {
      case 'add': {
        if (rest.length !== 1) throw new UsageError('add takes one email address');
        const email = emailFrom(rest[0]);
        const role = roleFrom(values.role);
        const password = await readPassword(io, email);
        const user = await withDatabase(config, ({ db }) => createUser(db, { email, role, name: values.name, password }, { id: null, via: 'cli' })).catch((error: unknown) => {
          throw asInputError(error);
        });
        io.stderr(`created ${user.role} account ${user.email}; it can sign in at /signin`);
        return 0;
      }
      case 'set-role': {
        if (rest.length !== 2) throw new UsageError('set-role takes an email address and a role');
        const email = emailFrom(rest[0]);
        const role = roleFrom(rest[1]);
        const { before, after } = await withDatabase(config, ({ db }) => setRoleByEmail(db, email, role, { id: null, via: 'cli' })).catch((error: unknown) => {
          throw asInputError(error);
        });
        io.stderr(before === after.role ? `${after.email} is already ${after.role}` : `${after.email}: ${before} → ${after.role}`);
        return 0;
      }
      case 'list': {
        const users = await withDatabase(config, ({ db }) => listUsers(db));
        // Tab-separated, one account a line: names and emails are printed escaped.
        for (const u of users) io.stdout(`${terminalSafe(u.email)}\t${u.role}\t${terminalSafe(u.name ?? '')}\t${u.disabledAt ? 'disabled' : 'active'}\n`);
        if (users.length === 0) io.stderr('no accounts yet; add the first admin with: thrive user add --role admin <email>');
        return 0;
      }
      default:
        throw new UsageError(`unknown action "${action}" (add, set-role or list)`);
    }
  },
};
