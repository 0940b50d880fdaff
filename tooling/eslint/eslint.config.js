// One flat config for every workspace: type-aware rules that catch real bugs
// (floating promises, non-exhaustive switches), consistent type imports, strict equality.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Builds the config for one workspace; `svelteConfig` is passed by the web app only.
 * @param {{ tsconfigRootDir?: string, svelteConfig?: object }} [options]
 */
export function thriveConfig({ tsconfigRootDir, svelteConfig } = {}) {
  return tseslint.config(
    { ignores: ['**/build/**', '**/build-*/**', '**/dist/**', '**/.svelte-kit/**', '**/.svelte-kit-*/**', '**/node_modules/**', '**/test-results/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    ...(svelteConfig ? svelte.configs['flat/recommended'] : []),
    prettier,
    ...(svelteConfig ? svelte.configs['flat/prettier'] : []),
    {
      languageOptions: {
        globals: { ...globals.node, ...globals.browser },
        parserOptions: {
          projectService: true,
          tsconfigRootDir,
          extraFileExtensions: ['.svelte'],
        },
      },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/switch-exhaustiveness-check': [
          'error',
          { considerDefaultExhaustiveForUnions: true },
        ],
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
        eqeqeq: ['error', 'always', { null: 'ignore' }],
      },
    },
    ...(svelteConfig
      ? [
          {
            files: ['**/*.svelte', '**/*.svelte.ts'],
            languageOptions: {
              parserOptions: { parser: tseslint.parser, svelteConfig },
            },
          },
        ]
      : []),
    {
      files: ['**/*.js', '**/*.mjs'],
      ...tseslint.configs.disableTypeChecked,
    },
  );
}

export default thriveConfig();
