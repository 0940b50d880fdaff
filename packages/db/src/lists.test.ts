// Migrations are frozen history: they write their lists out literally and import nothing live.
// These tests keep that true, and check that the database's constraints still allow exactly the
// values of the live domain lists, so a list edited without a migration fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { polarities, valueTypes } from '@thrive/indicators';
import {
  KPI_DIRECTIONS,
  KPI_METHODS,
  KPI_ORIGINS,
  KPI_RIPPLES,
  KPI_STATES,
  KPI_TIERS,
  MODERATION_MODES,
  PARTICIPANT_ROLES,
  PIN_KINDS,
  PIN_MODERATION_STATES,
  RESPONSE_STATUSES,
  SURVEY_SCALES,
  WORKSHOP_STATUSES,
} from '@thrive/participation';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREA_LEVELS,
  IMPORT_JOB_KINDS,
  IMPORT_JOB_STATUSES,
  LINK_METHODS,
  ROLES,
  type Db,
} from './index.ts';
import { migrateToLatest } from './migrate.ts';
import { testEngines } from './testing.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const migrationFiles = readdirSync(migrationsDir).filter((f) => /^\d{4}_.*\.ts$/.test(f));

/** Each constrained column and the live list its check constraint must allow, value for value. */
const constrained: Record<string, readonly string[]> = {
  'area.level': AREA_LEVELS,
  'area_link.method': LINK_METHODS,
  'indicator.value_type': valueTypes,
  'indicator.polarity': polarities,
  'user.role': ROLES,
  'import_job.kind': IMPORT_JOB_KINDS,
  'import_job.status': IMPORT_JOB_STATUSES,
  'workshop.moderation': MODERATION_MODES,
  'workshop.status': WORKSHOP_STATUSES,
  'participant.role': PARTICIPANT_ROLES,
  'pin.kind': PIN_KINDS,
  'pin.moderation': PIN_MODERATION_STATES,
  'pin.response_status': RESPONSE_STATUSES,
  'pin_response.status': RESPONSE_STATUSES,
  'survey_question.scale': SURVEY_SCALES,
  'kpi.state': KPI_STATES,
  'kpi.origin': KPI_ORIGINS,
  'kpi_version.method': KPI_METHODS,
  'kpi_version.tier': KPI_TIERS,
  'kpi_version.ripple': KPI_RIPPLES,
  'kpi_version.direction': KPI_DIRECTIONS,
};

describe('migrations', () => {
  it.each(migrationFiles)('%s imports nothing but Kysely and Node built-ins', (file) => {
    const source = readFileSync(migrationsDir + file, 'utf8');
    const imported = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imported.filter((name) => name !== 'kysely' && !name?.startsWith('node:'))).toEqual([]);
  });
});

describe.each(testEngines())('check constraints on $name', (engine) => {
  let handle: Db;
  let allowed: Map<string, string[]>;

  beforeAll(async () => {
    handle = await engine.open();
    await migrateToLatest(handle.db);
    const { rows } = await sql<{ tbl: string; def: string }>`
      select conrelid::regclass::text as tbl, pg_get_constraintdef(oid) as def
      from pg_constraint where contype = 'c'`.execute(handle.db);
    allowed = new Map();
    for (const { tbl, def } of rows) {
      // PostgreSQL normalises `c in ('a', 'b')` to `CHECK ((c = ANY (ARRAY['a'::text, 'b'::text])))`
      // and a one-value list to `CHECK ((c = 'a'::text))`.
      // Other checks (e.g. "a retired KPI has a reason") do not have this whole shape.
      const column =
        /^CHECK \(\(\(?"?(\w+)"?\)?(?:::text)? = (?:ANY \(ARRAY\[(?:'[^']*'::text(?:, )?)+\]\)|'[^']*'::text)\)\)$/.exec(
          def,
        )?.[1];
      if (!column) continue;
      const values = [...def.matchAll(/'([^']*)'::text/g)].map((m) => m[1] ?? '');
      allowed.set(`${tbl.replaceAll('"', '')}.${column}`, values);
    }
  });
  afterAll(async () => {
    await handle.close();
  });

  it.each(Object.entries(constrained))('%s allows exactly its live list', (key, list) => {
    expect(allowed.get(key)?.toSorted()).toEqual([...list].sort());
  });
});
