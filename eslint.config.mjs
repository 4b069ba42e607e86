import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The pure core must run in Node tests and in a Web Worker: no UI frameworks in lib/. */
const uiFrameworks = {
  patterns: [
    { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'lib/ is the pure core: no React here.' },
    { group: ['next', 'next/*'], message: 'lib/ is the pure core: no Next.js here.' },
    { group: ['zustand', 'zustand/*'], message: 'lib/ is the pure core: the store lives in lib/store only.' },
    { group: ['@xyflow/*'], message: 'lib/ is the pure core: React Flow belongs in components/.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.next-*/',
      'out/',
      'public/',
      'test-results/',
      'playwright-report/',
      'next-env.d.ts',
      '.bench-build/',
      '.test-output/',
      '**/*.tmp.*',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.tsx', '**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    ignores: ['lib/store/**'],
    rules: { 'no-restricted-imports': ['error', uiFrameworks] },
  },
  {
    // Export templates are pieces of the generated src/gan.ts and src/train.ts: the functions they
    // define are called by code the exporter adds around them, so "unused" is expected here.
    files: ['lib/export/templates/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // The stores are vanilla zustand: React binds them in components/store.
    files: ['lib/store/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: uiFrameworks.patterns.filter((p) => !p.group.includes('zustand')) }] },
  },
);
