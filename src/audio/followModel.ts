/**
 * What the sound bank plays, decided from the runner's models alone (src/ui/conversationModel.ts):
 * scenario and scene code never call the bank, and sound hears nothing from the Session.
 *
 *   the room's tone      for the model's `locationKind`; crossfades when it changes
 *   moment 'location'    a door closes
 *   moment 'choice-made' the same soft click for every choice, good or poor
 *   moment 'expression'  a soft tone when a face changes (never in assessment mode); the same
 *                        tone whichever way the mood moved
 *   moment 'ending'      a short closing chord for the outcome; the room tone is lowered while
 *                        the model's phase is 'ended'
 *
 * The runner puts a moment in a model only on a real step of the conversation, so a what-if
 * starting or ending, a rewind or a resumed place moves the room tone quietly and plays no cue;
 * each moment is numbered, and one already heard (the same model shown again, or the model this
 * started from) is not played again. The closing chord comes with the model that shows the
 * ending's last line (the Session's 'ending'), when the conversation has closed, not on arriving
 * at the ending. Cues that fall at the same moment (a click, a door, a tone) are spaced out a
 * little so they do not pile up; one that could not play within a second of its moment (a
 * learner clicking quickly on) is dropped rather than played late, except the closing chord.
 */
import type { ConversationModel, Moment } from '../ui/conversationModel';
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

/** Sound following the runner's models: show it each one, as a presenter is. */
export interface ModelFollower {
  show(model: ConversationModel): void;
  stop(): void;
}

/** How far the room tone drops under the closing chord. */
export const ENDING_DUCK = 0.5;

interface Pending {
  id: EffectId;
  names: string[];
  at: number;
}

const roomFor = (kind: LocationKind | null): RoomToneId | null => (kind ? ROOM_TONE_BY_KIND[kind] : null);

/**
 * Follow the models from `first`, the one on show when sound joins: its room, and the ending's
 * lowered room if it is there already; its moments are past and are not played.
 */
export function followModel(
  first: ConversationModel,
  bank: SoundOutput,
  options: FollowOptions,
): ModelFollower {
  const spacing = options.spacingMs ?? 280;
  const moodGap = options.moodGapMs ?? 2500;
  const maxLate = options.maxLateMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  const queue: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastCueAt = -Infinity;
  let lastMoodAt = -Infinity;
  let heard = Math.max(-1, ...first.moments.map((m) => m.seq));
  let stopped = false;

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
    // Always at least a tick later, so every cue of one step has been queued (and names gather).
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

  const mark = (moment: Moment) => {
    switch (moment.kind) {
      case 'location':
        return cue('scene');
      case 'choice-made':
        return cue('choice');
      case 'expression':
        return mood(moment.name);
      case 'ending':
        return cue(ENDING_CUE[moment.outcome]);
    }
  };

  /** The room as the model stands: its tone, lowered once the conversation has closed. */
  const settle = (model: ConversationModel) => {
    bank.setRoom(roomFor(model.locationKind));
    bank.duckRoom(model.phase === 'ended' ? ENDING_DUCK : 1);
  };

  settle(first);
  bank.prepare([...new Set(first.about.locationKinds.map((kind) => ROOM_TONE_BY_KIND[kind]))]);

  return {
    show(model) {
      if (stopped) return;
      for (const moment of model.moments) {
        if (moment.seq <= heard) continue;
        heard = moment.seq;
        mark(moment);
      }
      settle(model);
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      queue.length = 0;
    },
  };
}

function moodCaption(names: string[]): string {
  const possessive = (n: string) => `${n}’${n.endsWith('s') ? '' : 's'}`;
  if (names.length === 1) return `[a soft tone: ${possessive(names[0]!)} mood shifts]`;
  if (names.length === 2)
    return `[a soft tone: ${possessive(names[0]!)} and ${possessive(names[1]!)} moods shift]`;
  return '[a soft tone: moods shift]';
}
