/**
 * Every key CarePlay keeps on this device, in one place. The browser store puts `careplay:` in
 * front of each (src/app/storage.ts); a learner's own records sit under that learner's prefix
 * (src/app/progressStore.ts). Adding a record? Add its key here, and a damaged-value case to
 * tests/e2e/badRecords.test.ts.
 */

/** Device-wide: the display and sound settings (src/app/settings.ts). */
export const SETTINGS_KEY = 'settings';
/** Device-wide: presenter mode on or off. */
export const PRESENTER_KEY = 'presenter';
/** Device-wide: the learners on this computer, and whether the older single-learner records moved in. */
export const LEARNERS_KEY = 'learners';
export const LEARNERS_MIGRATED_KEY = 'learners:migrated';

/** A learner's workplace or setting, for the evidence report. */
export const SETTING_KEY = 'setting';
/** A learner's place in a scenario (a Session save). */
export const PROGRESS_PREFIX = 'progress:';
export const progressKey = (scenarioId: string) => `${PROGRESS_PREFIX}${scenarioId}`;
/** A place saved by a newer CarePlay, kept aside rather than overwritten. */
export const newerProgressKey = (scenarioId: string) => `${progressKey(scenarioId)}:newer`;
/** A learner's reflective notes on a scenario. */
export const NOTES_PREFIX = 'notes:';
export const notesKey = (scenarioId: string) => `${NOTES_PREFIX}${scenarioId}`;
/** One finished attempt. */
export const ATTEMPT_PREFIX = 'attempt:';
export const attemptKey = (attemptId: string) => `${ATTEMPT_PREFIX}${attemptId}`;

/** Device-wide: a group session in presenter mode. */
export const classKey = (scenarioId: string) => `class:${scenarioId}`;
/** Device-wide: a class that reached an ending, kept for the trainer to reopen (src/app/classRecords.ts). */
export const PAST_CLASS_PREFIX = 'past-class:';
export const pastClassKey = (classId: string) => `${PAST_CLASS_PREFIX}${classId}`;

/** Device-wide: a trainer's own scenario file, and the card the menu shows for it. */
export const CUSTOM_PREFIX = 'custom:';
export const CUSTOM_FILE_PREFIX = `${CUSTOM_PREFIX}file:`;
export const customFileKey = (id: string) => `${CUSTOM_FILE_PREFIX}${id}`;
export const customCardKey = (id: string) => `${CUSTOM_PREFIX}card:${id}`;
