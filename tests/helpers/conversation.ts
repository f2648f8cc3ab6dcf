/** A playable scenario and the conversation's view model for tests of the runner and its presenters. */
import type { PlayableScenario } from '../../src/app/catalogueTypes';
import type { Session } from '../../src/engine/Session';
import {
  aboutOf,
  buildConversationModel,
  type AudienceClassInfo,
  type ModelState,
} from '../../src/ui/conversationModel';
import { load, references, scenarioText } from './fixtures';

/** A shipped scenario as the app plays it (the gift demo unless another file is named). */
export function playableOf(file = 'demo-gift.yaml'): PlayableScenario {
  const loaded = load(scenarioText(file));
  return {
    scenario: loaded.scenario!,
    analysis: loaded.analysis!,
    references: references(),
    file,
    custom: false,
  };
}

/** The model for the Session as it stands, with the runner's state as given (else nothing read, nothing moved). */
export function modelOf(playable: PlayableScenario, session: Session, over: Partial<ModelState> = {}) {
  const snap = session.snapshot;
  return buildConversationModel(playable, aboutOf(playable), snap, () => session.reveal(), {
    feedback: null,
    selected: null,
    where: snap.location,
    room: {
      location: snap.location,
      present: snap.present,
      expressions: snap.expressions,
      speaker: null,
      arrival: 0,
    },
    audience: null,
    moments: [],
    ...over,
  });
}

/** What a class's screen shows of the group session: nothing revealed unless said. */
export function audienceInfo(over: Partial<AudienceClassInfo> = {}): AudienceClassInfo {
  return {
    votes: null,
    revealed: false,
    scores: null,
    blanked: false,
    whatIfFrom: null,
    timer: null,
    tie: null,
    resumed: null,
    ...over,
  };
}
