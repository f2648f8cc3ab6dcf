// @vitest-environment happy-dom
/**
 * ConversationView as a presenter (issue 16), in a DOM without a browser: it draws the model it
 * is shown (it has no Session to read), sends every click as a command, and hears no keys (the
 * runner does).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app/App';
import { Session } from '../../src/engine/Session';
import type { ModelState, PlayerCommand } from '../../src/ui/conversationModel';
import { ConversationView } from '../../src/ui/conversationView';
import { audienceInfo as audience, modelOf as modelFor, playableOf } from '../helpers/conversation';
import { references } from '../helpers/fixtures';

const playable = playableOf();
const modelOf = (session: Session, over: Partial<ModelState> = {}) => modelFor(playable, session, over);
/** The view asks the app only whether to type lines out; the rest is for its dialogs. */
const app = { reducedMotion: () => true } as unknown as App;

let sent: PlayerCommand[];
const send = vi.fn((command: PlayerCommand) => {
  sent.push(command);
  return true;
});

function mount(classroom = false) {
  const view = new ConversationView(app, send, classroom);
  document.body.append(view.element);
  return view;
}

const live = () => [...document.querySelectorAll('#live p')].map((p) => p.textContent);

beforeEach(() => {
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'live' }));
  sent = [];
  send.mockClear();
});

describe('ConversationView, shown a model', () => {
  it('draws the line, who says it and where, and says the line once', () => {
    const session = new Session(playable.scenario);
    session.next();
    const view = mount();
    const model = modelOf(session);
    view.show(model);
    const el = view.element;
    expect(el.querySelector('h1')!.textContent).toBe(playable.scenario.title);
    expect(el.querySelector('.where')!.textContent).toBe(playable.scenario.locations.lounge!.name);
    const arthur = playable.scenario.cast.arthur!;
    expect(el.querySelector('.speaker')!.textContent).toBe(`${arthur.name} · ${arthur.role}`);
    expect(el.querySelector('.line-text')!.textContent).toContain('ever so good to me this week');
    expect(live().filter((t) => t?.startsWith(`${arthur.name}:`))).toHaveLength(1);
    // The same model again (a re-render for something else): not said twice.
    view.show({ ...model });
    expect(live().filter((t) => t?.startsWith(`${arthur.name}:`))).toHaveLength(1);
  });

  it('sends commands for its clicks, and hears no keys', () => {
    const session = new Session(playable.scenario);
    const view = mount();
    view.show(modelOf(session));
    [...view.element.querySelectorAll('button')].find((b) => b.textContent === 'Continue')!.click();
    expect(sent).toEqual([{ type: 'goOn' }]);
    while (session.canContinue) session.next();
    view.show(modelOf(session));
    const choices = [...view.element.querySelectorAll<HTMLButtonElement>('.choice')];
    expect(choices.map((b) => b.dataset.choice)).toEqual(session.snapshot.choices.map((c) => c.id));
    choices[1]!.click();
    expect(sent.at(-1)).toEqual({ type: 'choose', choice: session.snapshot.choices[1]!.id });
    sent.length = 0;
    for (const key of ['1', 'Enter', 'Escape', 'm', 'ArrowDown'])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    expect(sent).toEqual([]);
    view.dispose();
  });

  it('the practice feedback: what was said, why, the guidance by title; going on is a command', () => {
    const session = new Session(playable.scenario);
    while (session.canContinue) session.next();
    const option = session.reveal().find((o) => o.id === 'accept-quietly')!;
    session.choose('accept-quietly');
    const view = mount();
    view.show(modelOf(session, { feedback: option }));
    const box = view.element.querySelector<HTMLElement>('.line-box')!;
    expect(box.dataset.tone).toBe('poor');
    expect(box.querySelector('h2')!.textContent).toBe('About what you said · not the right move here');
    expect(box.querySelector('.sources')!.textContent).toContain(
      references().sources[option.feedback.sources[0]!]!.title,
    );
    view.element.querySelector<HTMLButtonElement>('.line-actions button')!.click();
    expect(sent).toEqual([{ type: 'goOn' }]);
    // Read: the conversation's line comes back.
    view.show(modelOf(session));
    expect(box.classList.contains('feedback')).toBe(false);
    expect(box.querySelector('.line-text')).not.toBeNull();
  });

  it('in a classroom: the prompt, the what-if sign and the blank, from the model’s audience part', () => {
    const session = new Session(playable.scenario);
    while (session.canContinue) session.next();
    const view = mount(true);
    view.show(modelOf(session, { audience: audience({ whatIfFrom: 2, blanked: true }) }));
    const el = view.element;
    expect(el.querySelector('.discuss')!.textContent).toContain(playable.scenario.nodes.offer!.discuss!);
    expect(el.querySelector('.what-if-sign')!.textContent).toMatch(/^What if… from decision 2/);
    expect(el.querySelector('.class-blank')).not.toBeNull();
    view.show(modelOf(session, { audience: audience() }));
    expect(el.querySelector('.what-if-sign')).toBeNull();
    expect(el.querySelector('.class-blank')).toBeNull();
    view.dispose();
  });

  it('after a reveal, a new option on show changes in place: the list is not drawn again', () => {
    const session = new Session(playable.scenario);
    while (session.canContinue) session.next();
    const view = mount(true);
    const [a, b] = session.snapshot.choices;
    const revealed = audience({ revealed: true });
    view.show(modelOf(session, { audience: revealed, selected: { decision: 'offer:0', id: a!.id } }));
    const list = view.element.querySelector('.choices')!;
    const selected = () =>
      [...list.querySelectorAll('li[data-selected]')].map((li) =>
        li.querySelector('.choice')!.getAttribute('data-choice'),
      );
    expect(selected()).toEqual([a!.id]);
    view.show(modelOf(session, { audience: revealed, selected: { decision: 'offer:0', id: b!.id } }));
    expect(view.element.querySelector('.choices')).toBe(list);
    expect(selected()).toEqual([b!.id]);
    view.dispose();
  });
});
