/**
 * The app's shared context: settings, the scenario catalogue, the trainer's own scenarios and
 * the HTML layer. Scenes receive it in their data; nothing is put on `window` or in the game
 * registry.
 */
import { catalogue as builtIn, loaders } from 'virtual:careplay/catalogue';
import { withOwnSources, type PlayableScenario, type ScenarioCard } from './catalogueTypes';
import { cardRecord, CUSTOM_VERSION, readCustom, type CustomEntry } from './customStore';
import type { PastClass } from './classRecords';
import { customCardKey, customFileKey, PRESENTER_KEY } from './storageKeys';
import { ProgressStore } from './progressStore';
import { SettingsStore, TEXT_SIZES, type Settings } from './settings';
import type { KeyValueStore } from './storage';
import { clear, h } from './dom';
import type { Platform } from '../platform/types';
import type Phaser from 'phaser';
import type { ConversationData, DebriefData } from './screens';

export type { CustomEntry };

/** The ids of the scenarios CarePlay ships: a trainer's own file may not reuse one. */
export const SHIPPED_IDS: ReadonlySet<string> = new Set(builtIn.map((c) => c.id));

export class App {
  readonly settings: SettingsStore;
  /** Learners on this device, and the current learner's own records. */
  readonly progress: ProgressStore;
  readonly ui: HTMLElement;
  private notices = new Set<string>();
  /** Once per page load, where several people use this computer, the menu asks who is playing. */
  askedWhoIsPlaying = false;
  /**
   * The learning platform that launched this page (SCORM or cmi5), or null: then nothing is sent
   * anywhere. Set once at start (src/main.ts).
   */
  platform: Platform | null = null;
  /** A scenario the page was launched for (`?scenario=<id>`): the menu offers only that one. */
  onlyScenario: string | null = null;
  /** Loads the conversation runner (src/runner/); set by src/main.ts, which sits above it. */
  loadRunner: () => Promise<PlayRunner> = () =>
    Promise.reject(new Error('CarePlay was started without its conversation runner.'));

  constructor(
    readonly store: KeyValueStore,
    ui: HTMLElement,
  ) {
    this.ui = ui;
    this.settings = new SettingsStore(store);
    this.progress = new ProgressStore(store);
    this.applySettings(this.settings.value);
    document.documentElement.toggleAttribute('data-presenter', this.presenter);
    this.settings.onChange((s) => this.applySettings(s));
    if (this.settings.problem) this.notify(this.settings.problem);
    for (const problem of this.progress.problems) this.notify(problem);
    const presenter = store.get(PRESENTER_KEY);
    if (presenter !== null && presenter !== 'on' && presenter !== 'off')
      this.notify('The saved presenter mode switch could not be read, so presenter mode is off.');
    if (!store.available) {
      this.notify(
        'This browser is not letting CarePlay save anything, so settings and progress will be forgotten when you close the page.',
      );
    }
  }

  /** Built-in scenarios, then the trainer's own. Anything unreadable is left out and said once. */
  cards(): (ScenarioCard & { custom: boolean })[] {
    const own = readCustom(this.store, SHIPPED_IDS);
    for (const problem of own.problems) this.notify(problem);
    const all = [
      ...builtIn.map((c) => ({ ...c, custom: false })),
      ...own.cards.map((c) => ({ ...c, custom: true })),
    ];
    if (this.onlyScenario === null) return all;
    const only = all.filter((c) => c.id === this.onlyScenario);
    if (only.length) return only;
    this.notify(
      `This link names a scenario, “${this.onlyScenario}”, that this CarePlay does not have, so every scenario is shown.`,
    );
    return all;
  }

  customEntries(): CustomEntry[] {
    return readCustom(this.store, SHIPPED_IDS).entries;
  }

  saveCustom(entry: CustomEntry, card: ScenarioCard): boolean {
    const ok = this.store.set(customFileKey(entry.id), JSON.stringify({ ...entry, version: CUSTOM_VERSION }));
    return this.store.set(customCardKey(entry.id), cardRecord(card)) && ok;
  }

  removeCustom(id: string): void {
    this.store.remove(customFileKey(id));
    this.store.remove(customCardKey(id));
  }

