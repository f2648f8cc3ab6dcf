/**
 * A tiny DOM builder. Scenario text is only ever set as text (textContent), never as HTML, so
 * markup in a trainer's file is shown literally and can never run.
 */
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: never) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === 'class') {
      el.className = String(value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Announce a sentence to screen readers through the polite live region, once. */
export function announce(text: string): void {
  const live = document.getElementById('live');
  if (!live) return;
  const p = document.createElement('p');
  p.textContent = text;
  live.appendChild(p);
  // Keep the region short: old announcements are not re-read, but they need not pile up.
  while (live.childNodes.length > 6) live.removeChild(live.firstChild!);
}
