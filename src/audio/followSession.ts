/**
 * What the sound bank plays, decided from the Session's typed events alone: scenario and scene
 * code never call the bank.
 *
 *   the room's tone      for the kind of room the conversation is in; crossfades on a move
 *   location             a door closes
 *   cue 'choice-made'    the same soft click for every choice, good or poor
 *   expression           a soft tone when a face changes (never in assessment mode); the same
 *                        tone whichever way the mood moved
 *   ending               a short closing chord for the outcome, with the room tone lowered
 *
 * The machine's own 'ending-…' cue comes on arriving at an ending, before its last lines are
 * read; the chord waits for the Session's 'ending' event, when the conversation has closed.
 * Cues that fall at the same moment (a click, a door, a tone) are spaced out a little so they
 * do not pile up; one that could not play within a second of its moment (a learner clicking
 * quickly on) is dropped rather than played late, except the closing chord.
 */
import type { Session } from '../engine/Session';
import type { LocationKind } from '../engine/model';
import { ENDING_CUE, ROOM_TONE_BY_KIND, type EffectId, type RoomToneId } from './catalogue';

/** The part of the sound bank this uses (SoundBank implements it). */
export interface SoundOutput {
  prepare(ids: readonly RoomToneId[]): void;
  setRoom(id: RoomToneId | null): void;
  duckRoom(factor: number): void;
  play(id: EffectId, caption?: string): boolean;
}

export interface FollowOptions {
  /** The kind of each of the scenario's locations. */
  kinds: Readonly<Record<string, LocationKind>>;
  /** Asked at the moment of each mood cue: in assessment mode there are none. */
  assessment: () => boolean;
  /** Time between cues that fall together. */
  spacingMs?: number;
  /** Least time between two mood cues, so a run of changing faces is one tone. */
  moodGapMs?: number;
  /** A cue later than this after its moment is dropped (the closing chord never is). */
  maxLateMs?: number;
  now?: () => number;
}

/** How far the room tone drops under the closing chord. */
export const ENDING_DUCK = 0.5;

interface Pending {
  id: EffectId;
  names: string[];
  at: number;
}

export function followSession(
  session: Pick<Session, 'on' | 'snapshot' | 'ended'>,
  bank: SoundOutput,
  options: FollowOptions,
): () => void {
  const spacing = options.spacingMs ?? 280;
  const moodGap = options.moodGapMs ?? 2500;
  const maxLate = options.maxLateMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  const queue: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastCueAt = -Infinity;
  let lastMoodAt = -Infinity;
  let ended = session.ended;

  const roomFor = (location: string): RoomToneId | null => {
    const kind = options.kinds[location];
    return kind ? ROOM_TONE_BY_KIND[kind] : null;
  };

  const flush = () => {
    timer = null;
    let next = queue.shift();
    while (next && now() - next.at > maxLate && !next.id.startsWith('ending-')) next = queue.shift();
    if (!next) return;
    if (next.id === 'mood') {
      // Checked again when it plays: the setting may have changed in the meantime.
      if (!options.assessment()) {
        bank.play('mood', moodCaption(next.names));
        lastMoodAt = now();
      }
    } else {
      bank.play(next.id);
    }
    lastCueAt = now();
    schedule();
  };

  const schedule = () => {
    if (timer !== null || queue.length === 0) return;
    // Always at least a tick later, so every event of one step has arrived (and names gather).
    const wait = Math.max(0, lastCueAt + spacing - now());
    timer = setTimeout(flush, wait);
  };

  const cue = (id: EffectId) => {
    // One waiting click stands for any number of quick choices.
    const waiting = queue.find((p) => p.id === id);
    if (waiting) waiting.at = now();
    else queue.push({ id, names: [], at: now() });
    schedule();
  };

  const mood = (name: string) => {
    if (options.assessment()) return;
    const waiting = queue.find((p) => p.id === 'mood');
    if (waiting) {
      if (!waiting.names.includes(name)) waiting.names.push(name);
      return;
    }
    if (now() - lastMoodAt < moodGap) return;
    queue.push({ id: 'mood', names: [name], at: now() });
    schedule();
  };

  const rooms = Object.values(options.kinds).map((kind) => ROOM_TONE_BY_KIND[kind]);
  bank.setRoom(roomFor(session.snapshot.location));
  bank.prepare([...new Set(rooms)]);
  if (ended) bank.duckRoom(ENDING_DUCK);

  const offs = [
    session.on('location', (e) => {
      cue('scene');
      bank.setRoom(roomFor(e.location));
    }),
    session.on('cue', (e) => {
      if (e.cue === 'choice-made') cue('choice');
    }),
    session.on('expression', (e) => {
      if (e.previous !== null && e.previous !== e.expression) mood(e.name);
    }),
    session.on('ending', (e) => {
      cue(ENDING_CUE[e.ending.outcome]);
      bank.duckRoom(ENDING_DUCK);
      ended = true;
    }),
    session.on('change', ({ snapshot }) => {
      // Rewinds, what-ifs and restores move without a 'location' event: follow quietly.
      bank.setRoom(roomFor(snapshot.location));
      if (ended && snapshot.phase !== 'ended') {
        ended = false;
        bank.duckRoom(1);
      }
    }),
  ];

  return () => {
    for (const off of offs) off();
    if (timer !== null) clearTimeout(timer);
    queue.length = 0;
  };
}

function moodCaption(names: string[]): string {
  const possessive = (n: string) => `${n}’${n.endsWith('s') ? '' : 's'}`;
  if (names.length === 1) return `[a soft tone: ${possessive(names[0]!)} mood shifts]`;
  if (names.length === 2)
    return `[a soft tone: ${possessive(names[0]!)} and ${possessive(names[1]!)} moods shift]`;
  return '[a soft tone: moods shift]';
}
