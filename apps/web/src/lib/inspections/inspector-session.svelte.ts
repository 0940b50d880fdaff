// One inspector's phone: what to inspect (kept on the device so the page still opens offline
// after a first visit) and inspections waiting in the same IndexedDB outbox as workshop pins
// and survey answers, sent oldest first, each with the id made here so a re-send counts once.
import { ApiError } from '#lib/api.ts';
import { messages as m } from '#lib/messages/index.ts';
import { Outbox, type Fate } from '#lib/residents/outbox.svelte.ts';
import type { Notice } from '#lib/residents/session.svelte.ts';
import { getInspectorMe, inspectionOutboxKey, type InspectorMeBody, type NewInspectionBody } from './api.ts';

const viewKey = (estate: string) => `thrive.inspect.view.${estate}`;
let noticeIds = 0;

export class InspectorSession {
  readonly estate: string;
  view = $state<InspectorMeBody | null>(null);
  /** No inspector cookie: the invite link was not opened on this phone. */
  uninvited = $state(false);
  notices = $state<Notice[]>([]);
  readonly outbox: Outbox;

  constructor(estate: string) {
    this.estate = estate;
    this.outbox = new Outbox(inspectionOutboxKey(estate), {
      // An inspector cannot join again without the invite link: the items wait.
      rejoin: async () => false,
      answered: (item, outcome) => {
        if (item.type !== 'inspection') return;
        if (outcome.result === 'sent') this.#notice(m.inspect.sent, false);
        else if (outcome.result === 'refused') this.#notice(m.notSent(m.inspect.sentWhat, outcome.message), true);
      },
    });
  }

  /** Reads the last view kept on the device, then the server's, and starts sending what waits. */
  async start(): Promise<void> {
    const kept = localStorage.getItem(viewKey(this.estate));
    if (kept) this.view = JSON.parse(kept) as InspectorMeBody;
    await this.outbox.start();
    await this.refresh();
  }

  stop(): void {
    this.outbox.stop();
  }

  /** The estate, standards and blocks from the server (offline: what was kept). */
  async refresh(): Promise<void> {
    try {
      const view = await getInspectorMe();
      if (view.estate.code !== this.estate) {
        this.uninvited = true;
        return;
      }
      this.view = view;
      this.uninvited = false;
      localStorage.setItem(viewKey(this.estate), JSON.stringify(view));
    } catch (problem) {
      if (problem instanceof ApiError && problem.status === 401) {
        this.uninvited = true;
        localStorage.removeItem(viewKey(this.estate));
        this.view = null;
      }
    }
  }

  /** Queues an inspection (and its photo after it); resolves with its fate once known or once it has to wait. */
  async send(inspection: NewInspectionBody, photo: Blob | null): Promise<Fate> {
    const item = await this.outbox.add({ type: 'inspection', inspection });
    if (photo) await this.outbox.add({ type: 'inspection-photo', inspectionId: inspection.id, photo });
    return this.outbox.fate(item.seq);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  #notice(text: string, problem: boolean) {
    this.notices = [...this.notices.slice(-2), { id: ++noticeIds, text, problem }];
  }
}
