/**
 * The one glossary mark in scenario text: "[[IMCA]]" or "[[the words shown|IMCA]]". The checks,
 * the screens (src/ui/richText.ts), quotes in the debrief and the terminal player all read it
 * from here.
 */
export const GLOSSARY_MARK = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;

/** Plain text: the words shown for each mark, and the white space of one line. */
export function plainText(text: string): string {
  return text
    .replace(GLOSSARY_MARK, (_, shown: string) => shown)
    .replace(/\s+/g, ' ')
    .trim();
}
