/**
 * The app's shared context: settings, the scenario catalogue, the trainer's own scenarios and
 * the HTML layer. Scenes receive it in their data; nothing is put on `window` or in the game
 * registry.
 */
import { catalogue as builtIn, loaders } from 'virtual:careplay/catalogue';
import { withOwnSources, type PlayableScenario, type ScenarioCard } from './catalogueTypes';
import { ProgressStore } from './progressStore';
import { SettingsStore, TEXT_SIZES, type Settings } from './settings';
import type { KeyValueStore } from './storage';
import { clear, h } from '../ui/dom';

const CUSTOM_PREFIX = 'custom:';

export interface CustomEntry {
  id: string;
  file: string;
  text: string;
  addedAt: number;
}

export class App {
  readonly settings: SettingsStore;
  /** Learners on this device, and the current learner's own records. */
  readonly progress: ProgressStore;
  readonly ui: HTMLElement;
  private notices = new Set<string>();
  /** Once per page load, where several people use this computer, the menu asks who is playing. */
  askedWhoIsPlaying = false;

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
    if (!store.available) {
      this.notify(
        'This browser is not letting CarePlay save anything, so settings and progress will be forgotten when you close the page.',
      );
    }
  }

  /** Built-in scenarios, then the trainer's own. */
  cards(): (ScenarioCard & { custom: boolean })[] {
    const custom = this.customEntries().flatMap((entry) => {
      try {
        const card = JSON.parse(
          this.store.get(`${CUSTOM_PREFIX}card:${entry.id}`) ?? 'null',
        ) as ScenarioCard | null;
        return card ? [{ ...card, custom: true }] : [];
      } catch {
        return [];
      }
    });
    return [...builtIn.map((c) => ({ ...c, custom: false })), ...custom];
  }

  customEntries(): CustomEntry[] {
    const out: CustomEntry[] = [];
    for (const key of this.store.keys()) {
      if (!key.startsWith(`${CUSTOM_PREFIX}file:`)) continue;
      try {
        const entry = JSON.parse(this.store.get(key) ?? '') as CustomEntry;
        if (typeof entry.id === 'string' && typeof entry.text === 'string') out.push(entry);
      } catch {
        /* an unreadable entry is skipped; the others still load */
      }
    }
    return out.sort((a, b) => a.addedAt - b.addedAt);
  }

  saveCustom(entry: CustomEntry, card: ScenarioCard): boolean {
    const ok = this.store.set(`${CUSTOM_PREFIX}file:${entry.id}`, JSON.stringify(entry));
    return this.store.set(`${CUSTOM_PREFIX}card:${entry.id}`, JSON.stringify(card)) && ok;
  }

  removeCustom(id: string): void {
    this.store.remove(`${CUSTOM_PREFIX}file:${id}`);
    this.store.remove(`${CUSTOM_PREFIX}card:${id}`);
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
    return checked.playable;
  }

  /** The current learner's saves in progress and notes: no other learner sees them. */
  get learnerStore(): KeyValueStore {
    return this.progress.store;
  }

  /** A message shown once per page load in a banner at the top. */
  notify(message: string): void {
    if (this.notices.has(message)) return;
    this.notices.add(message);
    const banner = h(
      'div',
      { class: 'banner', role: 'status' },
      h('span', {}, message),
      h('button', { type: 'button', class: 'button small secondary', onclick: () => banner.remove() }, 'OK'),
    );
    this.ui.appendChild(banner);
  }

  /** Replace the HTML layer's screen (banners stay). */
  mount(screen: HTMLElement): void {
    for (const child of [...this.ui.children]) if (!child.classList.contains('banner')) child.remove();
    // An evidence report open over the old screen goes with it.
    document.documentElement.removeAttribute('data-report');
    this.ui.appendChild(screen);
  }

  unmountAll(): void {
    clear(this.ui);
  }

  /** Presenter mode: a classroom layout with the trainer's votes and controls. Remembered. */
  get presenter(): boolean {
    return this.store.get('presenter') === 'on';
  }

  set presenter(on: boolean) {
    this.store.set('presenter', on ? 'on' : 'off');
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
