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
  { method: 'GET', url: '/api/search', allow: PUBLIC },
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
  // Choosing a new password: any account (the only thing allowed while "must change" is set).
  { method: 'POST', url: '/api/auth/password', allow: ROLES },

  // Accounts and the audit trail.
  { method: 'GET', url: '/api/admin/users', allow: ADMIN },
  { method: 'POST', url: '/api/admin/users', allow: ADMIN },
  { method: 'PATCH', url: '/api/admin/users/:id', allow: ADMIN },
  { method: 'POST', url: '/api/admin/users/:id/password', allow: ADMIN },
  { method: 'GET', url: '/api/admin/audit', allow: ADMIN },

  // Loading data.
  { method: 'POST', url: '/api/imports/authorities', allow: OFFICER },
  { method: 'GET', url: '/api/imports/:job', allow: OFFICER },
  // An officer's own boundaries (GeoJSON) and indicators (CSV with definitions), from the browser.
  { method: 'POST', url: '/api/imports/boundaries', allow: OFFICER },
  { method: 'POST', url: '/api/imports/indicators', allow: OFFICER },

  // Residents' workshops (H-API, issue 10). Officers run workshops and moderate; residents join
  // with one tap (public) and then act as the participant of THAT workshop (the service answers
  // 403 for another workshop's participant). Reads of published pins and replies are public.
  { method: 'POST', url: '/api/workshops', allow: OFFICER },
  { method: 'GET', url: '/api/workshops', allow: OFFICER },
  { method: 'GET', url: '/api/workshops/:ref', allow: OFFICER },
  { method: 'PATCH', url: '/api/workshops/:ref', allow: OFFICER },
  { method: 'GET', url: '/api/w/:code', allow: PUBLIC },
  { method: 'POST', url: '/api/workshops/:ref/join', allow: PUBLIC },
  { method: 'GET', url: '/api/workshops/:ref/me', allow: ['participant'] },
  { method: 'PUT', url: '/api/workshops/:ref/me/about', allow: ['participant'] },
  // "I'm done" always clears the cookie, even one that no longer works.
  { method: 'POST', url: '/api/workshops/:ref/leave', allow: PUBLIC },
  { method: 'POST', url: '/api/workshops/:ref/pins', allow: ['participant'] },
  { method: 'GET', url: '/api/workshops/:ref/pins', allow: PUBLIC },
  { method: 'GET', url: '/api/workshops/:ref/pins/all', allow: OFFICER },
  { method: 'GET', url: '/api/workshops/:ref/responses', allow: PUBLIC },
  { method: 'POST', url: '/api/workshops/:ref/pins/:id/support', allow: ['participant'] },
  { method: 'PATCH', url: '/api/pins/:id', allow: OFFICER },
  { method: 'DELETE', url: '/api/pins/:id', allow: OFFICER },
  { method: 'POST', url: '/api/pins/:id/responses', allow: OFFICER },
  { method: 'GET', url: '/api/pins/:id/responses', allow: PUBLIC },

  // The live wall (H-LIVE, issue 10): published pins only, nothing private, so public.
  { method: 'GET', url: '/api/workshops/:ref/wall', allow: PUBLIC },
  { method: 'GET', url: '/api/workshops/:ref/events', allow: PUBLIC },

  // Moderation, photos, exports and analysis of residents' workshops (H-MOD, issue 10). A photo
  // is added by its pin's author only (checked in the service); it is shown to anyone while its
  // pin is published, to officers always, and to no one else (the service answers 404).
  { method: 'PUT', url: '/api/workshops/:ref/pins/:id/photo', allow: ['participant'] },
  { method: 'GET', url: '/api/pins/:id/photo', allow: PUBLIC },
  // Exports (published pins, or every pin with ?hidden=1) and the analysis: officers only.
  { method: 'GET', url: '/api/workshops/:ref/export.geojson', allow: OFFICER },
  { method: 'GET', url: '/api/workshops/:ref/export.csv', allow: OFFICER },
  { method: 'GET', url: '/api/workshops/:ref/analysis', allow: OFFICER },

  // Community-defined KPIs and their surveys (H-KPI, issue 12). Officers write, adopt, change
  // and retire KPIs and build surveys; adopted and retired KPIs, their readings and the
  // templates are public (GET /api/kpis/:id answers 404 for a draft unless an officer asks).
  // Residents join a survey with one tap (public); answering needs the survey's own participant
  // cookie, checked in the service (401 without one, 403 for another survey or a workshop's),
  // because the workshop principal does not carry a survey.
  { method: 'GET', url: '/api/kpi-templates', allow: PUBLIC },
  { method: 'GET', url: '/api/kpis', allow: PUBLIC },
  { method: 'GET', url: '/api/kpis/all', allow: OFFICER },
  // The public page of an area's adopted KPIs and "you said, we did" (published replies only).
  { method: 'GET', url: '/api/kpis/areas', allow: PUBLIC },
  { method: 'GET', url: '/api/kpis/areas/:code', allow: PUBLIC },
  { method: 'POST', url: '/api/kpis', allow: OFFICER },
  { method: 'GET', url: '/api/kpis/:id', allow: PUBLIC },
  { method: 'PATCH', url: '/api/kpis/:id', allow: OFFICER },
  { method: 'POST', url: '/api/kpis/:id/adoption', allow: OFFICER },
  { method: 'POST', url: '/api/kpis/:id/retirement', allow: OFFICER },
  { method: 'GET', url: '/api/workshops/:ref/kpi-drafts', allow: OFFICER },
  { method: 'POST', url: '/api/surveys', allow: OFFICER },
  { method: 'GET', url: '/api/surveys', allow: OFFICER },
  { method: 'GET', url: '/api/surveys/:id', allow: PUBLIC },
  { method: 'POST', url: '/api/surveys/:id/waves', allow: OFFICER },
  { method: 'POST', url: '/api/surveys/:id/join', allow: PUBLIC },
  { method: 'GET', url: '/api/surveys/:id/me', allow: PUBLIC },
  { method: 'POST', url: '/api/surveys/:id/responses', allow: PUBLIC },

  // Residents inspect their own blocks (H-INSP, issue 14). Officers define standards and blocks,
  // invite inspectors and answer failed items; opening an invite is public (it sets the
  // participant cookie with the inspector role). Inspectors' routes read that cookie in the
  // service (401 without one), as surveys do, because the workshop principal carries no estate.
  // Results are public with counts from 1 to 4 inspections withheld (officers see them) and no
  // inspector named; photos are for officers only.
  { method: 'POST', url: '/api/estates/:code/standards', allow: OFFICER },
  { method: 'GET', url: '/api/estates/:code/standards', allow: PUBLIC },
  { method: 'POST', url: '/api/estates/:code/blocks', allow: OFFICER },
  { method: 'POST', url: '/api/estates/:code/blocks/import', allow: OFFICER },
  { method: 'GET', url: '/api/estates/:code/blocks', allow: PUBLIC },
  { method: 'POST', url: '/api/estates/:code/inspectors', allow: OFFICER },
  { method: 'GET', url: '/api/estates/:code/inspector-invites', allow: OFFICER },
  { method: 'DELETE', url: '/api/estates/:code/inspector-invites/:id', allow: OFFICER },
  { method: 'GET', url: '/api/inspector-invites/:token', allow: PUBLIC },
  { method: 'GET', url: '/api/inspect/me', allow: PUBLIC },
  { method: 'PUT', url: '/api/inspect/me', allow: PUBLIC },
  { method: 'POST', url: '/api/inspections', allow: PUBLIC },
  { method: 'PUT', url: '/api/inspections/:id/photo', allow: PUBLIC },
  { method: 'GET', url: '/api/inspections/:id/photo', allow: OFFICER },
  { method: 'PUT', url: '/api/inspection-items/:id/example-photo', allow: OFFICER },
  { method: 'GET', url: '/api/inspection-items/:id/example-photo', allow: PUBLIC },
  { method: 'GET', url: '/api/inspections/summary', allow: PUBLIC },
  { method: 'GET', url: '/api/estates/:code/inspection-results', allow: PUBLIC },
  { method: 'POST', url: '/api/inspection-actions', allow: OFFICER },
  { method: 'PATCH', url: '/api/inspection-actions/:id', allow: OFFICER },

  // Engagement KPIs and regeneration programmes (issue 13). Engagement is computed from
  // participation with counts under 5 suppressed, and a programme's board report is a public
  // paper, so reads are public; only officers write programmes, updates and recorded outputs.
  { method: 'GET', url: '/api/engagement', allow: PUBLIC },
  { method: 'GET', url: '/api/engagement/rug', allow: PUBLIC },
  { method: 'GET', url: '/api/programmes', allow: PUBLIC },
  { method: 'POST', url: '/api/programmes', allow: OFFICER },
  { method: 'GET', url: '/api/programmes/:id', allow: PUBLIC },
  { method: 'PATCH', url: '/api/programmes/:id', allow: OFFICER },
  { method: 'POST', url: '/api/programmes/:id/strands', allow: OFFICER },
  { method: 'POST', url: '/api/programmes/:id/objectives', allow: OFFICER },
  { method: 'POST', url: '/api/programmes/:id/updates', allow: OFFICER },
  { method: 'POST', url: '/api/programmes/:id/outputs', allow: OFFICER },
  { method: 'GET', url: '/api/programmes/:id/report', allow: PUBLIC },
  { method: 'GET', url: '/api/programmes/:id/report.csv', allow: PUBLIC },

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
