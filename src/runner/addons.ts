/** The add-ons every conversation gets (what an add-on is: src/app/addon.ts). */
import type { Addon, AddonContext } from '../app/addon';
import { soundAddon } from '../audio/soundAddon';

export type { Addon, AddonContext, AddonSlots } from '../app/addon';

export const ADDONS: Addon[] = [soundAddon];

export function attachAddons(context: AddonContext): () => void {
  const stops = ADDONS.map((addon) => addon(context));
  return () => {
    for (const stop of stops) stop();
  };
}
