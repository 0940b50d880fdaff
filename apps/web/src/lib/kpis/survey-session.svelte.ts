// One resident's time on a survey page: joining (an anonymous participant in the httpOnly
// cookie), answering, and the answers waiting in the same IndexedDB outbox as workshop pins,
// so a survey answered with no signal is sent when the phone is back online. Station mode
// clears a person by stopping this object and making a new one.
import { ApiError } from '#lib/api.ts';
import { messages as m } from '#lib/messages/index.ts';
import { Outbox, type Fate } from '#lib/residents/outbox.svelte.ts';
import type { Notice } from '#lib/residents/session.svelte.ts';
import { getSurveyMe, joinSurvey, type NewSurveyResponseBody } from './api.ts';

/** The outbox key of a survey's answers (pins use the workshop's join code). */
export const surveyOutboxKey = (surveyId: string) => `survey:${surveyId}`;

// The device remembers that it joined a survey (not who: the cookie is httpOnly), so a page
// loaded again offline shows the questions rather than "Start".
const joinedKey = (id: string) => `thrive.survey.joined.${id}`;

let noticeIds = 0;

export class SurveySession {
  readonly surveyId: string;
  joined = $state(false);
  /** The server says this participant has answered the open wave. */
  answered = $state(false);
  notices = $state<Notice[]>([]);
  readonly outbox: Outbox;

  constructor(surveyId: string) {
    this.surveyId = surveyId;
    this.outbox = new Outbox(surveyOutboxKey(surveyId), {
      rejoin: async () => {
        try {
          await joinSurvey(surveyId);
          return true;
        } catch {
          return false;
        }
      },
      answered: (_item, outcome) => {
        if (outcome.result === 'sent') {
          this.answered = true;
          this.#notice(m.survey.thanks, false);
        } else if (outcome.result === 'refused') {
          this.#notice(m.notSent(m.survey.sentWhat, outcome.message), true);
        }
      },
    });
  }

  /** Picks up an earlier visit: joined already? answered? anything waiting? */
  async start(adoptEarlier: boolean): Promise<void> {
    this.joined = adoptEarlier && localStorage.getItem(joinedKey(this.surveyId)) === '1';
    await this.outbox.start();
    if (this.joined) await this.refresh();
  }

  stop(): void {
    this.outbox.stop();
  }

  /** A fresh anonymous participant; throws ApiError or a network error. */
  async join(): Promise<void> {
    await joinSurvey(this.surveyId);
    localStorage.setItem(joinedKey(this.surveyId), '1');
    this.joined = true;
    this.answered = false;
  }

  /** This device forgets it joined (station mode: the next person starts afresh). */
  forget(): void {
    localStorage.removeItem(joinedKey(this.surveyId));
    this.joined = false;
    this.answered = false;
  }

  /** Whether the server has this participant's answer to the open wave (offline: unchanged). */
  async refresh(): Promise<void> {
    try {
      this.answered = (await getSurveyMe(this.surveyId)).answered;
    } catch (problem) {
      if (problem instanceof ApiError && (problem.status === 401 || problem.status === 403))
        this.forget();
    }
  }

  /** Queues the answers; resolves with their fate once known or once they have to wait. */
  async send(response: NewSurveyResponseBody): Promise<Fate> {
    const item = await this.outbox.add({ type: 'survey', surveyId: this.surveyId, response });
    return this.outbox.fate(item.seq);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  #notice(text: string, problem: boolean) {
    this.notices = [...this.notices.slice(-2), { id: ++noticeIds, text, problem }];
  }
}
