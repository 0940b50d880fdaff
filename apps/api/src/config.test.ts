import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

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

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, /^invalid setting PORT \(got "abc"\): must be integer$/],
    [{ PORT: '70000' }, /PORT .*<= 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL .*postgres/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL \(got "loud"\): must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY \(got "yes"\): must be true or false/],
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
