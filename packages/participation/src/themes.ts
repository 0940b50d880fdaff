// Themes are free text per workshop; residents' pins name one. Matching is forgiving of case,
// spacing and dashes so "Green-and-open-spaces" finds "green and open spaces".

/** A theme's comparable form. */
export function themeKey(theme: string): string {
  return theme
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

/** The workshop's own spelling of a theme a resident sent, or null when it is not one of them. */
export function matchTheme(themes: readonly string[], sent: string): string | null {
  const key = themeKey(sent);
  return themes.find((t) => themeKey(t) === key) ?? null;
}
