// "You said, we did": the words officers choose from, and how a reply reads.
import { RESPONSE_STATUSES, type ResponseStatus } from '@thrive/participation';

/** Each status in plain words. */
export const RESPONSE_LABELS: Record<ResponseStatus, string> = {
  heard: 'Heard',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  not_possible: 'Not possible',
};

export const RESPONSE_CHOICES = RESPONSE_STATUSES.map((status) => ({
  status,
  label: RESPONSE_LABELS[status],
}));

/** A status from the server in words (an unknown one as it came). */
export function responseLabel(status: string): string {
  return (RESPONSE_LABELS as Record<string, string | undefined>)[status] ?? status;
}

/** Moderation states in officers' words. */
export const STATE_LABELS: Record<string, string> = {
  published: 'Showing',
  pending: 'Waiting to be checked',
  hidden: 'Hidden',
};
