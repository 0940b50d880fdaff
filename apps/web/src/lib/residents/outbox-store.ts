// What residents submitted and the server has not yet acknowledged, kept in IndexedDB so a
// pin made in a community centre with no wifi survives a reload, a sleeping phone or a closed
// tab. Items are kept in the order they were made (an auto-increment key) and removed only
// when the server has answered for them (see sending.ts).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AboutYouBody, NewPinBody } from '#lib/api.ts';
import type { NewSurveyResponseBody } from '#lib/kpis/api.ts';
import type { NewInspectionBody } from '#lib/inspections/api.ts';

/** One submission waiting to be sent. */
export type OutboxPayload =
  | { type: 'pin'; pin: NewPinBody }
  | { type: 'support'; pinId: string }
  | { type: 'photo'; pinId: string; photo: Blob }
  | { type: 'about'; about: AboutYouBody }
  // A survey's answers; its item's `workshop` key is surveyOutboxKey(surveyId).
  | { type: 'survey'; surveyId: string; response: NewSurveyResponseBody }
  // A block inspection and its photo; their `workshop` key is inspectionOutboxKey(estate).
  | { type: 'inspection'; inspection: NewInspectionBody }
  | { type: 'inspection-photo'; inspectionId: string; photo: Blob };

export type OutboxItem = OutboxPayload & {
  /** Order of making: oldest first. */
  seq: number;
  /** The workshop's join code: items are sent only from that workshop's page (its cookie). */
  workshop: string;
  queuedAt: number;
  attempts: number;
};

interface OutboxSchema extends DBSchema {
  outbox: { key: number; value: OutboxItem; indexes: { workshop: string } };
}

const DB_NAME = 'thrive-residents';

let opening: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function db(): Promise<IDBPDatabase<OutboxSchema>> {
  opening ??= openDB<OutboxSchema>(DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      store.createIndex('workshop', 'workshop');
    },
  });
  return opening;
}

/** Keeps a submission on the device; resolves once it is stored. */
export async function addToOutbox(workshop: string, payload: OutboxPayload): Promise<OutboxItem> {
  const database = await db();
  // seq is filled in by IndexedDB's key generator.
  const draft = { ...payload, workshop, queuedAt: Date.now(), attempts: 0 } as OutboxItem;
  const seq = await database.add('outbox', draft);
  return { ...draft, seq };
}

/** The workshop's waiting items, oldest first. */
export async function outboxItems(workshop: string): Promise<OutboxItem[]> {
  const items = await (await db()).getAllFromIndex('outbox', 'workshop', workshop);
  return items.sort((a, b) => a.seq - b.seq);
}

/** Forgets an item the server has answered for. */
export async function removeFromOutbox(seq: number): Promise<void> {
  await (await db()).delete('outbox', seq);
}

/** Counts a failed attempt (for the back-off). */
export async function countAttempt(item: OutboxItem): Promise<void> {
  await (await db()).put('outbox', { ...item, attempts: item.attempts + 1 });
}
