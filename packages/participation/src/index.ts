/** @thrive/participation: pure domain code for residents' participation (no I/O). */
export * from './lists.ts';
export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeFrom, normaliseJoinCode } from './join-code.ts';
export { matchTheme, themeKey } from './themes.ts';
export { maskForPublication, type MaskResult } from './masking.ts';
