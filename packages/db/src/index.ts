export { connect, type Db, type DbConfig, type Engine } from './connect.ts';
export { migrateToLatest, latestMigration, migrationNames, type MigrationState } from './migrate.ts';
export {
  ConstraintViolationError,
  ForeignKeyViolationError,
  UniqueViolationError,
  toDbError,
  type ConstraintKind,
} from './errors.ts';
export { bumpDataVersion, cacheVersions, dataVersion } from './data-version.ts';
export * from './schema.ts';
