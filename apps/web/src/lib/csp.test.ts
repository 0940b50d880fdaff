import { describe, expect, it } from 'vitest';
import { allowOrigin } from './csp.ts';

describe('allowOrigin', () => {
  it('adds the origin to connect-src and img-src only', () => {
    const policy =
      "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; script-src 'self' 'nonce-abc'";
    expect(allowOrigin(policy, 'https://tiles.example.org')).toBe(
      "default-src 'self'; connect-src 'self' https://tiles.example.org; img-src 'self' data: blob: https://tiles.example.org; script-src 'self' 'nonce-abc'",
    );
  });
});
