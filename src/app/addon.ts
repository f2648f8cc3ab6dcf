/**
 * What an add-on is: something that reacts to a running Session without the conversation knowing
 * about it (sound, captions, read-aloud). It gets the Session's typed events and the
 * conversation's slots in the HTML layer, and returns how to stop. The runner attaches them
 * (src/runner/addons.ts); the add-ons themselves live with what they present (src/audio/).
 */
import type { Session } from '../engine/Session';
import type { App } from './App';
import type { PlayableScenario } from './catalogueTypes';

export interface AddonSlots {
  /** A place in the top bar for small controls (e.g. a mute button). */
  controls: HTMLElement;
  /** A place above the dialogue panel for captions. */
  captions: HTMLElement;
}

/** What an add-on hears of the Session on show (in presenter mode, a what-if's while on one). */
export type ShownSession = Pick<Session, 'on' | 'snapshot' | 'ended'>;

export interface AddonContext {
  app: App;
  session: ShownSession;
  playable: PlayableScenario;
  slots: AddonSlots;
}

export type Addon = (context: AddonContext) => () => void;
