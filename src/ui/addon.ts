/**
 * What an add-on is: a presenter that joins every conversation without the conversation knowing
 * about it (sound, captions, read-aloud). It is shown the runner's model like any presenter, may
 * answer a command (M mutes), gets the conversation's slots in the HTML layer, and hears the
 * Session on show through the runner. The runner attaches them (src/runner/addons.ts); the
 * add-ons themselves live with what they present (src/audio/).
 */
import type { App } from '../app/App';
import type { PlayableScenario } from '../app/catalogueTypes';
import type { Session } from '../engine/Session';
import type { ConversationModel, PlayerCommand, Presenter } from './conversationModel';

export interface AddonSlots {
  /** A place in the top bar for small controls (e.g. a mute button). */
  controls: HTMLElement;
  /** A place above the dialogue panel for captions. */
  captions: HTMLElement;
}

/**
 * The Session on show, as the runner relays it (in presenter mode a what-if's while the class is
 * on one): its typed events for what the model does not carry, such as a cue or a door.
 */
export type ShownSession = Pick<Session, 'on' | 'snapshot' | 'ended'>;

export interface AddonContext {
  app: App;
  session: ShownSession;
  playable: PlayableScenario;
  slots: AddonSlots;
}

export type Addon = (context: AddonContext) => Presenter<ConversationModel, PlayerCommand>;
