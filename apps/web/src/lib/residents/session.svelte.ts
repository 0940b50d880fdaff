// One resident's time on a workshop page: joining, their own pins, "me too", "about you" and
// the outbox. Everything personal lives in this object and nowhere else on the page, so
// station mode clears a person by stopping it and making a new one.
import {
  ApiError,
  getMyWorkshop,
  getWorkshopPins,
  joinWorkshop,
  leaveWorkshop,
  type AboutYouBody,
  type NewPinBody,
  type PinBody,
  type PinCollectionBody,
} from '#lib/api.ts';
import { messages as m } from '#lib/messages/index.ts';
import { Outbox, type Fate, type OutboxItem } from './outbox.svelte.ts';
import { outboxItems, removeFromOutbox } from './outbox-store.ts';
import type { Outcome } from './sending.ts';

/** A line for the "what happened to my things" live region. */
export interface Notice {
  id: number;
  text: string;
  problem: boolean;
}

/** One of the resident's own pins, as the page shows it. */
export interface OwnPin {
  id: string;
  kind: NewPinBody['kind'];
  theme: string;
  text: string;
  state: 'sent' | 'waiting-to-send' | 'waiting-check' | 'hidden';
  response: PinBody['response'] | null;
}

// The device remembers which workshops it joined (not who: the cookie is httpOnly), so a page
// loaded offline knows to show the form rather than "Join".
const joinedKey = (code: string) => `thrive.joined.${code}`;

let noticeIds = 0;

export class ResidentSession {
  readonly code: string;
  joined = $state(false);
  aboutYouAsked = $state(true);
  /** Own pins the server knows, newest first. */
  sentPins = $state<PinBody[]>([]);
  /** Pins this person said "me too" to (sent or waiting). */
  supported = $state<string[]>([]);
  notices = $state<Notice[]>([]);
  readonly outbox: Outbox;
  readonly #onPins: (pins: PinCollectionBody) => void;
  readonly #adoptWaiting: boolean;
  /** Outbox items this session made (on a shared tablet, the only ones it shows). */
  #mine = $state<number[]>([]);
  /** Pins whose maker is waiting on the form for the answer (no second notice for those). */
  #watched: string[] = [];

  /**
   * `adoptWaiting`: show things left waiting by an earlier visit as this person's (their own
   * phone); false on a shared tablet, where they belong to someone else.
   */
  constructor(code: string, onPins: (pins: PinCollectionBody) => void, adoptWaiting = true) {
    this.code = code;
    this.#onPins = onPins;
    this.#adoptWaiting = adoptWaiting;
    this.outbox = new Outbox(code, {
      rejoin: () => this.#rejoin(),
      answered: (item, outcome, at) => this.#answered(item, outcome, at),
    });
  }

  /** Picks up an earlier visit: joined already? anything waiting? */
  async start(): Promise<void> {
    this.joined = localStorage.getItem(joinedKey(this.code)) === '1';
    await this.outbox.start();
    if (this.joined) await this.refreshMine();
  }

  stop(): void {
    this.outbox.stop();
  }

  /** POST join: a fresh participant. Throws ApiError (409 closed) or a network error. */
  async join(): Promise<void> {
    await joinWorkshop(this.code);
    localStorage.setItem(joinedKey(this.code), '1');
    this.joined = true;
    this.aboutYouAsked = false;
    await this.refreshMine();
  }

  /** Station "I'm done": the server forgets the cookie; this device forgets it joined. */
  async leave(): Promise<void> {
    this.forget();
    await leaveWorkshop(this.code).catch(() => undefined);
  }

  /** This device forgets it joined, keeping the cookie for what still waits to be sent. */
  forget(): void {
    localStorage.removeItem(joinedKey(this.code));
    this.joined = false;
  }

