/** Reading scenario files from disk, for the command-line tools (never imported by the app). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  loadReferences,
  loadScenario,
  type LoadedReferences,
  type LoadedScenario,
} from '../engine/loadScenario';

export const SCENARIO_DIR = 'scenarios';
export const REFERENCE_FILES = ['sources.yaml', 'glossary.yaml', 'expressions.yaml'] as const;

const display = (path: string) => relative(process.cwd(), path) || path;

export function readReferences(dir = SCENARIO_DIR): LoadedReferences {
  const read = (name: string) => {
    const path = join(dir, name);
    return { file: display(path), text: readFileSync(path, 'utf8') };
  };
  return loadReferences({
    sources: read('sources.yaml'),
    glossary: read('glossary.yaml'),
    expressions: read('expressions.yaml'),
  });
}

/** Every scenario file in the folder: the .yaml files that are not reference files. */
export function scenarioFiles(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !(REFERENCE_FILES as readonly string[]).includes(name))
    .sort()
    .map((name) => join(dir, name));
}

export function readScenario(path: string, loaded: LoadedReferences): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : String(error);
    return {
      file: display(path),
      diagnostics: [
        {
          severity: 'error',
          code: 'unreadable',
          file: display(path),
          line: 1,
          column: 1,
          message: `cannot read this file: ${reason}`,
        },
      ],
      ok: false,
      source: {
        file: display(path),
        data: undefined,
        diagnostics: [],
        locate: () => ({ line: 1, column: 1 }),
      },
    };
  }
  return loadScenario({ file: display(path), text }, loaded.references);
}
