/** The add-ons every conversation gets (what an add-on is: src/ui/addon.ts). */
import type { Addon, AddonContext } from '../ui/addon';
import { soundAddon } from '../audio/soundAddon';

export type { Addon, AddonContext, AddonSlots } from '../ui/addon';

export const ADDONS: Addon[] = [soundAddon];

/** Each add-on, attached to this conversation: presenters for the runner. */
export function attachAddons(context: AddonContext) {
  return ADDONS.map((addon) => addon(context));
}
