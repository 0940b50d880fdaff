// Writes to one workshop's event log take that workshop's advisory lock until they commit
// (repository.ts), so they go one at a time whatever we do. Letting more than a couple of them
// wait INSIDE open transactions only ties up pool connections that every other request (health,
// reads, other workshops) needs; this gate makes the rest wait in memory instead, in order.

/** Runs work for a workshop with at most `width` of them in flight per instance, the rest queued. */
export class WorkshopWriteGate {
  readonly #width: number;
  readonly #slots = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(width = 2) {
    if (!(Number.isInteger(width) && width >= 1))
      throw new RangeError(`width must be a whole number >= 1, got ${width}`);
    this.#width = width;
  }

  /** Runs `work` when a slot for the workshop is free; resolves or rejects as the work does. */
  async run<T>(workshopId: string, work: () => Promise<T>): Promise<T> {
    let slot = this.#slots.get(workshopId);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.#slots.set(workshopId, slot);
    }
    const mine = slot;
    if (mine.active < this.#width) mine.active++;
    else await new Promise<void>((resolve) => mine.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = mine.waiting.shift();
      // A waiting writer takes the slot over as it is; the last one out forgets the workshop.
      if (next) next();
      else if (--mine.active === 0) this.#slots.delete(workshopId);
    }
  }

  /** Writers running or waiting for a workshop (for tests and diagnostics). */
  load(workshopId: string): { active: number; waiting: number } {
    const slot = this.#slots.get(workshopId);
    return { active: slot?.active ?? 0, waiting: slot?.waiting.length ?? 0 };
  }
}
