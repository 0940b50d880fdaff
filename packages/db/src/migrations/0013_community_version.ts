// The community version: one counter that every change to what residents and forums put into
// the rug (KPIs, their versions and adoptions, survey waves and answers, pins, their support
// and replies, workshops) bumps, by trigger, in the same transaction as the change. Response
// caches read it in the same one-row query as the data version, instead of counting those tables on every request
// (which grew with every pin and answer, and missed a delete paired with an insert).
import { sql, type Kysely } from 'kysely';

// Frozen: the tables as they were when this migration was written.
const TABLES = ['kpi', 'kpi_version', 'kpi_adoption', 'survey_wave', 'survey_response', 'pin', 'pin_support', 'workshop'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table data_version add column community_version bigint not null default 0`.execute(db);
  await sql`
    create function bump_community_version() returns trigger language plpgsql as $$
    begin
      update data_version set community_version = community_version + 1 where id = 1;
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    // Once per statement: a bulk change bumps once.
    await sql`
      create trigger ${sql.raw(`${table}_community_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_community_version()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql`drop trigger if exists ${sql.raw(`${table}_community_version`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists bump_community_version()`.execute(db);
  await sql`alter table data_version drop column community_version`.execute(db);
}
