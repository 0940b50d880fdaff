// THE permission table: every route the server registers, by method and URL pattern, with who
// may call it. One onRequest hook enforces it (plugins/permissions.ts); a route missing from
// it stops the server at start, and a test walks every route against it. Adding a route means
// adding its line here, next to the others, where a reviewer sees the whole policy at once.
import { ROLES, type Role } from '@thrive/db';
import type { Principal } from './principal.ts';

/** Who a route can be opened to: account roles, and (with workshops) resident participants. */
export type Audience = Role | 'participant';

/** Anyone, or only the listed audiences. */
export type Access = 'public' | readonly Audience[];

/** Methods a rule names; HEAD follows GET, and `*` covers every method of the URL. */
export type RuleMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | '*';

export interface PermissionRule {
  readonly method: RuleMethod;
  /** The route's URL pattern exactly as registered, e.g. /api/areas/:code. */
  readonly url: string;
  readonly allow: Access;
}

const PUBLIC = 'public';
const ADMIN = ['admin'] as const satisfies readonly Audience[];
const OFFICER = ['officer', 'admin'] as const satisfies readonly Audience[];

/**
 * Open-data reads are public (docs/decisions/0004-public-open-data-reads.md): IoD2019, CNI and
 * boundaries are Open Government Licence data and profiles are meant to be shared. Community
 * KPIs and residents' data will not be.
 */
export const PERMISSIONS: readonly PermissionRule[] = [
  // Open data and the API's own description.
  { method: 'GET', url: '/api/health', allow: PUBLIC },
  { method: 'GET', url: '/api/areas', allow: PUBLIC },
  { method: 'GET', url: '/api/areas/:code', allow: PUBLIC },
  { method: 'GET', url: '/api/areas/:code/profile', allow: PUBLIC },
  { method: 'GET', url: '/api/indicators', allow: PUBLIC },
  { method: 'GET', url: '/api/indicators/:id/values', allow: PUBLIC },
  { method: 'GET', url: '/api/rug', allow: PUBLIC },
  { method: 'GET', url: '/api/rug.csv', allow: PUBLIC },
  { method: 'GET', url: '/api/docs', allow: PUBLIC },
  { method: 'GET', url: '/api/docs/', allow: PUBLIC },
  { method: 'GET', url: '/api/docs/json', allow: PUBLIC },
  { method: 'GET', url: '/api/docs/yaml', allow: PUBLIC },
  { method: 'GET', url: '/api/docs/static/*', allow: PUBLIC },
  { method: 'GET', url: '/api/docs/static/index.html', allow: PUBLIC },
  { method: 'GET', url: '/api/docs/static/swagger-initializer.js', allow: PUBLIC },

  // Signing in and out; "who am I" answers { user: null } to anyone not signed in.
  { method: 'POST', url: '/api/auth/login', allow: PUBLIC },
  { method: 'POST', url: '/api/auth/logout', allow: PUBLIC },
  { method: 'GET', url: '/api/auth/me', allow: PUBLIC },

  // Accounts and the audit trail.
  { method: 'GET', url: '/api/admin/users', allow: ADMIN },
  { method: 'POST', url: '/api/admin/users', allow: ADMIN },
  { method: 'PATCH', url: '/api/admin/users/:id', allow: ADMIN },
  { method: 'GET', url: '/api/admin/audit', allow: ADMIN },

  // Loading data.
  { method: 'POST', url: '/api/imports/authorities', allow: OFFICER },

  // Any other /api path answers a JSON 404 (plugins/web.ts).
  { method: '*', url: '/api/*', allow: PUBLIC },
  // The web app's pages and assets: public, as pages fetch their data from the API above,
  // which applies its own rules; POST is SvelteKit form actions (same-origin only).
  { method: 'GET', url: '/', allow: PUBLIC },
  { method: 'GET', url: '/*', allow: PUBLIC },
  { method: 'POST', url: '/*', allow: PUBLIC },
];

/** The rule for a method and URL pattern, or undefined when there is none. */
export function findRule(rules: readonly PermissionRule[], method: string, url: string): PermissionRule | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return rules.find((r) => r.url === url && r.method === m) ?? rules.find((r) => r.url === url && r.method === '*');
}

export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly statusCode: 401 | 403; readonly message: string };

const ALLOWED: Decision = { allowed: true };

/** Whether a principal may use a route with this access: 401 when not signed in, 403 when not allowed. */
export function decide(access: Access, principal: Principal): Decision {
  if (access === 'public') return ALLOWED;
  switch (principal.kind) {
    case 'anonymous':
      return { allowed: false, statusCode: 401, message: 'Sign in to do this.' };
    case 'participant':
      return access.includes('participant')
        ? ALLOWED
        : { allowed: false, statusCode: 403, message: 'Workshop participants cannot do this.' };
    case 'user':
      return access.includes(principal.user.role)
        ? ALLOWED
        : { allowed: false, statusCode: 403, message: `Your role (${principal.user.role}) cannot do this; it needs ${access.filter((a) => a !== 'participant').join(' or ')}.` };
  }
}

/** The roles not allowed by an access (for tests and messages). */
export function rolesDenied(access: Access): Role[] {
  return access === 'public' ? [] : ROLES.filter((r) => !access.includes(r));
}
