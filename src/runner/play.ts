/**
 * Playing a scenario: wires a Session to the room (Phaser) and the words (HTML), keeps the
 * learner's place saved on this device, and hands over to the debrief. Loaded on demand, so the
 * Session and XState are not in the menu's first download.
 */
import { keepPastClass, pastClass } from '../app/classRecords';
import type Phaser from 'phaser';
import { buildDebrief } from '../engine/debrief';
import { Session } from '../engine/Session';
import type { LocationKind } from '../engine/model';
import { RoomStage } from '../game/RoomStage';
import { openDialog } from '../ui/dialogs';
import { announce, h } from '../ui/dom';
import { ConversationView, PROJECTOR_QUERY } from '../ui/conversationView';
import { plainText } from '../ui/richText';
import { layOutLater, renderDebrief } from '../ui/debriefView';
import { attachAddons } from './addons';
import { attemptFrom } from '../app/attemptFrom';
import { readJson, type Attempt } from '../app/progressStore';
import type { App } from '../app/App';
import { classKey, newerProgressKey, notesKey, progressKey } from '../app/storageKeys';
import type { ClassSession } from '../engine/ClassSession';
import { applyCommand, buildClassView, CHANNEL, type Command, type Message } from '../trainer/protocol';
import {
  classSessionFor,
  presenterChannel,
  startClassroom,
  trainerPanelPresenter,
} from '../trainer/classroom';
import { ConversationRunner, type RunnerCommand } from './ConversationRunner';
import { roomPresenter } from './roomPresenter';
import { keepingPlace } from '../trainer/trainerPanel';
import { classSheets, renderClassSummary } from '../trainer/classSummary';
import type { PlayableScenario } from '../app/catalogueTypes';
import type { ConversationData, DebriefData } from '../app/screens';
import { resultFor } from '../platform/outcome';

export type { ConversationData, DebriefData } from '../app/screens';
export { exportPastClass, reopenPastClass } from '../trainer/pastClasses';

export async function runConversation(
  scene: Phaser.Scene,
  app: App,
  data: ConversationData,
  /** False once the scene has moved on: a run that finishes loading late must not touch the screen. */
  isCurrent: () => boolean = () => true,
): Promise<() => void> {
  const playable = data.playable ?? (await app.loadPlayable(data.id));
  if (!isCurrent()) return () => {};
  const scenario = playable.scenario;
  const words = Object.fromEntries(
    Object.entries(playable.references.expressions).map(([k, v]) => [k, v.says]),
  );
  const options = { expressionWords: words };

  let session = data.session;
  let cs: ClassSession | undefined;
  let resumed = false;
  if (app.presenter) {
    ({ cs, resumed } = classSessionFor(app, playable, session, options, data.fresh === true));
    session = cs.session;
  } else if (!session && !data.fresh) {
    // Launched by a learning platform: the place it kept (from any computer) comes first.
    const saved = app.platform?.savedPlace(scenario.id) ?? app.learnerStore.get(progressKey(scenario.id));
    if (saved) {
      session = await offerResume(app, playable, saved, options);
      if (!isCurrent()) return () => {};
    }
  }
  session ??= new Session(scenario, options);
  const s = session;

  const kinds = Object.fromEntries(
    Object.entries(scenario.locations).map(([id, l]) => [id, l.kind]),
  ) as Record<string, LocationKind>;
  // It fades in from dark as it is shown (RoomStage.show).
  const stage = new RoomStage(scene, scenario.cast, kinds);

  const classroom = cs ? startClassroom(app, playable, cs, resumed) : null;
  const runner = new ConversationRunner({
    app,
    playable,
    session: s,
    classroom,
    onDebrief: (shown) =>
      scene.scene.start('Debrief', { playable, session: shown, classSession: cs } satisfies DebriefData),
    onLeave: () => scene.scene.start('Menu'),
  });
  const send = (command: RunnerCommand) => runner.send(command);
  const view = new ConversationView(app, send, classroom !== null);
  app.mount(view.element);
  runner.attach(
    // Sound first: any command is a moment it may start.
    ...attachAddons({ app, slots: view.slots }),
    view,
    roomPresenter(app, stage, (arrival) => runner.send({ type: 'arrived', arrival })),
  );
  if (classroom) {
    // The panel sits above the conversation, so it comes after it in the page.
    runner.attach(trainerPanelPresenter(app, send), presenterChannel(app, send));
  }
  runner.start();
  if (classroom && s.snapshot.decisions.length === 0 && s.snapshot.lineIndex === 0 && !data.session)
    prebrief(app, playable);

  return () => runner.dispose();
}

/**
 * Presenter mode, before the class starts: what the class may see (the content note, their role,
 * the outcomes). The trainer's notes are not here: they are in the presenter window, and on one
 * screen in the panel while the class's screen is blanked. On a projector it is one screen, with
 * no scrolling: two columns, and the text made smaller until it fits (styles.css, PROJECTOR
 * LAYOUT).
 */
