import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('src/engine stays pure', () => {
  const eslint = new ESLint();
  const lint = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.map((m) => m.ruleId);
  };

  it.each([
    ["import Phaser from 'phaser';\nexport const x = Phaser;\n", 'no-restricted-imports'],
    ["import { Howl } from 'howler';\nexport const x = Howl;\n", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
    ['export const x = window.innerWidth;\n', 'no-restricted-globals'],
    ['export const x = document.title;\n', 'no-restricted-globals'],
  ])('the lint rule rejects %j in src/engine', async (code, rule) => {
    expect(await lint(code, 'src/engine/example.ts')).toContain(rule);
    // The same code is allowed in a view.
    expect(await lint(code, 'src/game/example.ts')).not.toContain(rule);
  });
});
