import { describe, expect, it } from 'vitest';
import { ApiError, getHealth } from './api.ts';

// Hand-made responses standing in for the server, to check how the client reads them.
const answer = (status: number, body: unknown) => () =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

describe('the API client', () => {
  it('returns the health body when the server answers 200', async () => {
    const health = { status: 'ok', engine: 'pglite', migration: '0001_initial' };
    await expect(getHealth(answer(200, health))).resolves.toEqual(health);
  });

  it('throws an ApiError carrying the server message and field on a 400', async () => {
    const failing = getHealth(
      answer(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'querystring.level is required',
        field: 'querystring.level',
      }),
    );
    await expect(failing).rejects.toBeInstanceOf(ApiError);
    await expect(failing).rejects.toMatchObject({
      status: 400,
      message: 'querystring.level is required',
      field: 'querystring.level',
    });
  });

  it('says which status came back when the error body is not JSON', async () => {
    const html = () => Promise.resolve(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    await expect(getHealth(html)).rejects.toMatchObject({
      status: 502,
      message: 'The server answered 502.',
    });
  });
});
