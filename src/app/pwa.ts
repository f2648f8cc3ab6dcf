/**
 * The installable, offline app: registers the service worker that vite-plugin-pwa (Workbox)
 * generates. It keeps every file CarePlay needs, so after one visit the site works with the
 * network off. A new version is never switched in under a learner: it waits, and a banner offers
 * to update (the learner's place is saved on every step, so updating resumes where they were).
 */
import { registerSW } from 'virtual:pwa-register';
import type { App } from './App';

export function startOfflineApp(app: App): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    // Loaded after the page's load event, which registerSW would otherwise wait for.
    immediate: true,
    onNeedRefresh() {
      app.notify('A new version of CarePlay is ready. Your place is kept if you update now.', {
        label: 'Update now',
        dismiss: 'Later',
        run: () => void updateSW(true),
      });
    },
    onRegisterError() {
      // Offline use is a bonus: the app works the same without it.
    },
  });
}
