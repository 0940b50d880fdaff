import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, REPO_ROOT } from './config.ts';

describe('loadConfig', () => {
  it('uses port 3000 and the embedded database when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.pgliteDir).toMatch(/\.data[/\\]pglite$/);
  });

  it('reads PORT, DATABASE_URL and TRUST_PROXY from the environment', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/thrive', TRUST_PROXY: 'true' });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@db:5432/thrive', trustProxy: true });
  });

  it('keeps sessions 12 hours idle and 7 days at most, pauses sign-in after 5 failures in 15 minutes, and reads bodies up to 1 MiB by default', () => {
    expect(loadConfig({})).toMatchObject({
      cookieSecure: 'auto',
      sessionIdleMs: 12 * 3_600_000,
      sessionMaxMs: 7 * 24 * 3_600_000,
      loginMaxFailures: 5,
      loginAddressMaxFailures: 100,
      loginWindowMs: 15 * 60_000,
      bodyLimitBytes: 1_048_576,
      publicOrigin: undefined,
    });
  });

  it('reads PUBLIC_ORIGIN as an origin', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://Thrive.Example.org' }).publicOrigin).toBe('https://thrive.example.org');
  });

  it.each([
    ['false', false],
    ['TRUE', true],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.5', ['10.0.0.0/8', '192.168.1.5']],
    ['loopback,fd00::/8', ['loopback', 'fd00::/8']],
  ])('reads TRUST_PROXY=%s as a switch, a hop count or a list of proxies', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('reads the shared mirror by default when it is there, and DATA_FETCH_FROM as an http(s) address', () => {
    const shared = resolve(REPO_ROOT, '..', 'shared', 'data');
    expect(loadConfig({}).dataMirror).toBe(existsSync(shared) ? shared : join(REPO_ROOT, '.data', 'open-data'));
    expect(loadConfig({ DATA_FETCH_FROM: 'http://127.0.0.1:8080/publishers' }).dataFetchFrom).toBe('http://127.0.0.1:8080/publishers');
    expect(loadConfig({}).dataFetchFrom).toBeUndefined();
    expect(() => loadConfig({ DATA_FETCH_FROM: 'ftp://copy.local' })).toThrow(/^invalid setting DATA_FETCH_FROM \(got "ftp:\/\/copy.local"\)/);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, /^invalid setting PORT \(got "abc"\): must be integer$/],
    [{ PORT: '70000' }, /PORT .*<= 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL .*postgres/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL \(got "loud"\): must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY \(got "yes"\): must be true or false/],
    [{ TRUST_PROXY: '0' }, /TRUST_PROXY \(got "0"\): must be true or false, a number of proxies/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY \(got "10.0.0.0\/33"\)/],
    [{ TRUST_PROXY: 'lb.example.org' }, /TRUST_PROXY/],
    [{ COOKIE_SECURE: 'maybe' }, /COOKIE_SECURE \(got "maybe"\): must be one of auto, true, false/],
    [{ PUBLIC_ORIGIN: 'https://thrive.example.org/path' }, /PUBLIC_ORIGIN/],
    [{ SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES/],
  ])('refuses %o with one line naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('\n');
    }
  });
});
