/** Modal dialogs built on <dialog>: focus is trapped by the browser and returns where it was. */
import type { App } from '../app/App';
import { FONTS, TEXT_SIZES, type Settings } from '../app/settings';
import type { Signpost } from '../engine/schema';
import { h } from './dom';

export function openDialog(
  app: App,
  title: string,
  body: (Node | string)[],
  actions: HTMLElement[] = [],
  /** Where focus goes on closing, when not back where it was (e.g. on past a glossary term). */
  returnTo?: () => HTMLElement | null | undefined,
): HTMLDialogElement {
  const opener = document.activeElement as HTMLElement | null;
  const titleId = `dlg-${Math.random().toString(36).slice(2, 8)}`;
  const close = h(
    'button',
    { type: 'button', class: 'button secondary', onclick: () => dialog.close() },
    'Close',
  );
  const dialog = h(
    'dialog',
    { 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title),
    ...body,
    h('div', { class: 'dialog-actions' }, ...actions, actions.length ? null : close),
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    const returnFocus = returnTo?.() ?? opener;
    if (returnFocus?.isConnected) returnFocus.focus();
  });
  app.ui.appendChild(dialog);
  dialog.showModal();
  return dialog;
}

function radios<T extends string>(
  legend: string,
  name: string,
  options: [T, string][],
  current: T,
  onChange: (v: T) => void,
) {
  return h(
    'fieldset',
    {},
    h('legend', {}, legend),
    h(
      'div',
      { class: 'radio-row' },
      ...options.map(([value, label]) => {
        const input = h('input', { type: 'radio', name, value, checked: value === current });
        input.addEventListener('change', () => input.checked && onChange(value));
        return h('label', {}, input, label);
      }),
    ),
  );
}

export function openSettings(app: App, extra: HTMLElement[] = []): HTMLDialogElement {
  const s = app.settings.value;
  const set = (patch: Partial<Settings>) => {
    if (!app.settings.update(patch))
      app.notify('Settings could not be saved on this device; they will last until you close the page.');
  };
  // Sound: three volumes (presenter mode has its own overall level), then mute, captions and
  // read aloud.
  type Level = 'volume' | 'presenterVolume' | 'roomToneVolume' | 'effectsVolume';
  const sliders: [Level, string][] = [
    app.presenter ? ['presenterVolume', 'Volume (presenter mode)'] : ['volume', 'Volume'],
    ['roomToneVolume', 'Room sounds'],
    ['effectsVolume', 'Cues'],
  ];
  const slider = ([key, label]: [Level, string]) => {
    const percent = Math.round(s[key] * 100);
    const input = h('input', {
      type: 'range',
      min: '0',
      max: '100',
      step: '5',
      value: String(percent),
      'aria-valuetext': `${percent}%`,
      style: 'accent-color: var(--brand)',
    });
    input.addEventListener('input', () => {
      input.setAttribute('aria-valuetext', `${input.value}%`);
      set({ [key]: Number(input.value) / 100 });
    });
    return h('label', {}, label, input);
  };
  type Switch = 'muted' | 'captions' | 'readAloud';
  const checkbox = (key: Switch, label: string, disabled = false) => {
    const input = h('input', { type: 'checkbox', checked: s[key], disabled });
    input.addEventListener('change', () => set({ [key]: input.checked }));
    return h('label', {}, input, label);
  };
  const canSpeak = typeof window !== 'undefined' && 'speechSynthesis' in window;
  return openDialog(app, 'Settings', [
    radios(
      'Mode',
      'mode',
      [
        ['practice', 'Practice: feedback after each choice'],
        ['assessment', 'Assessment: feedback at the end'],
      ],
      s.mode,
      (mode) => set({ mode }),
    ),
    radios(
      'Text size',
      'text-size',
      (Object.keys(TEXT_SIZES) as (keyof typeof TEXT_SIZES)[]).map((k) => [
        k,
        k[0]!.toUpperCase() + k.slice(1),
      ]),
      s.textSize,
      (textSize) => set({ textSize }),
    ),
    radios(
      'Font',
      'font',
      FONTS.map((f) => [
        f,
        f === 'atkinson'
          ? 'Atkinson Hyperlegible'
          : f === 'opendyslexic'
            ? 'OpenDyslexic'
            : 'Your device’s font',
      ]),
      s.font,
      (font) => set({ font }),
    ),
    radios(
      'Movement',
      'motion',
      [
        ['system', 'As my device is set'],
        ['reduced', 'Less movement'],
        ['full', 'Full'],
      ],
      s.motion,
      (motion) => set({ motion }),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Sound'),
      h('div', { class: 'radio-row' }, ...sliders.map(slider)),
      h(
        'div',
        { class: 'radio-row', style: 'margin-top: 0.6em' },
        checkbox('muted', 'Mute all sound (M)'),
        checkbox('captions', 'Show sounds as captions'),
        checkbox(
          'readAloud',
          canSpeak ? 'Read lines aloud' : 'Read lines aloud (this browser cannot)',
          !canSpeak,
        ),
      ),
    ),
    ...extra,
  ]);
}

export function supportList(items: Signpost[]): HTMLElement {
  return h(
    'ul',
    { class: 'support-list' },
    ...items.map((s) => h('li', {}, h('strong', {}, s.name), ': ', s.detail)),
  );
}
