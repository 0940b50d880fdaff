import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { testEngines } from '@thrive/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, LONG_PAGE, type TestApp } from '../test-support/accounts.ts';

// Pages come from the stand-in web handler, written to the raw response as SvelteKit's are.
describe('web pages', () => {
  const engine = testEngines({})[0];
  if (!engine) throw new Error('no PGlite engine');
  let t: TestApp;
  beforeAll(async () => {
    t = await accountsApp(engine);
  });
  afterAll(() => t?.app.close());

  const page = (url: string, acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)(
    'come compressed with %s when the browser accepts it',
    async (encoding, decompress) => {
      const response = await page('/test/long-page', `${encoding}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.rawPayload.length).toBeLessThan(LONG_PAGE.length / 5);
      expect(decompress(response.rawPayload).toString('utf8')).toBe(LONG_PAGE);
    },
  );

  it('prefer br when the browser accepts both', async () => {
    expect((await page('/test/long-page', 'gzip, deflate, br')).headers['content-encoding']).toBe(
      'br',
    );
  });

  it('come plain to a client that accepts no compression', async () => {
    const response = await page('/test/long-page');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(LONG_PAGE);
  });

  it('come plain when too small to be worth compressing', async () => {
    const response = await page('/rug', 'br, gzip');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toContain('stand-in page');
  });

  it('never compress an event stream, whose events must arrive as they happen', async () => {
    const response = await page('/test/events', 'br, gzip');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toMatch(/^data: x{4096}\n\n$/);
  });

  it('keep their security headers when compressed', async () => {
    const response = await page('/test/long-page', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
