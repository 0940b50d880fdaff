import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, UniqueViolationError, type Database, type Db } from './index.ts';
import { testEngines } from './testing.ts';

// Hand-made accounts; the hashes are placeholders, never checked here.
describe.each(testEngines())('account tables on $name', (engine) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await engine.open();
    db = handle.db;
    await migrateToLatest(db);
  });
  afterAll(() => handle.close());

  const addUser = (email: string, role: 'admin' | 'officer' | 'partner' = 'officer') =>
    db.insertInto('user').values({ email, role, display_name: null, password_hash: 'x', disabled_at: null }).returning(['id', 'created_at']).executeTakeFirstOrThrow();

  it('gives a new user a uuid and a creation time', async () => {
    const user = await addUser('ada@example.org');
    expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(user.created_at).toBeInstanceOf(Date);
  });

  it('refuses a second user with the same email', async () => {
    await expect(addUser('ada@example.org')).rejects.toBeInstanceOf(UniqueViolationError);
  });

  it('refuses an email that is not lower-cased, so uniqueness ignores case', async () => {
    await expect(addUser('Ada@Example.org')).rejects.toMatchObject({ kind: 'check' });
  });

  it('refuses a role outside the list', async () => {
    await expect(addUser('bob@example.org', 'owner' as 'admin')).rejects.toMatchObject({ kind: 'check' });
  });

  it("deletes a user's sessions with the user, and keeps their audit events without the actor", async () => {
    const user = await addUser('carol@example.org');
    await db.insertInto('session').values({ id: 'a'.repeat(64), user_id: user.id, expires_at: new Date(Date.now() + 60_000), user_agent_hint: null }).execute();
    await db.insertInto('audit_event').values({ actor_id: user.id, action: 'auth.login', target: null, details: JSON.stringify({ via: 'test' }) }).execute();
    await db.deleteFrom('user').where('id', '=', user.id).execute();
    expect(await db.selectFrom('session').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    const event = await db.selectFrom('audit_event').select(['actor_id', 'action', 'details']).where('action', '=', 'auth.login').executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_id: null, action: 'auth.login', details: { via: 'test' } });
  });

  it('numbers audit events in order', async () => {
    await db.insertInto('audit_event').values({ actor_id: null, action: 'user.create', target: null, details: '{}' }).execute();
    const ids = await db.selectFrom('audit_event').select(sql<string>`cast(id as text)`.as('id')).orderBy('id').execute();
    expect(ids.map((r) => Number(r.id))).toEqual([1, 2]);
  });

  it('creates a random throttle key once, at migration', async () => {
    const secret = await db.selectFrom('app_secret').select('value').where('name', '=', 'throttle_key').executeTakeFirstOrThrow();
    expect(secret.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
