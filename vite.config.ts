import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
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

/**
 * The single-file build (`--mode single`): one HTML file with everything inside, to open from
 * a USB stick or an e-mail. Every browser that runs CarePlay reads WOFF2, so the fonts' WOFF
 * fallbacks are left out of it (they would add about 250 KB), and the favicon goes inline.
 */
function singleFileExtras(): Plugin {
  const favicon = readFileSync('public/favicon.svg', 'utf8');
  return {
    name: 'careplay-single-file',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@fontsource') || !id.endsWith('.css')) return undefined;
      return code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, '');
    },
    transformIndexHtml(html) {
      return html.replace(
        /<link rel="icon"[^>]*>/,
        `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,${encodeURIComponent(favicon)}" />`,
      );
    },
  };
}

/**
 * The two faces the menu is written in, asked for with the page rather than when the menu's first
 * layout finds it needs them. Found later, the menu was laid out twice as the page opened: first
 * in the fallback face (which has to be looked up among the device's own fonts), then again when
 * the real face arrived. Together they are 25 KB. A learner who chose another font in Settings
 * downloads them for nothing; the browser says so in its console, as a warning.
 */
function preloadMenuFonts(): Plugin {
  return {
    name: 'careplay-preload-menu-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const faces = Object.keys(ctx.bundle ?? {})
          .filter((f) => /atkinson-hyperlegible-next-latin-(400|700)-normal-[^/]*\.woff2$/.test(f))
          .sort();
        return faces.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig(({ command, mode }) => {
  const single = mode === 'single';
  return {
    // Relative addresses: the same build works at a site's root, in a sub-folder
    // (/training/careplay/), inside an LMS package, and (single file) from file://.
    base: './',
    plugins: [
      scenarioPlugin({ packed: single }),
      single ? [] : preloadMenuFonts(),
      single
        ? [singleFileExtras(), viteSingleFile({ removeViteModuleLoader: true })]
        : VitePWA({
            // A new version waits for the learner to say yes: it never changes under them.
            registerType: 'prompt',
            injectRegister: false,
            manifest: {
              name: 'CarePlay',
              short_name: 'CarePlay',
              description: 'Practise hard conversations in health and social care.',
              lang: 'en-GB',
              start_url: '.',
              scope: '.',
              display: 'standalone',
              background_color: '#f4efe6',
              theme_color: '#1f5c6b',
              icons: [
                { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
                { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
                { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
              ],
            },
            workbox: {
              // Everything the app can need, sounds and fonts included, so it plays offline.
              globPatterns: ['**/*.{js,css,html,svg,png,woff2,mp3}'],
              globIgnores: ['**/*.map', 'package/**'],
              maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
              navigateFallback: null,
              cleanupOutdatedCaches: true,
              // Every query (?scenario=…, ?presenter=1, an LMS's launch parameters) is read by the
              // page itself, so any of them is served from the same cached files.
              ignoreURLParametersMatching: [/.*/],
            },
          }),
    ],
    resolve: {
      alias: [
        { find: /^phaser$/, replacement: join(phaserSrc, 'phaser-core.js') },
        { find: /^phaser\/src\/(.*)$/, replacement: join(phaserSrc, '$1') },
      ],
    },
    define: {
      ...phaserFlags,
      // The service worker exists only in a built site (not the dev server, not the single file).
      __CAREPLAY_OFFLINE_APP__: JSON.stringify(command === 'build' && !single),
      // The single file is opened from a USB stick or an e-mail, never launched by a learning
      // platform (those get the SCORM and cmi5 packages): its adapters are left out of it.
      __CAREPLAY_SINGLE_FILE__: JSON.stringify(single),
    },
    // The dev server's dependency pre-bundler ignores `define` above; it needs its own copy.
    optimizeDeps: { rolldownOptions: { transform: { define: phaserFlags } } },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
    build: single
      ? { target: 'es2022', outDir: 'dist-single', sourcemap: false, chunkSizeWarningLimit: 4000 }
      : {
          target: 'es2022',
          sourcemap: true,
          chunkSizeWarningLimit: 900,
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  // Phaser in a chunk of its own, named so: it loads behind the menu (src/main.ts),
                  // and the tests and the bench hold it back by name to press Start before it arrives.
                  { name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ },
                  // What the menu needs, in one file with the entry rather than nine small ones: on a
                  // slow network each request costs a round trip. Chunks loaded later import from it,
                  // so src/main.ts must not use a top-level await (they would wait for it for ever).
                  { name: 'menu', tags: ['$initial'] },
                ],
              },
            },
          },
        },
  };
});