function prebrief(app: App, playable: PlayableScenario) {
  const s = playable.scenario;
  const begin = h('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, 'Begin');
  const dialog = openDialog(
    app,
    `Before the class starts: ${s.title}`,
    [
      h(
        'div',
        { class: 'prebrief-columns' },
        h(
          'div',
          {},
          s.contentNote
            ? h('p', { class: 'content-note' }, h('strong', {}, 'Content note: '), s.contentNote)
            : '',
          h('p', {}, plainText(s.learnerRole)),
        ),
        h(
          'div',
          {},
          h('h3', {}, 'What we are practising'),
          h('ul', {}, ...s.outcomes.map((o) => h('li', {}, h('strong', {}, o.standard), ': ', o.text))),
        ),
      ),
      h(
        'p',
        { class: 'note' },
        'For the trainer: your notes are in the presenter window (N), or on this screen behind a blank (full stop, then T). ? lists every key.',
      ),
    ],
    [begin],
  );
  dialog.classList.add('prebrief');
  fitPrebrief(dialog);
  begin.focus();
}

/** Smaller steps of text until the pre-brief needs no scrolling (on a projector only). */
function fitPrebrief(dialog: HTMLDialogElement) {
  if (!window.matchMedia(PROJECTOR_QUERY).matches) return;
  for (let size = 1; size >= 0.6; size -= 0.05) {
    dialog.style.setProperty('--fit', size.toFixed(2));
    if (dialog.scrollHeight <= dialog.clientHeight + 1) return;
  }
}

/** Ask whether to carry on from saved progress; a save that no longer fits is explained. */
function offerResume(
  app: App,
  playable: PlayableScenario,
  saved: string,
  options: ConstructorParameters<typeof Session>[1],
): Promise<Session | undefined> {
  const scenario = playable.scenario;
  const refuse = (why: string) => {
    // This run saves its own place over it as soon as it starts.
    app.notify(
      `Your saved place in “${scenario.title}” could not be used: ${why} It starts from the beginning.`,
    );
    return Promise.resolve(undefined);
  };
  const json = readJson(saved);
  if (!json.ok && json.why.includes('too large')) return refuse('it is far too large to be a saved place.');
  if (!json.ok && json.why.includes('damaged')) return refuse('it is damaged or was cut short.');
  const restored = Session.restore(scenario, json.ok ? json.value : saved, options);
  if (!restored.ok && /newer version/.test(restored.reason)) {
    // Worth keeping: a newer CarePlay can carry on from it. Set aside, so this run does not overwrite it.
    app.learnerStore.set(newerProgressKey(scenario.id), saved);
    return refuse(
      'it was saved by a newer version of CarePlay (it is kept, for when this page runs that version).',
    );
  }
  if (!restored.ok) {
    const why = restored.reason.replace(/ Please start the scenario again\.$/, '');
    return refuse(why.charAt(0).toLowerCase() + why.slice(1));
  }
  if (restored.session.snapshot.decisions.length === 0 && restored.session.snapshot.lineIndex === 0) {
    return Promise.resolve(undefined);
  }
  for (const note of restored.notes) app.notify(note);
  return new Promise((resolve) => {
    let answered = false;
    const carryOn = h(
      'button',
      {
        type: 'button',
        class: 'button',
        onclick: () => {
          answered = true;
          dialog.close();
          resolve(restored.session);
        },
      },
      'Carry on',
    );
    const restart = h(
      'button',
      {
        type: 'button',
        class: 'button secondary',
        onclick: () => {
          answered = true;
          app.learnerStore.remove(progressKey(scenario.id));
          dialog.close();
          resolve(undefined);
        },
      },
      'Start again',
    );
    const dialog = openDialog(
      app,
      'Carry on where you left off?',
      [
        h(
          'p',
          {},
          `You have made ${restored.session.snapshot.decisions.length} decision${restored.session.snapshot.decisions.length === 1 ? '' : 's'} in “${scenario.title}”.`,
        ),
      ],
      [restart, carryOn],
    );
    dialog.addEventListener('close', () => {
      if (!answered) resolve(restored.session);
    });
    carryOn.focus();
  });
}

export function runDebrief(scene: Phaser.Scene, app: App, data: DebriefData): () => void {
  const { playable, session } = data;
  const result = session.result();
  if (!result) {
    scene.scene.start('Conversation', {
      id: playable.scenario.id,
      playable,
      session,
    } satisfies ConversationData);
    return () => {};
  }
  const kinds = Object.fromEntries(
    Object.entries(playable.scenario.locations).map(([id, l]) => [id, l.kind]),
  ) as Record<string, LocationKind>;
  const stage = new RoomStage(scene, playable.scenario.cast, kinds);
  stage.setMotion(false);
  const snap = session.snapshot;
  stage.show(snap.location, snap.present, snap.expressions);
  app.learnerStore.remove(progressKey(playable.scenario.id));

  const model = buildDebrief(playable.scenario, result, playable.analysis.bestPath);
  // Each finish is one attempt for the current learner (a class's run in presenter mode is not).
  let attempt: Attempt | null = null;
  if (!data.classSession) {
    const notes = app.learnerStore.get(notesKey(playable.scenario.id)) ?? '';
    attempt = attemptFrom(playable, session, model, app.settings.value.mode, notes);
    if (!app.progress.recordAttempt(attempt))
      app.notify('This attempt could not be saved on this device; its debrief is still here.');
    const started = session.transcript[0]?.at ?? Date.now();
    app.platform?.finished(resultFor(playable.scenario, model, app.platform.rule, Date.now() - started));
  }
  let channel: BroadcastChannel | null = null;
  let classSummary: HTMLElement | null = null;
  const cs = data.classSession;
  if (cs?.onWhatIf) {
    // A what-if ending is where the other choices led, for discussion: never the class's record.
    // The summary, handout, take-away and exports come at the end of the class's own path.
    const from = (cs.whatIf?.fromDecision ?? 0) + 1;
    classSummary = h(
      'section',
      { class: 'card class-summary what-if-ending', 'aria-labelledby': 'what-if-end-h' },
      h('h2', { id: 'what-if-end-h' }, 'A what-if ending'),
      h(
        'p',
        {},
        `This is where the other choices from decision ${from} led. It is not the class’s record: the class’s summary, handout and exports come at the end of its own path.`,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button',
          onclick: () => {
            cs.returnToClass();
            app.store.set(classKey(cs.scenario.id), JSON.stringify(cs.save()));
            scene.scene.start('Conversation', {
              id: playable.scenario.id,
              playable,
            } satisfies ConversationData);
          },
        },
        'Back to the class’s path',
      ),
    );
  } else if (cs) {
    const takeaway = classSheets(playable, model);
    // The presenter window is told the class's screen has moved on to the summary.
    const classView = () => ({ ...buildClassView(cs, playable.scenario.title), takeaway, onSummary: true });
    // After the end only the names for the handout (and a decision's reasons) can change: they
    // are kept with the session, and the presenter window is told.
    const send = (command: Command) => {
      if (command.type === 'details' || command.type === 'reasons') {
        const error = applyCommand(cs, command);
        if (error) announce(error);
        else {
          app.store.set(classKey(cs.scenario.id), JSON.stringify(cs.save()));
          // The copy in Past class sessions takes the names and reasons too.
          const past = pastClass(app.store, cs.id);
          if (past) keepPastClass(app.store, { ...past, save: { ...cs.save(), whatIf: null } });
        }
        // This window's summary and handout follow, wherever the names were typed.
        const shown = classSummary;
        if (shown?.parentElement)
          keepingPlace(shown.parentElement, () => {
            classSummary = renderClassSummary(classView(), send);
            shown.replaceWith(classSummary);
          });
      }
      channel?.postMessage({ kind: 'view', view: classView() } satisfies Message);
    };
    classSummary = renderClassSummary(classView(), send);
    // The presenter window shows the summary too, and asks again if it is reopened.
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(CHANNEL);
      channel.postMessage({ kind: 'view', view: classView() } satisfies Message);
      channel.onmessage = (event: MessageEvent<Message>) => {
        if (event.data?.kind === 'command') send(event.data.command);
      };
    }
  }
  const view = renderDebrief(
    app,
    playable,
    model,
    {
      retry: () =>
        scene.scene.start('Conversation', {
          id: playable.scenario.id,
          playable,
          fresh: true,
        } satisfies ConversationData),
      rewindTo: (decision) => {
        if (cs) {
          // A class going back is a what-if from there: the class's own path, votes and record
          // stay as they are, and "Back to the class's path" returns to them. (Rewinding the
          // Session started a new class session around it, and every vote was lost.)
          cs.startWhatIf(decision);
          app.store.set(classKey(cs.scenario.id), JSON.stringify(cs.save()));
          scene.scene.start('Conversation', {
            id: playable.scenario.id,
            playable,
          } satisfies ConversationData);
          return;
        }
        session.rewind(decision);
        scene.scene.start('Conversation', {
          id: playable.scenario.id,
          playable,
          session,
        } satisfies ConversationData);
      },
      menu: () => scene.scene.start('Menu'),
      notesChanged: (notes) => {
        if (attempt) app.progress.updateNotes(attempt.id, notes);
      },
      report: attempt
        ? () => {
            const id = attempt.id;
            void import('../ui/progressView').then((m) => m.openReportById(app, id));
          }
        : undefined,
    },
    // A what-if's ending says so before anything else, so the class cannot take it for its own.
    cs?.onWhatIf ? null : classSummary,
    cs?.onWhatIf ? classSummary : null,
  );
  app.mount(view);
  const stopLayingOut = layOutLater(view);
  document.title = `Debrief: ${playable.scenario.title} – CarePlay`;
  view.querySelector<HTMLElement>('#debrief-h')?.focus();
  announce(`The conversation has ended: ${result.ending.title}. Your debrief follows.`);
  return () => {
    stopLayingOut();
    channel?.close();
    stage.destroy();
  };
}
