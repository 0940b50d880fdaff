// Station mode's idle clock: after `limit` seconds without a touch, key or typing the screen is
// cleared for the next person, with a visible countdown for the last `warning` seconds.

/** Seconds of quiet before a shared tablet clears itself. */
export const STATION_IDLE_SECONDS = 120;
/** Seconds of warning (with a countdown) before it does. */
export const STATION_WARNING_SECONDS = 30;

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart'] as const;

export class IdleClock {
  /** Seconds left before clearing, shown only when at most the warning time. */
  left = $state(STATION_IDLE_SECONDS);
  readonly #limit: number;
  readonly #onIdle: () => void;
  #last = Date.now();
  #tick: ReturnType<typeof setInterval> | undefined;
  readonly #poke = () => {
    this.#last = Date.now();
    this.left = this.#limit;
  };

  constructor(onIdle: () => void, limit = STATION_IDLE_SECONDS) {
    this.#onIdle = onIdle;
    this.#limit = limit;
    this.left = limit;
  }

  get warning(): boolean {
    return this.left <= Math.min(STATION_WARNING_SECONDS, this.#limit / 2);
  }

  start(): void {
    this.stop();
    this.#poke();
    for (const type of ACTIVITY)
      addEventListener(type, this.#poke, { passive: true, capture: true });
    this.#tick = setInterval(() => {
      this.left = Math.max(0, Math.ceil(this.#limit - (Date.now() - this.#last) / 1000));
      if (this.left === 0) {
        this.stop();
        this.#onIdle();
      }
    }, 1000);
  }

  /** "I'm still here". */
  stay(): void {
    this.#poke();
  }

  stop(): void {
    clearInterval(this.#tick);
    for (const type of ACTIVITY) removeEventListener(type, this.#poke, { capture: true });
  }
}
