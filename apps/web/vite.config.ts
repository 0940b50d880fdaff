import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In development the API runs on its own port (npm run dev) and Vite proxies /api to it;
// in production Fastify serves both from one origin.
const apiOrigin = process.env.THRIVE_API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [sveltekit({ adapter: adapter({ out: 'build' }) })],
  server: { proxy: { '/api': apiOrigin } },
});
