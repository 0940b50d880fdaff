// Who is making a request. Officers, partners and admins sign in with a session cookie;
// residents at workshops will be `participant`s holding a workshop token (the workshops issue
// adds how they are recognised; the permission model already has a place for them).
import type { Role } from '@thrive/db';

/** A signed-in account, as requests and responses see it. */
export interface SignedInUser {
  id: string;
  email: string;
  role: Role;
  name: string | null;
  /** The password was set by an admin: nothing but changing it is allowed until it is. */
  mustChangePassword: boolean;
}

export type Principal =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly user: SignedInUser; readonly sessionId: string }
  | { readonly kind: 'participant'; readonly participantId: string; readonly workshopId: string };

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });
