// The header row above the column headers: consecutive columns of one theme share a group
// header, in the order the API sends the columns (the standard rug reads deprivation first).
import type { RugColumn } from './types.ts';

// Display names of the catalogue's themes; an unknown theme (from an imported indicator) is
// shown from its id.
const THEME_NAMES: Readonly<Record<string, string>> = {
  deprivation: 'Deprivation',
  education: 'Education',
  health: 'Health',
  crime: 'Crime',
  housing: 'Housing',
  environment: 'Environment',
  access: 'Access to services',
  community_needs: 'Community needs',
};

/** The name of a theme for headings. */
export function themeName(theme: string): string {
  const known = THEME_NAMES[theme];
  if (known !== undefined) return known;
  const words = theme.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface ThemeGroup {
  theme: string;
  name: string;
  /** Number of consecutive columns in the group. */
  span: number;
}

/** Runs of consecutive columns sharing a theme. */
export function themeGroups(columns: readonly RugColumn[]): ThemeGroup[] {
  const groups: ThemeGroup[] = [];
  for (const column of columns) {
    const last = groups.at(-1);
    if (last?.theme === column.theme) last.span += 1;
    else groups.push({ theme: column.theme, name: themeName(column.theme), span: 1 });
  }
  return groups;
}
