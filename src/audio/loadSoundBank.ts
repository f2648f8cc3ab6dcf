/**
 * The one module that imports Howler and the sound files. The sound add-on loads it with a
 * dynamic import() once a conversation starts, so neither is in the menu's first download.
 */
import { Howl, Howler } from 'howler';
import { SOUND_IDS, soundFile, type SoundId } from './catalogue';
import { SoundBank, type HowlerApi, type SoundLevels } from './SoundBank';

// Vite gives each file a hashed address (small ones are inlined as data: URLs); nothing is
// fetched from anywhere but this site.
const files = import.meta.glob<string>('../../assets/sound/*.mp3', {
  query: '?url',
  import: 'default',
  eager: true,
});

export function soundUrls(): Record<SoundId, string> {
  const urls = {} as Record<SoundId, string>;
  for (const id of SOUND_IDS) {
    const url = files[`../../assets/sound/${soundFile(id)}`];
    if (!url) throw new Error(`assets/sound/${soundFile(id)} is missing: run "npm run sounds"`);
    urls[id] = url;
  }
  return urls;
}

export function createSoundBank(levels: SoundLevels): SoundBank {
  // Howler's own types are wider than the bank's view of it (overloads, spatial audio).
  return new SoundBank({ Howl, Howler } as unknown as HowlerApi, soundUrls(), levels);
}
