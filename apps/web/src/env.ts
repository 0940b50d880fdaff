// Environment variables the app reads (SvelteKit 3 explicit env: imported from $app/env/*).
import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
  PUBLIC_BASEMAP_STYLE_URL: {
    public: true,
    description:
      'URL of a MapLibre style drawn under the area maps; unset = plain background (works offline).',
    schema: (value) => {
      if (!value) return undefined;
      if (!URL.canParse(value)) throw new Error('PUBLIC_BASEMAP_STYLE_URL must be a URL');
      return value;
    },
  },
});
