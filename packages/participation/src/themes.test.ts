import { describe, expect, it } from 'vitest';
import { DEFAULT_THEMES } from './lists.ts';
import { matchTheme, themeKey } from './themes.ts';

describe('themes', () => {
  it('match whatever the case, dashes and spacing', () => {
    expect(matchTheme(DEFAULT_THEMES, 'Green-and-open-spaces')).toBe('green and open spaces');
    expect(matchTheme(DEFAULT_THEMES, '  SAFETY ')).toBe('safety');
    expect(matchTheme(['Block C lifts'], 'block_c_lifts')).toBe('Block C lifts');
  });

  it('do not match a theme the workshop does not have', () => {
    expect(matchTheme(DEFAULT_THEMES, 'parking')).toBeNull();
    expect(matchTheme([], 'homes')).toBeNull();
  });

  it('compare by a key that folds case and separators', () => {
    expect(themeKey('Young_People')).toBe(themeKey('young people'));
  });
});
