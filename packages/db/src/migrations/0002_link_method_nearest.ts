// A link method for LSOAs whose centroid falls just outside every (coast-clipped) ward and
// that are assigned to the nearest ward instead: kept distinct so it is never mistaken for a
// centroid-in-polygon fit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('area_link').dropConstraint('area_link_method_check').execute();
  await db.schema
    .alterTable('area_link')
    .addCheckConstraint('area_link_method_check', sql`method in ('best_fit_centroid', 'best_fit_nearest', 'manual')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('area_link').dropConstraint('area_link_method_check').execute();
  await db.schema
    .alterTable('area_link')
    .addCheckConstraint('area_link_method_check', sql`method in ('best_fit_centroid', 'manual')`)
    .execute();
}
