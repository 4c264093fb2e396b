import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const unusedVars = { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true };
const noBuiltins = 'Workflow code runs in the Temporal sandbox: no Node built-ins; do this in an activity.';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.data/', '.tmp/', 'coverage/', '.bench/', '.venv-fuzz/', 'apps/console/web/src/api/generated/'],
  },

  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: globals.node },
    rules: { 'no-unused-vars': ['error', unusedVars] },
  },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },

  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', unusedVars],
    },
  },

  // The console runs in the browser: browser globals, TSX, no Node built-ins in its source.
  {
    files: ['apps/console/web/src/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', unusedVars],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: nodeBuiltins.map((name) => ({ name, message: 'The console runs in the browser.' })), patterns: ['node:*'] },
      ],
    },
  },
  { files: ['apps/console/web/vite.config.mts'], languageOptions: { globals: globals.node } },

  // Workflow code runs in Temporal's sandbox and is replayed: it must be deterministic and
  // bundleable, so no Node built-ins, no packages but the workflow SDK, and no clock or
  // randomness except the SDK's.
  {
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: noBuiltins })),
          patterns: [
            { group: ['node:*'], message: noBuiltins },
            {
              regex: `^(?!\\.{1,2}/|@temporalio/workflow$|node:|(?:${nodeBuiltins.map(escape).join('|')})(?:/|$))`,
              allowTypeImports: true,
              message:
                'Workflow code imports only @temporalio/workflow and relative paths (path aliases do not bundle; packages belong in activities). Type-only imports are fine.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        {
          name: 'Date',
          message: 'Read time through the workflow clock (workflows/order/clock.ts), not Date.',
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use uuid4() from @temporalio/workflow for ids; Math.random is not for workflow code.',
        },
        {
          object: 'globalThis',
          property: 'Date',
          message: 'Read time through the workflow clock (workflows/order/clock.ts), not Date.',
        },
      ],
    },
  },
);
