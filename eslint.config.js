import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-single/',
      'package/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'tests/output/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: it runs in Node under test and knows nothing of the screen or speakers.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['phaser', 'phaser/*'],
              message: 'src/engine must not import Phaser: views read the Session instead.',
            },
            {
              group: ['howler', 'howler/*'],
              message: 'src/engine must not import Howler: sound reacts to Session events.',
            },
            {
              group: ['node:*', 'fs', 'path'],
              message: 'src/engine takes text, not files, so it also runs in the browser.',
            },
            {
              group: ['../game/*', '../audio/*', '../trainer/*', '../ui/*'],
              message: 'src/engine must not depend on views.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/engine must not touch the DOM.' },
        { name: 'document', message: 'src/engine must not touch the DOM.' },
        { name: 'localStorage', message: 'src/engine must not touch browser storage; save() returns data.' },
        { name: 'navigator', message: 'src/engine must not touch the browser.' },
      ],
    },
  },
  {
    // Platform adapters (SCORM, cmi5) read the engine's results and talk to the platform; the app
    // calls them through src/platform/types.ts. They never reach into the views.
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'phaser',
                'phaser/*',
                'howler',
                '../game/*',
                '../audio/*',
                '../trainer/*',
                '../ui/*',
                '../app/*',
              ],
              message: 'src/platform depends on the engine only; the app calls it, not the other way round.',
            },
          ],
        },
      ],
    },
  },
);