  /** Load a scenario to play: a shipped one from its compiled chunk, or a trainer's from storage. */
  async loadPlayable(id: string): Promise<PlayableScenario> {
    const loader = loaders[id];
    if (loader) {
      const mod = await loader();
      return {
        scenario: mod.scenario,
        analysis: mod.analysis,
        references: withOwnSources(mod.references, mod.scenario),
        file: mod.file,
        custom: false,
      };
    }
    const entry = this.customEntries().find((e) => e.id === id);
    if (!entry) throw new Error(`There is no scenario called "${id}" any more.`);
    const { checkCustomScenario } = await import('./customScenario');
    const checked = await checkCustomScenario(entry.file, entry.text);
    if (!checked.playable) {
      throw new Error(
        `"${entry.file}" no longer passes its checks: ${checked.problems[0] ?? 'it has errors'}.`,
      );
    }
    // A card that could not be read is made again from the file.
    if (checked.card) this.store.set(customCardKey(entry.id), cardRecord(checked.card));
    return checked.playable;
  }

  /** The current learner's saves in progress and notes: no other learner sees them. */
  get learnerStore(): KeyValueStore {
    return this.progress.store;
  }

  /**
   * A message shown once per page load in a banner at the top. Banners stack in one column, each
   * readable, and the screen below moves down to make room, so none covers a control.
   */
  notify(message: string, action?: { label: string; run: () => void; dismiss?: string }): void {
    if (this.notices.has(message)) return;
    this.notices.add(message);
    const banner = h(
      'div',
      { class: 'banner', role: 'status' },
      h('span', {}, message),
      action
        ? h(
            'button',
            {
              type: 'button',
              class: 'button small',
              onclick: () => {
                banner.remove();
                action.run();
              },
            },
            action.label,
          )
        : null,
      h(
        'button',
        { type: 'button', class: 'button small secondary', onclick: () => banner.remove() },
        action?.dismiss ?? 'OK',
      ),
    );
    this.bannerStack().appendChild(banner);
  }

  private banners: HTMLElement | null = null;

  private bannerStack(): HTMLElement {
    if (this.banners?.isConnected) return this.banners;
    const stack = h('div', { class: 'banners' });
    const root = document.documentElement;
    const measure = () => {
      const height = stack.childElementCount ? stack.getBoundingClientRect().height : 0;
      root.style.setProperty('--banner-space', `${Math.ceil(height)}px`);
    };
    new MutationObserver(measure).observe(stack, { childList: true });
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(measure).observe(stack);
    this.ui.prepend(stack);
    this.banners = stack;
    return stack;
  }

  /** Replace the HTML layer's screen (banners stay). */
  mount(screen: HTMLElement): void {
    for (const child of [...this.ui.children]) if (!child.classList.contains('banners')) child.remove();
    // An evidence report open over the old screen goes with it.
    document.documentElement.removeAttribute('data-report');
    document.getElementById('stage')?.removeAttribute('inert');
    this.ui.appendChild(screen);
  }

  unmountAll(): void {
    clear(this.ui);
  }

  /** Presenter mode: a classroom layout with the trainer's votes and controls. Remembered. */
  get presenter(): boolean {
    return this.store.get(PRESENTER_KEY) === 'on';
  }

  set presenter(on: boolean) {
    this.store.set(PRESENTER_KEY, on ? 'on' : 'off');
    document.documentElement.toggleAttribute('data-presenter', on);
  }

  reducedMotion(): boolean {
    const pref = this.settings.value.motion;
    if (pref === 'reduced') return true;
    if (pref === 'full') return false;
    return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  }

  private applySettings(s: Settings) {
    const root = document.documentElement;
    root.style.setProperty('--scale', String(TEXT_SIZES[s.textSize]));
    root.dataset.font = s.font;
    root.dataset.mode = s.mode;
  }
}

/**
 * The runner, as the scenes see it: src/main.ts hands its loader to the App (`App.loadRunner`),
 * so the scenes below it never import it. Loaded on demand: the Session and XState are not in
 * the menu's first download.
 */
export interface PlayRunner {
  runConversation(
    scene: Phaser.Scene,
    app: App,
    data: ConversationData,
    isCurrent?: () => boolean,
  ): Promise<() => void>;
  runDebrief(scene: Phaser.Scene, app: App, data: DebriefData): () => void;
  /**
   * A finished class's summary, reopened from the menu (`when` says which class, in words); with
   * `print`, its learners' take-away is printed from it at once.
   */
  reopenPastClass(app: App, record: PastClass, when: string, print?: 'takeaway'): Promise<void>;
  /** A finished class's summary as the CSV or JSON file the summary exports. */
  exportPastClass(app: App, record: PastClass, kind: 'csv' | 'json'): Promise<void>;
}
