/** The sound bank's levels from the learner's settings. */
import type { Settings } from '../app/settings';
import type { SoundLevels } from './SoundBank';

export interface Listening {
  /** The class's window in presenter mode: its own overall level (settings.presenterVolume). */
  presenting?: boolean;
  /** The page is hidden (another tab): nothing plays. */
  hidden?: boolean;
}

export function levelsFrom(s: Settings, { presenting = false, hidden = false }: Listening = {}): SoundLevels {
  return {
    master: presenting ? s.presenterVolume : s.volume,
    room: s.roomToneVolume,
    effects: s.effectsVolume,
    muted: s.muted || hidden,
  };
}
