// The Content Security Policy itself is the server's (apps/api/src/csp.ts, applied by SvelteKit
// with a nonce per page, see vite.config.ts). This widens it for a configured basemap.

/** The policy with `origin` added to connect-src and img-src (MapLibre fetches styles and tiles). */
export function allowOrigin(policy: string, origin: string): string {
  return policy
    .split(';')
    .map((part) => part.trim())
    .filter((directive) => directive !== '')
    .map((directive) =>
      /^(connect-src|img-src)\s/.test(directive) ? `${directive} ${origin}` : directive,
    )
    .join('; ');
}
