/**
 * Things that react to a running Session without the conversation knowing about them (sound,
 * captions, read-aloud). Each gets the Session's typed events and the conversation's slots in
 * the HTML layer, and returns how to stop.
 */
import { soundAddon } from '../audio/soundAddon';
import type { Session } from '../engine/Session';
import type { App } from './App';
import type { PlayableScenario } from './catalogueTypes';

export interface AddonSlots {
  /** A place in the top bar for small controls (e.g. a mute button). */
  controls: HTMLElement;
  /** A place above the dialogue panel for captions. */
  captions: HTMLElement;
}

export interface AddonContext {
  app: App;
  session: Session;
  playable: PlayableScenario;
  slots: AddonSlots;
}

export type Addon = (context: AddonContext) => () => void;

/** The add-ons every conversation gets. */
export const ADDONS: Addon[] = [soundAddon];

export function attachAddons(context: AddonContext): () => void {
  const stops = ADDONS.map((addon) => addon(context));
  return () => {
    for (const stop of stops) stop();
  };
}
