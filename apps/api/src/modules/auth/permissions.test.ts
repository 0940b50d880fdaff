import { describe, expect, it } from 'vitest';
import { decide, findRule, rolesDenied, type PermissionRule } from './permissions.ts';
import { ANONYMOUS, type Principal } from './principal.ts';
import { userAgentHint } from './user-agent-hint.ts';

const user = (role: 'admin' | 'officer' | 'partner'): Principal => ({ kind: 'user', sessionId: 's', user: { id: 'u', email: 'e@example.org', role, name: null, mustChangePassword: false } });
const participant: Principal = { kind: 'participant', participantId: 'p', workshopId: 'w' };

describe('decide', () => {
  it('lets anyone use a public route', () => {
    expect(decide('public', ANONYMOUS)).toEqual({ allowed: true });
    expect(decide('public', participant)).toEqual({ allowed: true });
  });

  it('answers 401 to the anonymous on a protected route', () => {
    expect(decide(['officer'], ANONYMOUS)).toEqual({ allowed: false, statusCode: 401, message: 'Sign in to do this.' });
  });

  it('answers 403 to a signed-in role the route is not open to, naming the roles it needs', () => {
    expect(decide(['officer', 'admin'], user('partner'))).toEqual({ allowed: false, statusCode: 403, message: 'Your role (partner) cannot do this; it needs officer or admin.' });
    expect(decide(['officer', 'admin'], user('admin'))).toEqual({ allowed: true });
  });

  it('lets workshop participants in only where the rule names them (the seam for the workshops issue)', () => {
    expect(decide(['officer', 'participant'], participant)).toEqual({ allowed: true });
    expect(decide(['officer'], participant)).toMatchObject({ allowed: false, statusCode: 403 });
    expect(decide(['participant'], user('admin'))).toMatchObject({ allowed: false, statusCode: 403 });
  });
});

describe('findRule', () => {
  const rules: PermissionRule[] = [
    { method: 'GET', url: '/api/x', allow: 'public' },
    { method: 'POST', url: '/api/x', allow: ['admin'] },
    { method: '*', url: '/api/*', allow: 'public' },
  ];

  it('finds a rule by method and URL pattern, HEAD under GET', () => {
    expect(findRule(rules, 'POST', '/api/x')?.allow).toEqual(['admin']);
    expect(findRule(rules, 'HEAD', '/api/x')?.allow).toBe('public');
  });

  it('falls back to a rule for every method of the URL, and finds nothing otherwise', () => {
    expect(findRule(rules, 'TRACE', '/api/*')?.method).toBe('*');
    expect(findRule(rules, 'DELETE', '/api/x')).toBeUndefined();
  });

  it('lists the roles a rule does not allow', () => {
    expect(rolesDenied(['officer', 'admin'])).toEqual(['partner']);
    expect(rolesDenied('public')).toEqual([]);
  });
});

describe('userAgentHint', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari on iOS'],
    ['Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36', 'Chrome on Android'],
    ['curl/8.5.0', null],
    [undefined, null],
  ])('reduces %s to %s', (agent, hint) => {
    expect(userAgentHint(agent)).toBe(hint);
  });
});
