/**
 * Scenario text with glossary terms: "[[IMCA]]" or "[[the words shown|IMCA]]" becomes a button
 * that opens the plain-English meaning. Everything else is plain text.
 */
import { GLOSSARY_MARK as MARK, plainText } from '../engine/markup';
import type { GlossaryFile } from '../engine/schema';
import { h } from './dom';

export { plainText };

export interface GlossaryEntry {
  term: string;
  meaning: string;
}

export function findTerm(glossary: GlossaryFile, name: string): GlossaryEntry | null {
  const lower = name.trim().toLowerCase();
  for (const [term, entry] of Object.entries(glossary)) {
    if (term.toLowerCase() === lower || (entry.aliases ?? []).some((a) => a.toLowerCase() === lower)) {
      return { term, meaning: entry.meaning };
    }
  }
  return null;
}

export function richText(
  text: string,
  glossary: GlossaryFile,
  onTerm: (entry: GlossaryEntry, button: HTMLButtonElement) => void,
): DocumentFragment {
  const out = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(MARK)) {
    out.append(text.slice(last, match.index));
    const shown = match[1]!;
    const entry = findTerm(glossary, match[2] ?? shown);
    if (entry) {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'term',
          'aria-haspopup': 'dialog',
          title: `What does “${entry.term}” mean?`,
        },
        shown,
      );
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        onTerm(entry, button);
      });
      out.append(button);
    } else {
      out.append(shown);
    }
    last = match.index! + match[0].length;
  }
  out.append(text.slice(last));
  return out;
}
