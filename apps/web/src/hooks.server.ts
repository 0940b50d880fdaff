import type { HandleFetch } from '@sveltejs/kit/hooks';

// Server-side rendering reaches the API inside this process's own server, not through
// the public origin (which behind a load balancer may not route back to this instance).
export const handleFetch: HandleFetch = async ({ request, fetch, event }) => {
  const internal = process.env.THRIVE_INTERNAL_ORIGIN;
  const url = new URL(request.url);
  if (internal && url.origin === event.url.origin && url.pathname.startsWith('/api/')) {
    return fetch(new Request(new URL(url.pathname + url.search, internal), request));
  }
  return fetch(request);
};
