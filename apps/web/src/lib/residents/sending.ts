// Sending one waiting submission and deciding what its answer means. The rule that keeps a pin
// from being lost: an item is forgotten only after a 2xx, or a 4xx whose reason the page shows
// the resident; a network failure, a 5xx, a 408 or a 429 leaves it waiting to be tried again.
// The server keeps each pin's device-made id unique, so sending again can never double it.
import {
  ApiError,
  postPin,
  postSupport,
  putAboutYou,
  putPinPhoto,
  type PinBody,
} from '#lib/api.ts';
import { postSurveyResponse } from '#lib/kpis/api.ts';
import { postInspection, putInspectionPhoto } from '#lib/inspections/api.ts';
import type { OutboxItem } from './outbox-store.ts';

/** What became of one attempt. */
export type Outcome =
  | { result: 'sent'; pin?: PinBody; support?: number }
  | { result: 'refused'; status: number; message: string; field?: string | undefined }
  | { result: 'rejoin' }
  | { result: 'retry' };

/** What an error from a send means for the waiting item. */
export function classify(error: unknown): Outcome {
  if (!(error instanceof ApiError)) return { result: 'retry' };
  if (error.status === 401) return { result: 'rejoin' };
  if (error.status === 408 || error.status === 429 || error.status >= 500)
    return { result: 'retry' };
  return { result: 'refused', status: error.status, message: error.message, field: error.field };
}

/** Milliseconds to wait after `attempts` failures: 2 s doubling to at most a minute. */
export function backoff(attempts: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
}

/** Sends one item and says what became of it (never throws). */
export async function sendItem(item: OutboxItem, fetchFn: typeof fetch = fetch): Promise<Outcome> {
  try {
    switch (item.type) {
      case 'pin':
        return { result: 'sent', pin: await postPin(item.workshop, item.pin, fetchFn) };
      case 'support': {
        const answer = await postSupport(item.workshop, item.pinId, fetchFn);
        return { result: 'sent', support: answer.support };
      }
      case 'photo':
        await putPinPhoto(item.workshop, item.pinId, item.photo, fetchFn);
        return { result: 'sent' };
      case 'about':
        await putAboutYou(item.workshop, item.about, fetchFn);
        return { result: 'sent' };
      case 'survey':
        await postSurveyResponse(item.surveyId, item.response, fetchFn);
        return { result: 'sent' };
      case 'inspection':
        await postInspection(item.inspection, fetchFn);
        return { result: 'sent' };
      case 'inspection-photo':
        await putInspectionPhoto(item.inspectionId, item.photo, fetchFn);
        return { result: 'sent' };
    }
  } catch (error) {
    return classify(error);
  }
}
