// The service worker: residents' workshop pages keep working with no connection (community
// centre wifi drops, phones sleep). It caches the app's own files when installed, and the
// workshop pages and their public data (workshop, published pins) network-first, so a page
// seen once loads offline with the last pins it saw. Nothing personal is cached: a resident's
// own pins and submissions live in IndexedDB (lib/residents/outbox-store.ts), and no POST or PUT
// is touched here. Every other request (officer pages, the API) passes straight through.
import { version } from '$app/env';
import { assets, immutable } from '$app/manifest';
import { self } from '$app/service-worker';

const PREFIX = 'thrive-';
// Both caches change with each build: an old page refers to old file names.
const SHELL = `${PREFIX}shell-${version}`;
const PAGES = `${PREFIX}pages-${version}`;
// Longer than this and a flaky connection is treated as none: the cached copy answers.
const NETWORK_TIMEOUT_MS = 4000;

const SHELL_FILES = [...immutable, ...assets].map(({ path }) => `/${path.replace(/^\//, '')}`);
const SHELL_SET = new Set(SHELL_FILES);

/** Pages residents use: the code page, each workshop page, each survey and the inspector's page. */
const isResidentPage = (path: string) =>
  /^\/w(\/[^/]+)?\/?$/.test(path) || /^\/(s|inspect)\/[^/]+\/?$/.test(path);
/** Public data those pages read: the workshop and its published pins, a survey's questions. */
const isResidentData = (path: string) =>
  /^\/api\/w\/[^/]+$/.test(path) ||
  /^\/api\/workshops\/[^/]+\/pins$/.test(path) ||
  /^\/api\/surveys\/[^/]+$/.test(path);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(SHELL_FILES);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith(PREFIX) && key !== SHELL && key !== PAGES) await caches.delete(key);
      // Take over the page that installed us, so it works offline without a reload.
      await self.clients.claim();
    })(),
  );
});

async function fromCache(request: Request | string): Promise<Response | undefined> {
  const cache = await caches.open(PAGES);
  return (
    (await cache.match(request, { ignoreVary: true })) ??
    (await cache.match(request, { ignoreVary: true, ignoreSearch: true }))
  );
}

async function keep(request: Request | string, response: Response): Promise<void> {
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(PAGES);
    await cache.put(request, response.clone());
  }
}

// The network first (fresh pins), the last copy when it fails or is too slow.
async function networkFirst(request: Request): Promise<Response> {
  const network = fetch(request).then(async (response) => {
    await keep(request, response);
    return response;
  });
  const timeout = new Promise<undefined>((resolve) =>
    setTimeout(() => resolve(undefined), NETWORK_TIMEOUT_MS),
  );
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
    return (await fromCache(request)) ?? (await network);
  } catch {
    const cached = await fromCache(request);
    if (cached) return cached;
    return Response.error();
  }
}

async function shellFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (SHELL_SET.has(url.pathname) || url.pathname.startsWith('/_app/immutable/'))
    event.respondWith(shellFirst(request));
  else if (url.pathname.startsWith('/_app/')) event.respondWith(networkFirst(request));
  else if (isResidentPage(url.pathname) || isResidentData(url.pathname))
    event.respondWith(networkFirst(request));
});

/**
 * { type: 'keep', urls } from a workshop page: fetch and keep these now (the page itself was
 * loaded before this worker existed). Answers on the message's port once they are kept.
 */
self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'keep')
    return;
  const urls = 'urls' in data && Array.isArray(data.urls) ? data.urls : [];
  const port = event.ports[0];
  event.waitUntil(
    (async () => {
      let kept = 0;
      for (const href of urls) {
        if (typeof href !== 'string') continue;
        const url = new URL(href, self.location.origin);
        if (url.origin !== self.location.origin) continue;
        if (!isResidentPage(url.pathname) && !isResidentData(url.pathname)) continue;
        try {
          await keep(url.href, await fetch(url.href, { credentials: 'same-origin' }));
          kept++;
        } catch {
          // Offline already: what was kept before stays.
        }
      }
      port?.postMessage({ kept });
    })(),
  );
});
