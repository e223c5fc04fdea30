// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The engine (`shared/`) is pure: the renderer, the main process, a Web Worker and the command
 * line all run it. These imports would tie it to one of them, so the lint step fails on them.
 */
const ENGINE_FORBIDDEN = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'shared/ is the pure engine: no React.' },
  { group: ['three', 'three/*', '@react-three/*'], message: 'shared/ is the pure engine: no three.js.' },
  { group: ['electron', 'electron/*'], message: 'shared/ is the pure engine: no Electron.' },
  { group: ['zustand', 'zustand/*', 'immer'], message: 'shared/ is the pure engine: UI state lives in renderer/.' },
  {
    group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'worker_threads', 'stream', 'util'],
    message: 'shared/ is the pure engine: no Node built-ins.',
  },
  { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ must not depend on the layers above it.' },
];

export default tseslint.config(
  {
    ignores: [
      'electron/types/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: ENGINE_FORBIDDEN }],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'process',
          'require',
          'Buffer',
          'fetch',
        ].map((name) => ({ name, message: 'shared/ is the pure engine: no DOM or Node globals.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'fs', 'path'],
              message: 'The renderer reaches the host only through window.hallwright.',
            },
            { group: ['**/electron/**'], message: 'The renderer reaches the host only through window.hallwright.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'scripts/**/*.{ts,mjs,js}',
      'cli/**/*.ts',
      'bin/**/*.mjs',
      'e2e/**/*.ts',
      '*.config.{ts,js}',
      '**/*.test.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
