import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vite';
import { scenarioPlugin } from './src/build/scenarioPlugin';

// Phaser's package exports only its prebuilt bundle (about 360 KB gzipped, physics and all).
// Aliasing `phaser` to its source's core entry (no physics, no sound) lets the build flags below
// drop what CarePlay does not use: about 210 KB gzipped. Types still come from phaser.d.ts.
const phaserSrc = join(dirname(createRequire(import.meta.url).resolve('phaser/package.json')), 'src');

// Flags Phaser's own webpack build defines. An undefined flag counts as ON (typeof X is the
// string "undefined"), so every one is set. Sound is Howler's job, not Phaser's.
const phaserFlags = {
  'typeof CANVAS_RENDERER': 'true',
  'typeof WEBGL_RENDERER': 'true',
  'typeof WEBGL_DEBUG': 'false',
  'typeof EXPERIMENTAL': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
  global: 'globalThis', // phaser-core.js sets global.Phaser
};

export default defineConfig({
  plugins: [scenarioPlugin()],
  resolve: {
    alias: [
      { find: /^phaser$/, replacement: join(phaserSrc, 'phaser-core.js') },
      { find: /^phaser\/src\/(.*)$/, replacement: join(phaserSrc, '$1') },
    ],
  },
  define: phaserFlags,
  // The dev server's dependency pre-bundler ignores `define` above; it needs its own copy.
  optimizeDeps: { rolldownOptions: { transform: { define: phaserFlags } } },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 900 },
});
