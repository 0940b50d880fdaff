import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { CSP_DIRECTIVES } from '@thrive/api/csp';
import { defineConfig } from 'vite';

// In development the API runs on its own port (npm run dev) and Vite proxies /api to it;
// in production Fastify serves both from one origin.
const apiOrigin = process.env.THRIVE_API_ORIGIN ?? 'http://localhost:3000';
// Several builds on one checkout (parallel work) can each have their own folders: THRIVE_WEB_OUT=x
// builds into build-x via .svelte-kit-x, served with WEB_BUILD_DIR. CI and README use the defaults.
const outName = process.env.THRIVE_WEB_OUT;

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ out: outName ? `build-${outName}` : 'build' }),
      outDir: outName ? `.svelte-kit-${outName}` : '.svelte-kit',
      // The server's policy (apps/api/src/csp.ts); SvelteKit adds a nonce per rendered page for
      // its inline start-up script, so script-src stays 'self' + nonce.
      csp: { mode: 'auto', directives: CSP_DIRECTIVES },
      // Links rendered on the server are absolute ("/data", not "./data"), as they are after
      // hydration: the same href whichever page a link sits on, and safe to copy.
      paths: { relative: false },
      // Small stylesheets go inline in the head: each linked one is a request that holds back
      // the first paint (the rug's table is in the server-rendered HTML and should paint at once).
      inlineStyleThreshold: 16 * 1024,
    }),
  ],
  server: { proxy: { '/api': apiOrigin } },
});
