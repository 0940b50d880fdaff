import { ROLES } from '@thrive/db';
import { Type, type Static } from 'typebox';
import { MAX_PASSWORD_LENGTH } from './passwords.ts';

/** An email address as typed (surrounding spaces allowed); stored and compared trimmed and lower-cased. */
export const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^\\s*[^\\s@]+@[^\\s@]+\\s*$', description: 'Email address (compared ignoring case)' });

export const RoleSchema = Type.Enum(ROLES, { description: 'admin: accounts and audit; officer: imports (and later workshops); partner: read-only' });

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const SignedInUserBody = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  role: RoleSchema,
  name: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean({ description: 'true after an admin set the password: change it (POST /api/auth/password) before anything else' }),
});

/** What sign-in answers, and what "who am I" answers (user null when not signed in). */
export const MeBody = Type.Object({ user: Type.Union([SignedInUserBody, Type.Null()]) });
export type MeBody = Static<typeof MeBody>;

export const PasswordChangeBody = Type.Object(
  {
    current: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: 'The password used to sign in (the temporary one, if an admin set it)' }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: 'The new password: at least 12 characters, not the current one' }),
  },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const SignedInBody = Type.Object({ user: SignedInUserBody });
export type SignedInBody = Static<typeof SignedInBody>;
