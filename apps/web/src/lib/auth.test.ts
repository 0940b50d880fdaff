import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { getMe, safeNext, signIn } from './auth.ts';

// Hand-made responses standing in for the server.
const answer = (status: number, body?: unknown) => () =>
  Promise.resolve(
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );

describe('the sign-in client', () => {
  const user = {
    id: '8c1c7c0e-9a43-4c55-9a0e-7c0a3c3e0f11',
    email: 'ada@example.org',
    role: 'admin',
    name: null,
  };

  it('reads who is signed in, or null', async () => {
    await expect(getMe(answer(200, { user }))).resolves.toEqual(user);
    await expect(getMe(answer(200, { user: null }))).resolves.toBeNull();
  });

  it("throws the server's own message when signing in fails", async () => {
    const failing = signIn(
      { email: 'ada@example.org', password: 'wrong' },
      answer(401, {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Email or password is incorrect.',
      }),
    );
    await expect(failing).rejects.toBeInstanceOf(ApiError);
    await expect(failing).rejects.toMatchObject({
      status: 401,
      message: 'Email or password is incorrect.',
    });
  });
});

describe('safeNext', () => {
  it.each([
    ['/rug?parent=E07000096', '/rug?parent=E07000096'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('sends %s to %s', (next, to) => {
    expect(safeNext(next)).toBe(to);
  });
});
