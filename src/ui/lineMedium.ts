/**
 * Words for a line that is not said in the room: a phone call, a text message, an email, a
 * letter or a written record. The conversation shows them as a label; the evidence report
 * writes them before the line.
 */
import { LINE_MEDIA, type LineMedium } from '../engine/model';

export type WrittenMedium = Exclude<LineMedium, 'speech'>;

export const isMedium = (v: unknown): v is LineMedium => (LINE_MEDIA as readonly unknown[]).includes(v);

/** "Text message from Sarah Okafor", "On the phone: Priya Shah", "Written record". */
export function mediumLabel(medium: WrittenMedium, name: string): string {
  switch (medium) {
    case 'phone-call':
      return name ? `On the phone: ${name}` : 'On the phone';
    case 'text-message':
      return name ? `Text message from ${name}` : 'Text message';
    case 'email':
      return name ? `Email from ${name}` : 'Email';
    case 'letter':
      return name ? `Letter from ${name}` : 'Letter';
    case 'record':
      return name ? `Written record by ${name}` : 'Written record';
  }
}

/**
 * The same, to stand before a colon and the words, as in a transcript or the screen reader's
 * announcement: "Text message from Sarah Okafor: …", "Priya Shah, on the phone: …".
 */
export function mediumLead(medium: WrittenMedium, name: string): string {
  if (medium === 'phone-call') return name ? `${name}, on the phone` : 'On the phone';
  return mediumLabel(medium, name);
}
