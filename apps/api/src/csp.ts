// The Content Security Policy, in one place for both the API (helmet) and the web app
// (SvelteKit's own `csp` option, which adds a nonce to script-src for its inline start-up
// script on every page it renders). Keywords are written bare, as SvelteKit takes them;
// `quoted` gives the header form.
//
// MapLibre needs blob: workers and blob:/data: images; SvelteKit and MapLibre set inline
// styles, hence style-src 'unsafe-inline' (SvelteKit adds no style nonce while it is there,
// which would otherwise switch 'unsafe-inline' off). Scripts stay 'self' plus the nonce.

// Keeps each value's literal type ('self', not string) in a mutable array, as SvelteKit's
// CspDirectives type wants.
const directives = <const T extends Record<string, string[]>>(d: T): T => d;

export const CSP_DIRECTIVES = directives({
  'default-src': ['self'],
  'base-uri': ['self'],
  'connect-src': ['self'],
  'font-src': ['self', 'data:'],
  'form-action': ['self'],
  'frame-ancestors': ['none'],
  'img-src': ['self', 'data:', 'blob:'],
  'object-src': ['none'],
  'script-src': ['self'],
  'script-src-attr': ['none'],
  'style-src': ['self', 'unsafe-inline'],
  'worker-src': ['self', 'blob:'],
});

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic', 'unsafe-hashes', 'wasm-unsafe-eval', 'report-sample']);

/** The directives with keywords quoted ('self'), as the header and helmet write them. */
export function quoted(directives: Record<string, readonly string[]> = CSP_DIRECTIVES): Record<string, string[]> {
  return Object.fromEntries(Object.entries(directives).map(([name, values]) => [name, values.map((v) => (KEYWORDS.has(v) ? `'${v}'` : v))]));
}
