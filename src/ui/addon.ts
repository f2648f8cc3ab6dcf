/**
 * What an add-on is: a presenter that joins every conversation without the conversation knowing
 * about it (sound, captions, read-aloud). Like any presenter it is shown the runner's model (its
 * `moments` say what has just happened, for cues), may answer a command (M mutes), and gets the
 * conversation's slots in the HTML layer; it hears nothing from the Session and reads nothing of
 * the raw scenario (the model's `about` has what it needs, such as the cast). The runner attaches
 * them (src/runner/addons.ts); the add-ons themselves live with what they present (src/audio/).
 */
import type { App } from '../app/App';
import type { ConversationModel, PlayerCommand, Presenter } from './conversationModel';

export interface AddonSlots {
  /** A place in the top bar for small controls (e.g. a mute button). */
  controls: HTMLElement;
  /** A place above the dialogue panel for captions. */
  captions: HTMLElement;
}

export interface AddonContext {
  app: App;
  slots: AddonSlots;
}

export type Addon = (context: AddonContext) => Presenter<ConversationModel, PlayerCommand>;
