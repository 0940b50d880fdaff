// What the audit trail records: one list, read by the writers, the admin API and its schemas.

/** Every action the audit trail records; details never hold personal data. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.role_change',
  'user.rename',
  'user.disable',
  'user.enable',
  // An admin set a temporary password; the person then chose their own (migration 0011).
  'user.password_reset',
  'user.password_change',
  'import.authority',
  'import.boundaries',
  'import.indicators',
  // Residents' workshops (issue 10): officers' changes to workshops and to residents' pins.
  'workshop.create',
  'workshop.update',
  'pin.moderate',
  'pin.respond',
  'pin.remove',
  // Block inspections (issue 14): standards, blocks and inspector invites.
  'inspection_standard.create',
  'block.create',
  'inspector.invite',
  'inspector.invite.revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
