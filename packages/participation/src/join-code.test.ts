import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeFrom, normaliseJoinCode } from './join-code.ts';

describe('join codes', () => {
  it('never use characters that look alike on a poster', () => {
    for (const c of '0O1IL2Z5S8BUV') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });

  it('are six characters of the alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: JOIN_CODE_LENGTH, maxLength: JOIN_CODE_LENGTH }), (bytes) => {
        const code = joinCodeFrom(bytes);
        expect(code).toHaveLength(JOIN_CODE_LENGTH);
        expect([...code].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
        expect(normaliseJoinCode(code)).toBe(code);
      }),
    );
  });

  it('refuses too few random bytes', () => {
    expect(() => joinCodeFrom(new Uint8Array(3))).toThrow(RangeError);
  });

  it('accept what a person types: lower case, spaces and dashes', () => {
    expect(normaliseJoinCode('ac3-d4x')).toBe('AC3D4X');
    expect(normaliseJoinCode(' 7 7 7 9 9 9 ')).toBe('777999');
  });

  it('refuse a code with a look-alike character or the wrong length', () => {
    expect(normaliseJoinCode('AC0D4X')).toBeNull();
    expect(normaliseJoinCode('AC3D4')).toBeNull();
    expect(normaliseJoinCode('AC3D4XY')).toBeNull();
  });
});
