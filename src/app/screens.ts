/**
 * What each screen of a play-through is opened with. The Phaser scenes carry these from one
 * screen to the next; the runner (src/runner/) acts on them. Kept here, below both, so neither
 * imports the other's module for a type.
 */
import type { ClassSession } from '../engine/ClassSession';
import type { Session } from '../engine/Session';
import type { PlayableScenario } from './catalogueTypes';

export interface ConversationData {
  id: string;
  /** Already loaded (a trainer's file just checked, or a retry). */
  playable?: PlayableScenario;
  /** A session to carry on with (going back to a decision from the debrief). */
  session?: Session;
  /** Start afresh even if there is saved progress. */
  fresh?: boolean;
}

export interface DebriefData {
  playable: PlayableScenario;
  session: Session;
  /** In presenter mode: the class's votes and path, for the summary. */
  classSession?: ClassSession;
}
