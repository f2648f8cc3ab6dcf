/**
 * The sound add-on: everything a conversation gets for sound, through the add-on seam
 * (src/ui/addon.ts). A mute button in the top bar and the M key (the runner's 'mute' command);
 * captions above the dialogue panel; read aloud, of each new line the model shows; and the sound
 * bank, following the models (followModel.ts: the room by the model's place, and a cue for each
 * of its moments: a click, a door, a face, an ending). It reads nothing from the Session.
 *
 * Howler and the sound files come in with a dynamic import() once the first conversation has
 * appeared (the learner has pressed Start, so audio may play), and stay loaded for the next one.
 * If sound is muted they are not loaded until it is switched on. If loading fails, or the device
 * has no audio, the conversation carries on without sound and without a word in the console.
 */
import type { Addon } from '../ui/addon';
import type { App } from '../app/App';
import { announce, h } from '../ui/dom';
import { CaptionBoard } from './CaptionBoard';
import { followModel, type ModelFollower } from './followModel';
import { levelsFrom } from './levels';
import type { LineView } from '../engine/Session';
import type { ConversationModel } from '../ui/conversationModel';
import { browserSpeech, readAloud, type LineSource, type ReadAloud } from './readAloud';
import type { SoundBank } from './SoundBank';

const banks = new WeakMap<App, Promise<SoundBank | null>>();

/** How long after a conversation appears its sound starts to load, if no key or click comes first. */
const SETTLE_MS = 1200;

/** The app's sound bank, loading it the first time. Null where it cannot be had. */
function soundBankFor(app: App, levels: Parameters<SoundBank['setLevels']>[0]): Promise<SoundBank | null> {
  let bank = banks.get(app);
  if (!bank) {
    bank = import('./loadSoundBank')
      .then((m) => m.createSoundBank(levels))
      .catch(() => {
        banks.delete(app); // try again next conversation
        return null;
      });
    banks.set(app, bank);
  }
  return bank;
}

export const soundAddon: Addon = (context) => {
  const { app, slots } = context;

  const settings = () => app.settings.value;
  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';
  // Presenter mode plays at its own level. (Its second window, the trainer's, runs no
  // conversation, so only the window the class sees ever makes sound.)
  const levels = () => levelsFrom(settings(), { presenting: app.presenter, hidden: hidden() });

  const captions = new CaptionBoard(slots.captions, () => settings().captions);
  // Read aloud follows the model: each new line the runner shows is said once.
  let shown: ConversationModel | null = null;
  const lineListeners = new Set<(event: { line: LineView }) => void>();
  const lines: LineSource = {
    get snapshot() {
      return { line: shown?.line ?? null };
    },
    on(_type, listener) {
      lineListeners.add(listener);
      return () => lineListeners.delete(listener);
    },
  };
  // Made with the first model, which says who is in the cast.
  let speech: ReadAloud | null = null;
  const speak = (model: ConversationModel) =>
    readAloud(lines, browserSpeech(), {
      cast: model.about.cast,
      enabled: () => settings().readAloud,
      volume: () => (levels().muted ? 0 : levels().master),
    });

  const setMuted = (muted: boolean) => {
    if (!app.settings.update({ muted }))
      app.notify('Settings could not be saved on this device; they will last until you close the page.');
  };
  const muteButton = h('button', {
    type: 'button',
    class: 'button small secondary sound-toggle',
    'aria-keyshortcuts': 'M',
    title: 'Sound on or off (M)',
    onclick: () => setMuted(!settings().muted),
  });
  const renderButton = () => {
    muteButton.textContent = settings().muted ? 'Unmute' : 'Mute';
  };
  renderButton();
  slots.controls.appendChild(muteButton);

  let bank: SoundBank | null = null;
  let follower: ModelFollower | null = null;
  let offCaptions: (() => void) | null = null;
  let stopped = false;

  // The scene appears first and its sound joins a moment later (or at the learner's first
  // command, by key or click, or first touch), so drawing the room never competes with fetching
  // and decoding sound, and leaving at once fetches nothing.
  let waiting = true;
  const settle = setTimeout(() => begin(), SETTLE_MS);
  const begin = () => {
    if (!waiting) return;
    waiting = false;
    clearTimeout(settle);
    document.removeEventListener('pointerdown', begin, true);
    connect();
  };
  document.addEventListener('pointerdown', begin, true);

  const connect = () => {
    if (waiting || bank || stopped || levels().muted) return;
    void soundBankFor(app, levels()).then((loaded) => {
      if (!loaded || stopped || bank) return;
      bank = loaded;
      bank.setLevels(levels());
      offCaptions = bank.onCaption((e) => captions.show(e));
      follow();
    });
  };
  // Sound joins at the model on show: what happened before it is not played late.
  const follow = () => {
    if (!bank || follower || !shown) return;
    follower = followModel(shown, bank, { assessment: () => settings().mode === 'assessment' });
  };

  let wasMuted = levels().muted;
  const apply = () => {
    const now = levels();
    renderButton();
    if (now.muted && !wasMuted) captions.clearCues();
    wasMuted = now.muted;
    bank?.setLevels(now);
    captions.render();
    speech?.refresh();
    connect();
  };

  const offSettings = app.settings.onChange(apply);
  document.addEventListener('visibilitychange', apply);

  return {
    show(model) {
      const fresh = model.lineKey !== shown?.lineKey;
      // Before `shown` is set, so the first line is said once, as a new line, not twice.
      speech ??= speak(model);
      shown = model;
      const line = model.line;
      if (fresh && line) for (const listener of [...lineListeners]) listener({ line });
      if (follower) follower.show(model);
      else follow();
    },
    /** Any command is a moment sound may start; M ('mute') turns it off or on. */
    intercept(command) {
      begin();
      if (command.type !== 'mute') return false;
      const muted = !settings().muted;
      setMuted(muted);
      announce(muted ? 'Sound off.' : 'Sound on.');
      return true;
    },
    dispose() {
      stopped = true;
      waiting = false;
      clearTimeout(settle);
      document.removeEventListener('pointerdown', begin, true);
      offSettings();
      document.removeEventListener('visibilitychange', apply);
      follower?.stop();
      offCaptions?.();
      bank?.stopAll();
      speech?.stop();
      captions.destroy();
      muteButton.remove();
    },
  };
};
