import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The house's floors, lowest first. A file may import from its own floor's folder and from any
 * floor below; never from one above, nor from a neighbour on the same floor. README, "Where a
 * change goes", says what each floor is for. (src/engine has its own, stricter rule below.)
 */
const FLOORS = [['engine'], ['platform'], ['app'], ['ui'], ['audio', 'game', 'trainer'], ['runner']];
const NODE_SIDE = ['build', 'package', 'cli'];
const layerRules = FLOORS.flatMap((floor, level) =>
  floor.map((folder) => {
    const above = FLOORS.slice(level + 1).flat();
    const neighbours = floor.filter((f) => f !== folder);
    const banned = [...above, ...neighbours, ...NODE_SIDE];
    return {
      files: [`src/${folder}/**/*.ts`],
      ignores: folder === 'engine' ? ['**'] : [],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: [...banned.flatMap((f) => [`**/${f}/*`, `**/${f}`]), '**/main'],
                message: `src/${folder} may import only from floors below it (${
                  FLOORS.slice(0, level).flat().join(', ') || 'none'
                }): engine ← platform ← app ← ui ← audio/game/trainer ← runner ← main.`,
              },
            ],
          },
        ],
        // import() too: a lazily loaded module is still an arrow of the house.
        'no-restricted-syntax': [
          'error',
          {
            selector: `ImportExpression > Literal[value=/(^|\\/)(${[...banned, 'main'].join('|')})(\\/|$)/]`,
            message: `src/${folder} may not load a module from a floor above it or beside it, even lazily.`,
          },
        ],
      },
    };
  }),
);

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
  ...layerRules,
  // The Node side, lowest first: build (reads scenario files) ← package ← cli.
  ...[
    ['build', ['package', 'cli']],
    ['package', ['cli']],
  ].map(([folder, above]) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: above.flatMap((f) => [`**/${f}/*`, `**/${f}`]),
              message: `src/${folder} sits below ${above.join(' and ')}: build ← package ← cli.`,
            },
          ],
        },
      ],
    },
  })),
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