  async #rejoin(): Promise<boolean> {
    try {
      await joinWorkshop(this.code);
      return true;
    } catch {
      return false;
    }
  }

  /** The resident's own pins from the server (offline: keeps what it had). */
  async refreshMine(): Promise<void> {
    try {
      const me = await getMyWorkshop(this.code);
      this.sentPins = me.pins;
      this.aboutYouAsked = me.aboutYouAsked;
      const waiting = this.outbox.items.flatMap((i) => (i.type === 'support' ? [i.pinId] : []));
      this.supported = [...me.supported, ...waiting.filter((id) => !me.supported.includes(id))];
    } catch (error) {
      // The cookie is gone or is another workshop's: this device has not joined this one.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        localStorage.removeItem(joinedKey(this.code));
        this.joined = false;
      }
    }
  }

  /** Published pins again (after each send; offline the service worker answers from cache). */
  async refreshPins(): Promise<void> {
    try {
      this.#onPins(await getWorkshopPins(this.code));
    } catch {
      // Offline and never cached: the list keeps what it shows.
    }
  }

  /** Queues a pin (and its photo); resolves with its fate once known or once it has to wait. */
  async addPin(pin: NewPinBody, photo: Blob | null): Promise<Fate> {
    this.#watched = [...this.#watched, pin.id];
    try {
      const item = await this.outbox.add({ type: 'pin', pin });
      this.#mine = [...this.#mine, item.seq];
      if (photo) await this.outbox.add({ type: 'photo', pinId: pin.id, photo });
      return await this.outbox.fate(item.seq);
    } finally {
      this.#watched = this.#watched.filter((id) => id !== pin.id);
    }
  }

  /** Queues a "me too". */
  async meToo(pinId: string): Promise<void> {
    if (this.supported.includes(pinId)) return;
    this.supported = [...this.supported, pinId];
    const item = await this.outbox.add({ type: 'support', pinId });
    this.#mine = [...this.#mine, item.seq];
  }

  /** Queues the "about you" answers; a skip (no answers) is sent too, so it is asked only once. */
  async saveAbout(about: AboutYouBody): Promise<void> {
    this.aboutYouAsked = true;
    const item = await this.outbox.add({ type: 'about', about });
    this.#mine = [...this.#mine, item.seq];
  }

  /** Own pins: waiting ones from the outbox, then those the server has. */
  get ownPins(): OwnPin[] {
    const waiting: OwnPin[] = this.outbox.items.flatMap((item) =>
      item.type === 'pin' && (this.#adoptWaiting || this.#mine.includes(item.seq))
        ? [{ ...pick(item.pin), state: 'waiting-to-send' as const, response: null }]
        : [],
    );
    const known = waiting.map((p) => p.id);
    const sent: OwnPin[] = this.sentPins
      .filter((p) => !known.includes(p.id))
      .map((p) => ({
        ...pick(p),
        state:
          p.moderation === 'pending'
            ? 'waiting-check'
            : p.moderation === 'hidden'
              ? 'hidden'
              : 'sent',
        response: p.response ?? null,
      }));
    return [...waiting.reverse(), ...sent];
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  #notice(text: string, problem: boolean) {
    this.notices = [...this.notices.slice(-4), { id: ++noticeIds, text, problem }];
  }

  async #answered(item: OutboxItem, outcome: Outcome, at: number) {
    if (outcome.result === 'sent') {
      // Another person's things (a shared tablet) are sent without a word to this one.
      if (!this.#adoptWaiting && !this.#mine.includes(item.seq)) return void this.refreshPins();
      this.#notice(m.outboxSentAt(sentWhat(item), at), false);
      if (item.type === 'pin' && outcome.pin)
        this.sentPins = [outcome.pin, ...this.sentPins.filter((p) => p.id !== item.pin.id)];
      void this.refreshPins();
      if (item.type === 'pin') void this.refreshMine();
      return;
    }
    if (outcome.result !== 'refused') return;
    if (!this.#adoptWaiting && !this.#mine.includes(item.seq)) return;
    if (item.type === 'support') this.supported = this.supported.filter((id) => id !== item.pinId);
    // A refused pin's photo has nothing to go with.
    if (item.type === 'pin')
      for (const later of await outboxItems(this.code))
        if (later.type === 'photo' && later.pinId === item.pin.id)
          await removeFromOutbox(later.seq);
    if (item.type === 'pin' && this.#watched.includes(item.pin.id)) return;
    this.#notice(m.notSent(refusedWhat(item), why(item, outcome)), true);
  }
}

function pick(p: { id: string; kind: NewPinBody['kind']; theme: string; text: string }) {
  return { id: p.id, kind: p.kind, theme: p.theme, text: p.text };
}

function sentWhat(item: OutboxItem): string {
  return {
    pin: m.outboxWhatPin,
    support: m.outboxWhatSupport,
    photo: m.outboxWhatPhoto,
    about: m.outboxWhatAbout,
    survey: m.survey.sentWhat,
    inspection: m.inspect.sentWhat,
    'inspection-photo': m.outboxWhatPhoto,
  }[item.type];
}

function refusedWhat(item: OutboxItem): string {
  return {
    pin: m.notSentPin,
    support: m.notSentSupport,
    photo: m.notSentPhoto,
    about: m.notSentAbout,
    survey: m.survey.sentWhat,
    inspection: m.inspect.sentWhat,
    'inspection-photo': m.notSentPhoto,
  }[item.type];
}

// The server's own words for a refusal where it has them (they are written for residents);
// ours for the codes whose meaning we know better here.
function why(item: OutboxItem, outcome: Extract<Outcome, { result: 'refused' }>): string {
  if (outcome.status === 409 && item.type === 'pin' && !/closed/i.test(outcome.message))
    return m.conflict;
  if (outcome.status === 404 && item.type !== 'about') return m.pinGone;
  if (outcome.status === 413) return m.tooBig;
  return outcome.message;
}
