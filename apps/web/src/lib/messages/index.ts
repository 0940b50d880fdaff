// The resident message catalogue in use. One language today; a council adds one by writing
// another `Messages` object (see en.ts) and choosing it here.
import { en, type Messages } from './en.ts';

export type { Messages };

/** The messages residents read. */
export const messages: Messages = en;
