// A bare Node HTTP server for the page benchmarks' same-run baselines: a one-line page, and a
// page's own server-rendered HTML with its scripts taken out. Served from its own origin, so
// nothing of the app (its scripts, its server) takes part.
import { createServer } from 'node:http';

export interface BarePages {
  /** URL of a page holding one paragraph marked elementtiming="<identifier>". */
  pageWith(identifier: string): string;
  /** URL of `html` with every script and module preload removed (styles inlined in it stay). */
  pageFrom(html: string): string;
  close(): Promise<void>;
}

/** HTML without its scripts: what the browser paints before any script runs. */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b[^]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, '');
}

/** Starts the server on a free loopback port. */
export async function startBarePages(): Promise<BarePages> {
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    const body = pages.get(request.url ?? '');
    response.writeHead(body === undefined ? 404 : 200, {
      'content-type': 'text/html; charset=utf-8',
    });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const add = (html: string) => {
    const path = `/${pages.size}`;
    pages.set(path, html);
    return origin + path;
  };
  return {
    pageWith: (identifier) =>
      add(
        `<!doctype html><html lang="en-GB"><title>Baseline</title><p elementtiming="${identifier}">A one-line page.</p></html>`,
      ),
    pageFrom: (html) => add(withoutScripts(html)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
