// app.workshopEvents: who to wake when a workshop's event log grows. Writers call notify(id)
// after their transaction commits; the live wall's streams subscribe per workshop.
// On PostgreSQL every instance keeps ONE dedicated LISTEN connection, so a pin written through
// any instance wakes the walls connected to all of them (the notification itself is queued by
// recordWorkshopEvent inside the writer's transaction). On PGlite there is one process: an
// in-process emitter is all it takes.
import { EventEmitter } from 'node:events';
import fp from 'fastify-plugin';
import pg from 'pg';
import { WORKSHOP_EVENTS_CHANNEL } from './repository.ts';
import { WorkshopWriteGate } from './write-gate.ts';

/** Called with nothing: "this workshop's log may have grown; look". */
export type WorkshopListener = () => void;

/** The decorator writers and the live wall share. */
export interface WorkshopEvents {
  /** Wakes this instance's listeners for the workshop at once (other instances hear PostgreSQL). */
  notify(workshopId: string): void;
  /** Listens for one workshop; returns the function that stops listening. */
  subscribe(workshopId: string, listener: WorkshopListener): () => void;
  /** Wakes every subscribed workshop (after the LISTEN connection came back: it may have missed some). */
  wakeAll(): void;
  /** Runs a transaction that writes the workshop's event log, a couple at a time (write-gate.ts). */
  write<T>(workshopId: string, work: () => Promise<T>): Promise<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    workshopEvents: WorkshopEvents;
  }
}

export interface WorkshopEventsOptions {
  /** The PostgreSQL URL for the LISTEN connection; defaults to the app database's. */
  databaseUrl?: string | undefined;
  /** First wait before reconnecting a dropped LISTEN connection (doubles up to 5 s). */
  reconnectMs?: number;
}

function emitterEvents(): Omit<WorkshopEvents, 'write'> & { emitter: EventEmitter } {
  const emitter = new EventEmitter();
  // A wall per workshop is one listener; many walls share it (see service.ts), but stay safe.
  emitter.setMaxListeners(0);
  return {
    emitter,
    notify: (workshopId) => void emitter.emit(workshopId),
    subscribe(workshopId, listener) {
      emitter.on(workshopId, listener);
      return () => void emitter.off(workshopId, listener);
    },
    wakeAll() {
      for (const name of emitter.eventNames()) emitter.emit(name);
    },
  };
}

/** Decorates `app.workshopEvents`; on PostgreSQL opens the LISTEN connection and closes it with the app. */
export const workshopEventsPlugin = fp<WorkshopEventsOptions>(
  async (app, options) => {
    const events = emitterEvents();
    const gate = new WorkshopWriteGate();
    app.decorate('workshopEvents', {
      notify: events.notify,
      subscribe: events.subscribe,
      wakeAll: events.wakeAll,
      write: (workshopId, work) => gate.run(workshopId, work),
    } satisfies WorkshopEvents);

    const url = options.databaseUrl ?? app.db.databaseUrl;
    if (app.db.engine !== 'postgres' || !url) return;

    let client: pg.Client | undefined;
    let closing = false;
    let timer: NodeJS.Timeout | undefined;
    let wait = options.reconnectMs ?? 250;
    const first = options.reconnectMs ?? 250;

    const connectListener = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: url });
      client = c;
      const dropped = () => {
        if (client !== c) return;
        client = undefined;
        c.removeAllListeners('notification');
        void c.end().catch(() => undefined);
        if (!closing) schedule();
      };
      c.on('error', dropped);
      c.on('end', dropped);
      c.on('notification', (message) => {
        if (message.channel === WORKSHOP_EVENTS_CHANNEL && message.payload)
          events.notify(message.payload);
      });
      try {
        await c.connect();
        // The channel is a fixed identifier, never input.
        await c.query(`listen ${WORKSHOP_EVENTS_CHANNEL}`);
        wait = first;
        // Anything written while we were not listening: every wall looks again.
        events.wakeAll();
      } catch (err) {
        app.log.warn(
          { err: { message: err instanceof Error ? err.message : String(err) } },
          'live wall: LISTEN connection failed; retrying',
        );
        dropped();
      }
    };

    const schedule = () => {
      if (timer || closing) return;
      timer = setTimeout(() => {
        timer = undefined;
        void connectListener();
      }, wait);
      timer.unref();
      wait = Math.min(wait * 2, 5000);
    };

    await connectListener();

    app.addHook('onClose', async () => {
      closing = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      if (c) await c.end().catch(() => undefined);
    });
  },
  { name: 'workshop-events', dependencies: ['db'] },
);
