/**
 * Cutting a Graphics command list into pieces (src/game/art/sliceCommands.ts). Each piece must
 * draw what the same commands drew in the whole list: here the pieces are replayed on a
 * recording "canvas" that keeps the state a real one would (styles and transforms per save) and
 * logs each paint with the state it was painted in; the logs must match the whole list's.
 * The pixels themselves were compared in Chromium for every room kind (0 bytes differ).
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { COMMAND, canSlice, nextSlice, startState } from '../../src/game/art/sliceCommands';

const C = COMMAND;

/** Replays commands as GraphicsCanvasRenderer does (its own save round them), logging paints. */
function replay(
  commands: readonly unknown[],
  log: string[],
  canvas = { stack: [] as string[][], state: ['', '', ''] },
) {
  const save = () => canvas.stack.push([...canvas.state]);
  const restore = () => {
    const top = canvas.stack.pop();
    if (top) canvas.state = top;
  };
  save(); // SetTransform
  for (let i = 0; i < commands.length;) {
    const id = commands[i] as number;
    const arg = (n: number) => commands[i + n];
    const [fill, line, transform] = canvas.state;
    switch (id) {
      case C.FILL_STYLE:
        canvas.state = [`${arg(1)}/${arg(2)}`, line!, transform!];
        i += 3;
        break;
      case C.LINE_STYLE:
        canvas.state = [fill!, `${arg(1)}/${arg(2)}/${arg(3)}`, transform!];
        i += 4;
        break;
      case C.TRANSLATE:
      case C.SCALE:
        canvas.state = [fill!, line!, `${transform} ${id}(${arg(1)},${arg(2)})`];
        i += 3;
        break;
      case C.ROTATE:
        canvas.state = [fill!, line!, `${transform} r(${arg(1)})`];
        i += 2;
        break;
      case C.SAVE:
        save();
        i += 1;
        break;
      case C.RESTORE:
        restore();
        i += 1;
        break;
      case C.FILL_PATH:
      case C.STROKE_PATH:
        log.push(`${id} ${canvas.state.join(' | ')}`);
        i += 1;
        break;
      case C.FILL_RECT:
        log.push(`rect ${arg(1)},${arg(2)} ${canvas.state.join(' | ')}`);
        i += 5;
        break;
      case C.MOVE_TO:
      case C.LINE_TO:
        log.push(`${id === C.MOVE_TO ? 'm' : 'l'}${arg(1)},${arg(2)}`);
        i += 3;
        break;
      case C.BEGIN_PATH:
        log.push('begin');
        i += 1;
        break;
      default:
        throw new Error(`not in this test: ${id}`);
    }
  }
  restore();
  return canvas;
}

/** A drawing like the art's: styles, saves with transforms, paths and rects, over and over. */
function drawing(): unknown[] {
  const out: unknown[] = [C.SCALE, 0.5, 0.5, C.LINE_STYLE, 2, 0x111111, 1];
  for (let n = 0; n < 30; n++) {
    out.push(C.FILL_STYLE, n, 0.5);
    if (n % 3 === 0) out.push(C.SAVE, C.TRANSLATE, n, -n);
    if (n % 5 === 0) out.push(C.SAVE, C.ROTATE, n / 10, C.FILL_STYLE, 999, 1);
    out.push(C.BEGIN_PATH, C.MOVE_TO, n, 0, C.LINE_TO, n + 1, 1, C.FILL_PATH);
    out.push(C.FILL_RECT, n, n, 4, 4);
    if (n % 5 === 0) out.push(C.RESTORE);
    if (n % 4 === 0) out.push(C.BEGIN_PATH, C.MOVE_TO, 0, n, C.STROKE_PATH);
    if (n % 3 === 2) out.push(C.RESTORE);
  }
  return out;
}

describe('cutting a drawing into pieces', () => {
  it('numbers its commands as Phaser does', () => {
    // Phaser's own list (its package does not export the file, so it is read and run here).
    const source = readFileSync('node_modules/phaser/src/gameobjects/graphics/Commands.js', 'utf8');
    const module = { exports: {} as Record<string, number> };
    runInNewContext(source, { module });
    const phaser = module.exports;
    for (const [name, id] of Object.entries(COMMAND)) expect(phaser[name], name).toBe(id);
  });

  it('draws every paint in the same state as the whole list, in the same order', () => {
    const whole = drawing();
    const expected: string[] = [];
    replay(whole, expected);
    for (const size of [1, 2, 3, 7, 1000]) {
      const got: string[] = [];
      const state = startState();
      const canvas = { stack: [] as string[][], state: ['', '', ''] };
      let pieces = 0;
      for (let piece = nextSlice(whole, state, size); piece; piece = nextSlice(whole, state, size)) {
        replay(piece.commands, got, canvas);
        // Every piece leaves the canvas as it found it: no save left open.
        expect(canvas.stack.length, `piece ${pieces}`).toBe(0);
        pieces++;
      }
      expect(got.filter((l) => l !== 'begin')).toEqual(expected.filter((l) => l !== 'begin'));
      if (size === 1) expect(pieces).toBeGreaterThan(30);
      if (size === 1000) expect(pieces).toBe(1);
    }
  });

  it('cuts only where a new path begins, with at least the asked-for paints in each piece', () => {
    const whole = drawing();
    const state = startState();
    // Paints as the replay logs them: a fill or stroke of a path, or a rectangle.
    const paints = (commands: readonly unknown[]) => {
      const log: string[] = [];
      replay(commands, log);
      return log.filter((l) => /^(8|9|rect) /.test(l)).length;
    };
    let left = paints(whole);
    for (let piece = nextSlice(whole, state, 4); piece; piece = nextSlice(whole, state, 4)) {
      const next = whole[state.at];
      if (next !== undefined) expect(next).toBe(C.BEGIN_PATH);
      const n = paints(piece.commands);
      expect(piece.paints).toBe(n);
      if (state.at < whole.length) expect(n).toBeGreaterThanOrEqual(4);
      left -= n;
    }
    expect(left).toBe(0);
  });

  it('will not cut a list with a command it does not know', () => {
    expect(canSlice(drawing())).toBe(true);
    expect(canSlice([C.BEGIN_PATH, 99, C.FILL_PATH])).toBe(false);
  });
});
