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
import { connectPlatform, launchOf } from './platform/connect';

const stage = document.getElementById('stage')!;
const ui = document.getElementById('ui')!;
const app = new App(browserStore(), ui);
app.loadRunner = () => import('./runner/play');
const presenterWindow = new URLSearchParams(location.search).has('presenter');
app.onlyScenario = launchOf(location.search).scenarioId;

// Launched by a learning platform? Then progress goes to it, and nothing is kept on this device
// (the learner may be on a shared college computer): a learner for this page only.
if (!presenterWindow) {
  const platform = await connectPlatform((message) => app.notify(message));
  if (platform) {
    app.platform = platform;
    app.progress.startShared(platform.learnerName ?? 'Learner');
    addEventListener('pagehide', () => platform.end());
  }
}

// The installable offline app: from a web server only (not a file, not the single-file build).
if (__CAREPLAY_OFFLINE_APP__ && location.protocol !== 'file:' && !app.platform) {
  void import('./app/pwa').then((m) => m.startOfflineApp(app));
}

if (presenterWindow) {
  // The presenter window: notes and remote control only; the audience window draws the room.
  stage.remove();
  void import('./trainer/presenterWindow').then((m) => m.bootPresenter(app));
} else {
  const game = createGame(stage, app);
  // Keep the canvas in step at once when only the stage's box changes (e.g. a phone rotates).
  new ResizeObserver(() => game.scale.refresh()).observe(stage);
  import.meta.hot?.dispose(() => game.destroy(true));
}
