// Every migration, in order. Listed in code (not read from a folder at run time) so the
// same set runs on PGlite and PostgreSQL, from source or from a bundle.
import type { Migration } from 'kysely/migration';
import * as initial from './0001_initial.ts';
import * as linkMethodNearest from './0002_link_method_nearest.ts';
import * as dataVersion from './0003_data_version.ts';
import * as accounts from './0004_accounts.ts';
import * as workshops from './0005_workshops.ts';
import * as hardening from './0006_hardening.ts';
import * as kpis from './0007_kpis.ts';
import * as inspections from './0008_inspections.ts';
import * as programmes from './0009_programmes.ts';
import * as accountsTempPassword from './0011_accounts_temp_password.ts';
import * as itemExamplePhotos from './0012_item_example_photos.ts';
import * as communityVersion from './0013_community_version.ts';

/** Migrations by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_link_method_nearest': linkMethodNearest,
  '0003_data_version': dataVersion,
  '0004_accounts': accounts,
  '0005_workshops': workshops,
  '0006_hardening': hardening,
  '0007_kpis': kpis,
  '0008_inspections': inspections,
  '0009_programmes': programmes,
  '0011_accounts_temp_password': accountsTempPassword,
  '0012_item_example_photos': itemExamplePhotos,
  '0013_community_version': communityVersion,
};
