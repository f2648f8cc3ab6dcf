/// <reference types="vite-plugin-pwa/vanillajs" />

/** True in a built site, which has a service worker (not the dev server, not the single file). */
declare const __CAREPLAY_OFFLINE_APP__: boolean;

/** True in the single-file build (`--mode single`), which no learning platform launches. */
declare const __CAREPLAY_SINGLE_FILE__: boolean;
