// The only SQL of the audit trail: every module that changes something records it here, and the
// admin API reads it back.
import type { Database } from '@thrive/db';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditAction } from './actions.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  target: string | null;
  /** Never personal data: no emails, passwords, tokens or addresses. */
  details: Record<string, unknown>;
}

/** Appends one event to the audit trail. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({ actor_id: entry.actorId, action: entry.action, target: entry.target, details: JSON.stringify(entry.details) })
    .execute();
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  limit: number;
  before?: string | undefined;
  action?: AuditAction | undefined;
  actor?: string | undefined;
  /** Inclusive instants (the service turns days into them). */
  from?: Date | undefined;
  until?: Date | undefined;
}

/** Events newest first, older than `before` (an id) when given, narrowed by who, what and when. */
export function listAudit(db: Executor, options: AuditFilter): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_event')
    .leftJoin('user', 'user.id', 'audit_event.actor_id')
    // int8 comes back as a string from pg and a number from PGlite: read it as text on both.
    .select([sql<string>`cast(audit_event.id as text)`.as('id'), 'audit_event.at', 'audit_event.actor_id', 'user.email as actor_email', 'audit_event.action', 'audit_event.target', 'audit_event.details'])
    .orderBy('audit_event.id', 'desc')
    .limit(options.limit);
  if (options.before !== undefined) query = query.where('audit_event.id', '<', sql<string>`cast(${options.before} as bigint)`);
  if (options.action !== undefined) query = query.where('audit_event.action', '=', options.action);
  if (options.actor !== undefined) query = query.where('audit_event.actor_id', '=', options.actor);
  if (options.from !== undefined) query = query.where('audit_event.at', '>=', options.from);
  if (options.until !== undefined) query = query.where('audit_event.at', '<', options.until);
  return query.execute();
}
