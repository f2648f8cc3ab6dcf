// @vitest-environment happy-dom
/**
 * The trainer's panel drawn from the model (issue 16), in a DOM without a browser: on the class's
 * own screen it shows counts only until the trainer reveals the options, and never the trainer's
 * notes; in the presenter window it shows everything. As a presenter it draws what it is shown
 * and answers T itself.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app/App';
import { ClassSession } from '../../src/engine/ClassSession';
import { trainerPanelPresenter } from '../../src/trainer/classroom';
import { buildClassView } from '../../src/trainer/protocol';
import { keepingPlace, renderTrainerPanel } from '../../src/trainer/trainerPanel';
import { load, scenarioText } from '../helpers/fixtures';

const scenario = load(scenarioText('demo-gift.yaml')).scenario!;
const options = scenario.nodes.offer!.choices!;

function atFirstDecision() {
  const cs = new ClassSession(scenario);
  while (cs.session.canContinue) cs.session.next();
  cs.addVote('joke-decline');
  cs.addVote('joke-decline');
  return cs;
}

const text = (el: HTMLElement) => el.textContent ?? '';

describe('the trainer panel, from a ClassView', () => {
  it('on the class’s screen: counts only before the reveal, and nothing for the trainer alone', () => {
    const cs = atFirstDecision();
    const panel = renderTrainerPanel(buildClassView(cs, scenario.title), () => {}, { place: 'overlay' });
    expect(text(panel)).toContain('Counts only: the class can see this screen.');
    const counts = [...panel.querySelectorAll<HTMLInputElement>('input[type=number]')].map((i) => i.value);
    expect(counts).toEqual(cs.session.snapshot.choices.map((c) => (c.id === 'joke-decline' ? '2' : '0')));
    expect(text(panel)).toContain('2 votes recorded.');
    // No feedback, no score effects, no trainer's notes.
    for (const o of options) expect(text(panel)).not.toContain(o.feedback.why.slice(0, 40));
    expect(panel.querySelector('.effect')).toBeNull();
    expect(text(panel)).not.toContain(scenario.prebrief!.slice(0, 40));
    expect(panel.querySelector('.trainer-notes')).toBeNull();
  });

  it('after the reveal, every option’s feedback and effect; still no notes until the screen is blanked', () => {
    const cs = atFirstDecision();
    cs.revealOptions();
    const panel = renderTrainerPanel(buildClassView(cs, scenario.title), () => {}, { place: 'overlay' });
    expect(text(panel)).not.toContain('Counts only');
    const offered = cs.session.snapshot.choices.map((c) => options.find((o) => o.id === c.id)!);
    for (const o of offered) expect(text(panel)).toContain(o.feedback.why.slice(0, 40));
    expect(panel.querySelectorAll('.effect')).toHaveLength(offered.length);
    expect(panel.querySelector('.trainer-notes')).toBeNull();
    cs.blank();
    const blanked = renderTrainerPanel(buildClassView(cs, scenario.title), () => {}, { place: 'overlay' });
    expect(blanked.querySelector('.trainer-notes')).not.toBeNull();
  });

  it('in the presenter window: answers and notes from the start', () => {
    const cs = atFirstDecision();
    const panel = renderTrainerPanel(buildClassView(cs, scenario.title), () => {}, { place: 'window' });
    expect(panel.querySelector('.trainer-notes')).not.toBeNull();
    expect(panel.querySelectorAll('.effect').length).toBeGreaterThan(0);
  });

  it('acts only by commands', () => {
    const cs = atFirstDecision();
    const send = vi.fn();
    const panel = renderTrainerPanel(buildClassView(cs, scenario.title), send, { place: 'overlay' });
    panel.querySelector<HTMLButtonElement>('[aria-label="One more vote for option 1"]')!.click();
    const first = cs.session.snapshot.choices[0]!.id;
    expect(send).toHaveBeenCalledWith({ type: 'vote', choice: first, by: 1 });
    [...panel.querySelectorAll('button')].find((b) => /Go with the class/.test(text(b)))!.click();
    expect(send).toHaveBeenLastCalledWith({ type: 'goWithClass' });
    expect(cs.current()!.counts).toEqual({ 'joke-decline': 2 }); // the panel changed nothing itself
  });
});

describe('redrawing the panel keeps the trainer’s place', () => {
  const draw = (root: HTMLElement, cs: ClassSession) =>
    root.replaceChildren(
      renderTrainerPanel(buildClassView(cs, scenario.title), () => {}, { place: 'window' }),
    );
  const box = (root: HTMLElement, label: string) =>
    root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[aria-label="${label}"], #${label}`)!;

  /** A panel at the first decision, in the document (focus needs it), removed after each test. */
  let root: HTMLElement | null = null;
  const drawn = () => {
    root = document.createElement('div');
    document.body.append(root);
    const cs = atFirstDecision();
    draw(root, cs);
    return { root, cs };
  };
  afterEach(() => root?.remove());

  it('a count being typed survives a redraw from the other window; other counts update', () => {
    const { root, cs } = drawn();
    const typing = box(root, 'Votes for option 1');
    typing.focus();
    typing.value = '12'; // typed, not yet kept (no change event: the trainer has not left the box)
    const shown = cs.session.snapshot.choices.map((c) => c.id);
    const other = shown.findIndex((id, i) => i > 0 && id !== 'joke-decline');
    cs.addVote(shown[other]!); // a vote from the other window arrives
    keepingPlace(root, () => draw(root, cs));
    const after = box(root, 'Votes for option 1');
    expect(after).not.toBe(typing);
    expect(after.value).toBe('12');
    expect(document.activeElement).toBe(after);
    expect(box(root, `Votes for option ${other + 1}`).value).toBe('1');
  });

  it('a count that was kept gives way to a newer one', () => {
    const { root, cs } = drawn();
    box(root, 'Votes for option 1').focus();
    cs.addVote(cs.session.snapshot.choices[0]!.id);
    keepingPlace(root, () => draw(root, cs));
    expect(box(root, 'Votes for option 1').value).toBe(
      String(cs.current()!.counts[cs.session.snapshot.choices[0]!.id]),
    );
  });

  it('the class’s reasons being typed survive too, caret and all', () => {
    const { root, cs } = drawn();
    const reasons = box(root, 'class-reasons') as HTMLTextAreaElement;
    reasons.focus();
    reasons.value = 'She needs a quiet room';
    reasons.setSelectionRange(4, 4);
    cs.addVote(cs.session.snapshot.choices[1]!.id);
    keepingPlace(root, () => draw(root, cs));
    const after = box(root, 'class-reasons') as HTMLTextAreaElement;
    expect(after.value).toBe('She needs a quiet room');
    expect(after.selectionStart).toBe(4);
    expect(document.activeElement).toBe(after);
  });
});

describe('the trainer panel as a presenter', () => {
  it('draws the model’s class view and error, hidden until T', () => {
    const ui = document.createElement('div');
    document.body.append(ui);
    const presenter = trainerPanelPresenter({ ui } as unknown as App, () => true);
    const cs = atFirstDecision();
    presenter.show({
      trainer: { view: buildClassView(cs, scenario.title), error: 'There is nothing to undo.' },
    });
    const host = ui.querySelector<HTMLElement>('.trainer-host')!;
    expect(host.hidden).toBe(true);
    expect(host.querySelector('[role=alert]')?.textContent).toBe('There is nothing to undo.');
    expect(presenter.intercept!({ type: 'panel' })).toBe(true);
    expect(host.hidden).toBe(false);
    expect(presenter.intercept!({ type: 'goOn' })).toBe(false);
    // No class in the model (a learner's run): nothing drawn.
    presenter.show({ trainer: null });
    expect(host.querySelector('[role=alert]')).not.toBeNull();
    presenter.dispose();
    expect(ui.querySelector('.trainer-host')).toBeNull();
  });
});
