import { PUBLIC_BASEMAP_STYLE_URL } from '$app/env/public';
import type { Handle, HandleFetch } from '@sveltejs/kit/hooks';
import { allowOrigin } from '#lib/csp.ts';

// Server-side rendering reaches the API inside this process's own server, not through
// the public origin (which behind a load balancer may not route back to this instance).
// The visitor's cookies go with it, as they would to the public origin, so the API knows who
// is signed in (SvelteKit only forwards cookies to its own origin by itself).
export const handleFetch: HandleFetch = async ({ request, fetch, event }) => {
  const internal = process.env.THRIVE_INTERNAL_ORIGIN;
  const url = new URL(request.url);
  if (internal && url.origin === event.url.origin && url.pathname.startsWith('/api/')) {
    const forwarded = new Request(new URL(url.pathname + url.search, internal), request);
    const cookie = event.request.headers.get('cookie');
    if (cookie && request.credentials !== 'omit' && !forwarded.headers.has('cookie'))
      forwarded.headers.set('cookie', cookie);
    return fetch(forwarded);
  }
  return fetch(request);
};

// The Content Security Policy (vite.config.ts) allows this origin only; a configured basemap is
// fetched by MapLibre from its own origin, which is added to pages' policy here.
const basemapOrigin = PUBLIC_BASEMAP_STYLE_URL
  ? new URL(PUBLIC_BASEMAP_STYLE_URL).origin
  : undefined;

export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const policy = response.headers.get('content-security-policy');
  if (basemapOrigin && policy)
    response.headers.set('content-security-policy', allowOrigin(policy, basemapOrigin));
  return response;
};
