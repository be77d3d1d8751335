// ESLint for the whole workspace (flat config). Formatting is Prettier's job (.prettierrc.json);
// these rules catch mistakes. `npm run lint` runs both; .ci/run runs it before the tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-preview/**',
      '**/.astro/**',
      '**/.strapi/**',
      '.data/**',
      'cms/types/generated/**',
      'cms/public/**',
      'coverage/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // Plugin server code and the kit type their boundaries (below); tests, scripts and fakes may
      // take a shortcut where a third party's wire format is loose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-require-imports': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['plugins/*/server/src/**/*.ts', 'packages/plugin-kit/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['plugins/*/admin/src/**/*.{ts,tsx}', 'packages/plugin-kit/admin/**/*.{ts,tsx}', 'site/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
