/**
 * The conversation's view model (issue 16): plain data built from the Session on show and the
 * runner's state, and nothing a presenter would have to reach into the Session or the scenario
 * for. Pure, so it runs in Node.
 */
import { describe, expect, it } from 'vitest';
import { ClassSession } from '../../src/engine/ClassSession';
import { Session } from '../../src/engine/Session';
import { selectedOption, type ModelState } from '../../src/ui/conversationModel';
import { audienceInfo as audience, modelOf as modelFor, playableOf } from '../helpers/conversation';
import { references } from '../helpers/fixtures';

const playable = playableOf();
const modelOf = (session: Session, over: Partial<ModelState> = {}) => modelFor(playable, session, over);

describe('the conversation model', () => {
  it('a learner’s first line: the words, the speaker as a cast member, the role note, and nothing of a class', () => {
    const session = new Session(playable.scenario);
    const first = modelOf(session);
    expect(first).toMatchObject({
      phase: 'line',
      lineKey: 'offer:0:0',
      roleNote: playable.scenario.learnerRole,
      choices: [],
      prompt: null,
      revealed: null,
      feedback: null,
      audience: null,
      where: playable.scenario.locations.lounge!.name,
    });
    expect(first.line).toMatchObject({ speaker: 'narrator', member: null, medium: 'speech' });
    session.next();
    const second = modelOf(session);
    // The role is said once, before the first words.
    expect(second.roleNote).toBeNull();
    const arthur = playable.scenario.cast.arthur!;
    expect(second.line).toMatchObject({
      speaker: 'arthur',
      member: { name: arthur.name, role: arthur.role },
    });
  });

  it('what sound needs: the kind of place the conversation is in (before the room walks there) and every kind the scenario has', () => {
    const session = new Session(playable.scenario);
    expect(modelOf(session)).toMatchObject({ locationKind: 'lounge', moments: [] });
    expect(modelOf(session).about.locationKinds).toEqual(['lounge', 'office']);
    while (session.canContinue) session.next();
    session.choose('decline-flat');
    while (session.canContinue) session.next();
    session.choose('walk-off'); // lounge → the office, at handover
    // The feedback is still being read: the room has not walked to the office yet.
    const room = { location: 'lounge', present: ['arthur'], expressions: {}, speaker: null, arrival: 0 };
    const moved = modelOf(session, { where: 'lounge', room });
    expect(moved.where).toBe(playable.scenario.locations.lounge!.name);
    expect(moved.locationKind).toBe('office');
  });

  it('is plain data: it survives a trip through JSON unchanged (it can go to another window)', () => {
    const session = new Session(playable.scenario);
    while (session.canContinue) session.next();
    const model = modelOf(session, {
      audience: audience({ revealed: true }),
      selected: { decision: 'offer:0', id: 'joke-decline' },
    });
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('the practice feedback on a choice: its words, the guidance by title, and how it went', () => {
    const session = new Session(playable.scenario);
    while (session.canContinue) session.next();
    const option = session.reveal().find((o) => o.id === 'accept-quietly')!;
    session.choose('accept-quietly');
    const model = modelOf(session, { feedback: option });
    expect(model.feedback).toEqual({
      text: option.text,
      why: option.feedback.why,
      sources: option.feedback.sources.map((k) => references().sources[k]?.title ?? k),
      tone: 'poor',
    });
    expect(model.feedback!.sources.join()).not.toMatch(/code-of-conduct|cc-1/);
  });

  it('in a classroom: the prompt to discuss at a decision; every option’s feedback only once revealed', () => {
    const cs = new ClassSession(playable.scenario);
    const session = cs.session;
    while (session.canContinue) session.next();
    // Not revealed: no option's feedback, whatever was last on show.
    const hidden = modelOf(session, {
      audience: audience(),
      selected: { decision: 'offer:0', id: 'joke-decline' },
    });
    expect(hidden.prompt).toBe(playable.scenario.nodes.offer!.discuss);
    expect(hidden.revealed).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain(playable.scenario.nodes.offer!.choices![0]!.feedback.why);
    const votes = { 'joke-decline': 3, 'decline-kindly': 1 };
    const selected = selectedOption(session.snapshot, null, votes);
    expect(selected).toEqual({ decision: 'offer:0', id: 'joke-decline' });
    const shown = modelOf(session, { audience: audience({ revealed: true, votes }), selected });
    expect(shown.revealed!.selected).toBe('joke-decline');
    expect(shown.revealed!.options.map((o) => o.id)).toEqual(session.snapshot.choices.map((c) => c.id));
    // A learner never gets a prompt, even at a decision.
    expect(modelOf(session).prompt).toBeNull();
  });

  it('keeps the option on show while the decision is the same; at another decision, the most voted', () => {
    const session = new Session(playable.scenario);
    while (session.canContinue) session.next();
    const kept = { decision: 'offer:0', id: 'decline-flat' };
    expect(selectedOption(session.snapshot, kept, { 'joke-decline': 5 })).toBe(kept);
    expect(selectedOption(session.snapshot, { decision: 'brooch:1', id: 'x' }, null)).toEqual({
      decision: 'offer:0',
      id: session.snapshot.choices[0]!.id,
    });
  });
});
