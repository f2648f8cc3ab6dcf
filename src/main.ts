/**
 * CarePlay's entry: the HTML layer, the settings and the menu, which is usable at once. The
 * Phaser game that draws the room, and the conversation code, load behind the menu after its
 * first paint; they are never in this first script (`npm run bench` measures what is).
 * Nothing here, or anywhere in the app, talks to the network, except to the learning platform
 * that launched it (src/platform/), and only when one did.
 */
import '@fontsource/atkinson-hyperlegible-next/latin-400.css';
import '@fontsource/atkinson-hyperlegible-next/latin-700.css';
import '@fontsource/opendyslexic/latin-400.css';
// Text shows at once in a local font scaled to the real faces' metrics; they swap in unseen.
import './ui/fontFallbacks.css';
import './ui/styles.css';
import { App } from './app/App';
import { browserStore } from './app/storage';
import { connectPlatform, launchOf } from './platform/connect';
import { createMenuScreen } from './ui/menuScreen';

const stage = document.getElementById('stage')!;
const ui = document.getElementById('ui')!;
const app = new App(browserStore(), ui);
app.loadRunner = () => import('./runner/play');
const presenterWindow = new URLSearchParams(location.search).has('presenter');
app.onlyScenario = launchOf(location.search).scenarioId;

/**
 * No top-level await here: chunks loaded later (the platform's adapter among them) import from
 * this first script's chunk, and would wait for ever for a module still awaiting them.
 */
async function start(): Promise<void> {
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
  // Its worker fetches every file CarePlay has, so it starts once the room is in, not before: on a
  // slow network it would otherwise compete with what the learner is waiting for.
  const startOfflineApp = () => {
    if (__CAREPLAY_OFFLINE_APP__ && location.protocol !== 'file:' && !app.platform) {
      void import('./app/pwa').then((m) => m.startOfflineApp(app));
    }
  };

  if (presenterWindow) {
    // The presenter window: notes and remote control only; the audience window draws the room.
    stage.remove();
    void import('./trainer/presenterWindow').then((m) => m.bootPresenter(app));
    startOfflineApp();
  } else {
    // Behind the menu, once it has painted: the room (Phaser and its art) and the conversation
    // code, fetched at once but never in the menu's way.
    let painted!: () => void;
    const afterPaint = new Promise<void>((resolve) => (painted = resolve));
    const room = afterPaint
      .then(() => import('./game/createGame'))
      .then(({ createGame }) => {
        const game = createGame(stage, app, menu);
        // createGame keeps the canvas in step with the stage's box itself (measured, then refit).
        import.meta.hot?.dispose(() => game.destroy(true));
        return game;
      });
    const conversation = afterPaint.then(() => app.loadRunner());
    const menu = createMenuScreen(app, { room, conversation });
    menu.show();
    room.then(startOfflineApp, (error: unknown) => menu.roomFailed(error));
    // The conversation code failing to load is said by the Conversation scene, if it is needed.
    conversation.catch(() => undefined);
    // requestAnimationFrame runs just before the next paint, so the timeout after it runs just
    // after; the second timeout covers a page opened in the background, which does not paint.
    let once = false;
    const go = () => {
      if (once) return;
      once = true;
      painted();
    };
    requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 250);
  }
}

void start();
