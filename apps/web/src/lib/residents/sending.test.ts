import { describe, expect, it } from 'vitest';
import { ApiError } from '#lib/api.ts';
import { backoff, classify } from './sending.ts';

describe('what an answer means for a waiting submission', () => {
  it('waits and tries again after a network failure', () =>
    expect(classify(new TypeError('Failed to fetch'))).toEqual({ result: 'retry' }));
  it.each([500, 502, 503, 408, 429])('waits and tries again after %i', (status) =>
    expect(classify(new ApiError(status, { message: 'x' }))).toEqual({ result: 'retry' }),
  );
  it('joins again when the cookie is gone', () =>
    expect(classify(new ApiError(401, { message: 'x' }))).toEqual({ result: 'rejoin' }));
  it('is refused, with the server words, after another 4xx', () =>
    expect(classify(new ApiError(422, { message: 'outside', field: 'lon' }))).toEqual({
      result: 'refused',
      status: 422,
      message: 'outside',
      field: 'lon',
    }));
  it('backs off from 2 s, doubling, to at most a minute', () => {
    expect([1, 2, 3, 10].map(backoff)).toEqual([2000, 4000, 8000, 60000]);
  });
});
