/**
 * CarePlay's entry: the HTML layer, the settings, and the Phaser game that draws the room.
 * Nothing here, or anywhere in the app, talks to the network, except to the learning platform
 * that launched it (src/platform/), and only when one did.
 */
import '@fontsource/atkinson-hyperlegible-next/latin-400.css';
import '@fontsource/atkinson-hyperlegible-next/latin-700.css';
import '@fontsource/opendyslexic/latin-400.css';
import './ui/styles.css';
import { App } from './app/App';
import { browserStore } from './app/storage';
import { createGame } from './game/createGame';

const stage = document.getElementById('stage')!;
const ui = document.getElementById('ui')!;
const app = new App(browserStore(), ui);

// The installable offline app: from a web server only (not a file, not the single-file build).
if (__CAREPLAY_OFFLINE_APP__ && location.protocol !== 'file:') {
  void import('./app/pwa').then((m) => m.startOfflineApp(app));
}

if (new URLSearchParams(location.search).has('presenter')) {
  // The presenter window: notes and remote control only; the audience window draws the room.
  stage.remove();
  void import('./trainer/presenterWindow').then((m) => m.bootPresenter(app));
} else {
  const game = createGame(stage, app);
  // Keep the canvas in step at once when only the stage's box changes (e.g. a phone rotates).
  new ResizeObserver(() => game.scale.refresh()).observe(stage);
  import.meta.hot?.dispose(() => game.destroy(true));
}
