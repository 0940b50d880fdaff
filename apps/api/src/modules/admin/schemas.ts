import { Type, type Static } from 'typebox';
import { MAX_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { Email, RoleSchema } from '../auth/schemas.ts';
import { AUDIT_ACTIONS } from '../audit/actions.ts';

const DisplayName = Type.String({ minLength: 1, maxLength: 120 });

export const UserBody = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  createdAt: Type.String({ format: 'date-time' }),
  disabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  mustChangePassword: Type.Boolean({ description: 'The password was set by an admin: the person must choose their own at their next sign-in' }),
});
export type UserBody = Static<typeof UserBody>;

export const UserListBody = Type.Object({ users: Type.Array(UserBody) });
export type UserListBody = Static<typeof UserListBody>;

export const NewUserBody = Type.Object(
  {
    email: Email,
    name: Type.Optional(DisplayName),
    role: RoleSchema,
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: 'At least 12 characters; give it to the person by a separate channel.' }),
    temporary: Type.Optional(Type.Boolean({ description: 'true: the person must choose their own password at their first sign-in' })),
  },
  { additionalProperties: false },
);
export type NewUserBody = Static<typeof NewUserBody>;

export const TemporaryPasswordBody = Type.Object(
  {
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: 'At least 12 characters; the person must change it at their next sign-in.' }),
  },
  { additionalProperties: false },
);
export type TemporaryPasswordBody = Static<typeof TemporaryPasswordBody>;

export const UserPatchBody = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(Type.Boolean({ description: 'true signs the account out everywhere and refuses its sign-ins' })),
    name: Type.Optional(Type.Union([DisplayName, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserPatchBody = Static<typeof UserPatchBody>;

export const UserParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', description: 'The account id (uuid)' }) });

export const AuditQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'Only events older than this id (the `next` of the previous page)' })),
    action: Type.Optional(Type.Enum(AUDIT_ACTIONS)),
    actor: Type.Optional(Type.String({ format: 'uuid', description: 'Only events by this account' })),
    from: Type.Optional(Type.String({ format: 'date', description: 'Only events on or after this day (UTC), YYYY-MM-DD' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Only events on or before this day (UTC), YYYY-MM-DD' })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEventBody = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Union([Type.Object({ id: Type.String(), email: Type.String() }), Type.Null()]),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const AuditListBody = Type.Object({
  events: Type.Array(AuditEventBody, { description: 'Newest first' }),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `before` for the next page; null on the last' }),
});
export type AuditListBody = Static<typeof AuditListBody>;
