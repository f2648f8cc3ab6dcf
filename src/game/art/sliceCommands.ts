/**
 * Cutting a Phaser Graphics command list into pieces that can be drawn one after another onto
 * the same canvas, each in its own frame, with the same pixels as drawing the whole list at
 * once. Pure: no Phaser, no DOM (the numbers are Phaser 4's Graphics Commands, pinned below and
 * checked against Phaser's own in tests/game/sliceCommands.test.ts).
 *
 * A piece ends only where a new path begins, so no path is ever split. Each piece starts with
 * the state the canvas had at that point in the whole list (the fill and line styles and the
 * transforms at each level of save) and ends by restoring every save it left open, so each
 * piece draws exactly what the same commands drew in the whole list.
 */

export const COMMAND = {
  ARC: 0,
  BEGIN_PATH: 1,
  CLOSE_PATH: 2,
  FILL_RECT: 3,
  LINE_TO: 4,
  MOVE_TO: 5,
  LINE_STYLE: 6,
  FILL_STYLE: 7,
  FILL_PATH: 8,
  STROKE_PATH: 9,
  FILL_TRIANGLE: 10,
  STROKE_TRIANGLE: 11,
  SAVE: 14,
  RESTORE: 15,
  TRANSLATE: 16,
  SCALE: 17,
  ROTATE: 18,
  GRADIENT_FILL_STYLE: 21,
  GRADIENT_LINE_STYLE: 22,
} as const;

/** How many numbers follow each command in the list (GraphicsCanvasRenderer's steps). */
const ARGS: Record<number, number> = {
  [COMMAND.ARC]: 7,
  [COMMAND.BEGIN_PATH]: 0,
  [COMMAND.CLOSE_PATH]: 0,
  [COMMAND.FILL_RECT]: 4,
  [COMMAND.LINE_TO]: 2,
  [COMMAND.MOVE_TO]: 2,
  [COMMAND.LINE_STYLE]: 3,
  [COMMAND.FILL_STYLE]: 2,
  [COMMAND.FILL_PATH]: 0,
  [COMMAND.STROKE_PATH]: 0,
  [COMMAND.FILL_TRIANGLE]: 6,
  [COMMAND.STROKE_TRIANGLE]: 6,
  [COMMAND.SAVE]: 0,
  [COMMAND.RESTORE]: 0,
  [COMMAND.TRANSLATE]: 2,
  [COMMAND.SCALE]: 2,
  [COMMAND.ROTATE]: 1,
  [COMMAND.GRADIENT_FILL_STYLE]: 5,
  [COMMAND.GRADIENT_LINE_STYLE]: 6,
};

/** Commands that put paint on the canvas: the unit a piece's size is counted in. */
const PAINTS = new Set<number>([
  COMMAND.FILL_PATH,
  COMMAND.STROKE_PATH,
  COMMAND.FILL_RECT,
  COMMAND.FILL_TRIANGLE,
  COMMAND.STROKE_TRIANGLE,
]);

type Commands = readonly unknown[];

/** The canvas state set at one level of save: styles and transforms. */
interface Level {
  fill: unknown[] | null;
  line: unknown[] | null;
  transforms: unknown[];
}

/** Where a walk through the list has got to, and the canvas state there. */
export interface SliceState {
  at: number;
  /** Outermost first; a save starts a level with the styles of the one before it. */
  levels: Level[];
}

export function startState(): SliceState {
  return { at: 0, levels: [{ fill: null, line: null, transforms: [] }] };
}

/** True if every command in the list is one this file knows how to step over. */
export function canSlice(commands: Commands): boolean {
  for (let i = 0; i < commands.length;) {
    const args = ARGS[commands[i] as number];
    if (args === undefined) return false;
    i += 1 + args;
  }
  return true;
}

/** A piece ready to draw on its own, and how many painting commands it has. */
export interface Slice {
  commands: unknown[];
  paints: number;
}

/**
 * The next piece from `state` with at least `paints` painting commands (fewer at the end of the
 * list); `state` is moved on past it. Null when the list is done.
 */
export function nextSlice(commands: Commands, state: SliceState, paints: number): Slice | null {
  if (state.at >= commands.length) return null;
  const prefix: unknown[] = [];
  state.levels.forEach((level, depth) => {
    if (depth > 0) prefix.push(COMMAND.SAVE);
    if (level.fill) prefix.push(...level.fill);
    if (level.line) prefix.push(...level.line);
    prefix.push(...level.transforms);
  });
  const start = state.at;
  let i = start;
  let painted = 0;
  while (i < commands.length) {
    const id = commands[i] as number;
    if (id === COMMAND.BEGIN_PATH && painted >= paints && i > start) break;
    const args = ARGS[id] ?? 0;
    const command = () => commands.slice(i, i + 1 + args) as unknown[];
    const top = state.levels[state.levels.length - 1]!;
    if (id === COMMAND.FILL_STYLE) top.fill = command();
    else if (id === COMMAND.LINE_STYLE) top.line = command();
    else if (id === COMMAND.SAVE) state.levels.push({ fill: top.fill, line: top.line, transforms: [] });
    else if (id === COMMAND.RESTORE) {
      if (state.levels.length > 1) state.levels.pop();
    } else if (id === COMMAND.TRANSLATE || id === COMMAND.SCALE || id === COMMAND.ROTATE)
      top.transforms.push(...command());
    else if (PAINTS.has(id)) painted++;
    i += 1 + args;
  }
  state.at = i;
  const piece = prefix.concat(commands.slice(start, i) as unknown[]);
  for (let open = state.levels.length - 1; open > 0; open--) piece.push(COMMAND.RESTORE);
  return { commands: piece, paints: painted };
}
