// Constraint violations as typed errors, so the API can answer 409/400 without parsing
// driver messages. Both pg and PGlite report the SQLSTATE in `code`.

/** Which kind of constraint was violated. */
export type ConstraintKind = 'unique' | 'foreign_key' | 'not_null' | 'check';

const SQLSTATE_KIND: Record<string, ConstraintKind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23502': 'not_null',
  '23514': 'check',
};

/** A database constraint rejected a write. `detail` may echo values: never log it. */
export class ConstraintViolationError extends Error {
  readonly kind: ConstraintKind;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly detail: string | undefined;

  constructor(kind: ConstraintKind, source: DriverError) {
    super(`${kind.replace('_', ' ')} constraint violated${source.constraint ? ` (${source.constraint})` : ''}`, {
      cause: source,
    });
    this.name = 'ConstraintViolationError';
    this.kind = kind;
    this.constraint = source.constraint;
    this.table = source.table;
    this.column = source.column;
    this.detail = source.detail;
  }
}

/** A row with the same key already exists. */
export class UniqueViolationError extends ConstraintViolationError {
  constructor(source: DriverError) {
    super('unique', source);
    this.name = 'UniqueViolationError';
  }
}

/** A referenced row does not exist (or is still referenced). */
export class ForeignKeyViolationError extends ConstraintViolationError {
  constructor(source: DriverError) {
    super('foreign_key', source);
    this.name = 'ForeignKeyViolationError';
  }
}

interface DriverError {
  code?: unknown;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
}

/** Maps a driver error to a typed constraint error; anything else is returned unchanged. */
export function toDbError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const source = error as DriverError;
  const kind = typeof source.code === 'string' ? SQLSTATE_KIND[source.code] : undefined;
  switch (kind) {
    case undefined:
      return error;
    case 'unique':
      return new UniqueViolationError(source);
    case 'foreign_key':
      return new ForeignKeyViolationError(source);
    case 'not_null':
    case 'check':
      return new ConstraintViolationError(kind, source);
  }
}
