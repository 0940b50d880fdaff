// The page's view of the outbox: how many submissions wait, sending them oldest first when the
// device is online, retrying with back-off, and telling the page what became of each.
import { addToOutbox, countAttempt, outboxItems, removeFromOutbox } from './outbox-store.ts';
import type { OutboxItem, OutboxPayload } from './outbox-store.ts';
import { backoff, sendItem, type Outcome } from './sending.ts';

export type { OutboxItem, OutboxPayload };

/** What the page is told after each answer from the server. */
export interface OutboxHooks {
  /** The cookie is gone (401): join again; true when that worked. */
  rejoin(): Promise<boolean>;
  /** An item was answered (sent or refused) and forgotten. */
  answered(item: OutboxItem, outcome: Outcome, at: number): void | Promise<void>;
}

/** An item's fate as its maker waits for it: answered, or still waiting (offline, 5xx). */
export type Fate = Outcome | { result: 'waiting' };

export class Outbox {
  /** The workshop's waiting items, oldest first. */
  items = $state<OutboxItem[]>([]);
  /** False while the browser says it is offline. */
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

  readonly #code: string;
  readonly #hooks: OutboxHooks;
  #draining: Promise<void> | null = null;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  // Not page state: promises waiting on items, so no reactive map.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #waiters = new Map<number, (fate: Fate) => void>();
  #stopped = false;
  readonly #onOnline = () => {
    this.online = true;
    void this.drain();
  };
  readonly #onOffline = () => {
    this.online = false;
  };

  constructor(code: string, hooks: OutboxHooks) {
    this.#code = code;
    this.#hooks = hooks;
    addEventListener('online', this.#onOnline);
    addEventListener('offline', this.#onOffline);
  }

  /** Reads what waits from an earlier visit and starts sending it. */
  async start(): Promise<void> {
    this.items = await outboxItems(this.#code);
    void this.drain();
  }

  /** Stops listening and retrying (the page is going away). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    removeEventListener('online', this.#onOnline);
    removeEventListener('offline', this.#onOffline);
  }

  /** Keeps a submission on the device (resolved once stored) and starts sending. */
  async add(payload: OutboxPayload): Promise<OutboxItem> {
    const item = await addToOutbox(this.#code, payload);
    this.items = [...this.items, item];
    void this.drain();
    return item;
  }

  /** Resolves when the item is answered, or as soon as it has to wait (offline, server trouble). */
  fate(seq: number): Promise<Fate> {
    if (!this.items.some((i) => i.seq === seq)) return Promise.resolve({ result: 'waiting' });
    return new Promise((resolve) => this.#waiters.set(seq, resolve));
  }

  /** Sends what waits, oldest first; one run at a time (a second call runs once more after). */
  drain(): Promise<void> {
    if (this.#draining) {
      this.#again = true;
      return this.#draining;
    }
    clearTimeout(this.#timer);
    const run = async () => {
      do {
        this.#again = false;
        await this.#withLock(() => this.#sendAll());
      } while (this.#again && !this.#stopped);
    };
    this.#draining = run().finally(() => {
      this.#draining = null;
    });
    return this.#draining;
  }

  // Two tabs of the same workshop must not send the same item at once (the server would keep
  // it once anyway, but the page would report it twice).
  async #withLock(work: () => Promise<void>): Promise<void> {
    if (typeof navigator !== 'undefined' && navigator.locks)
      await navigator.locks.request(`thrive-outbox-${this.#code}`, work);
    else await work();
  }

  async #sendAll(): Promise<void> {
    let rejoined = false;
    while (!this.#stopped) {
      const items = await outboxItems(this.#code);
      this.items = items;
      const item = items[0];
      if (!item) return;
      const outcome = await sendItem(item);
      if (outcome.result === 'rejoin' && !rejoined) {
        rejoined = true;
        if (await this.#hooks.rejoin()) continue;
      }
      if (outcome.result === 'retry' || outcome.result === 'rejoin') {
        await countAttempt(item);
        this.#settle(item.seq, { result: 'waiting' });
        // Every later item waits too: oldest first keeps a photo behind its pin.
        for (const later of items.slice(1)) this.#settle(later.seq, { result: 'waiting' });
        this.#timer = setTimeout(() => void this.drain(), backoff(item.attempts + 1));
        return;
      }
      await removeFromOutbox(item.seq);
      this.items = this.items.filter((i) => i.seq !== item.seq);
      await this.#hooks.answered(item, outcome, Date.now());
      this.#settle(item.seq, outcome);
    }
  }

  #settle(seq: number, fate: Fate) {
    const waiter = this.#waiters.get(seq);
    if (!waiter) return;
    this.#waiters.delete(seq);
    waiter(fate);
  }
}
