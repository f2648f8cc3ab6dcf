/**
 * Issue 16: the house's floors point one way (eslint.config.js, `FLOORS`). Each case is an import
 * that runs back up (or sideways) and must be refused, beside the same import from a floor where
 * it is allowed.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('layers point one way: engine ← platform ← app ← ui ← audio/game/trainer ← runner ← main', () => {
  const eslint = new ESLint();
  const rules = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.map((m) => m.ruleId);
  };

  it.each([
    // [importing file, import, a file that may import it]
    ['src/app/x.ts', '../ui/dom', 'src/game/x.ts'],
    ['src/app/x.ts', '../runner/play', 'src/main.ts'],
    ['src/ui/x.ts', '../trainer/protocol', 'src/runner/x.ts'],
    ['src/trainer/x.ts', '../audio/SoundBank', 'src/runner/x.ts'],
    ['src/game/scenes/x.ts', '../../runner/play', 'src/main.ts'],
    ['src/platform/x.ts', '../app/App', 'src/ui/x.ts'],
    ['src/package/x.ts', '../cli/play', 'src/cli/x.ts'],
  ])('%s may not import %s (static or lazy); %s may', async (file, target, allowed) => {
    const fixed = `import { a } from '${target}';\nexport const x = a;\n`;
    const lazy = `export const x = () => import('${target}');\n`;
    expect(await rules(fixed, file)).toContain('no-restricted-imports');
    // import() cannot be caught by no-restricted-imports; a syntax rule catches it (not needed on
    // the Node side, which never loads lazily).
    if (!file.startsWith('src/package')) expect(await rules(lazy, file)).toContain('no-restricted-syntax');
    const depth = allowed.split('/').length - file.split('/').length;
    const fromAllowed = depth === 0 ? target : depth < 0 ? './' + target.replace('../', '') : `../${target}`;
    expect(await rules(`import { a } from '${fromAllowed}';\nexport const x = a;\n`, allowed)).not.toContain(
      'no-restricted-imports',
    );
  });
});
