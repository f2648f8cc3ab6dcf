/**
 * Loading: YAML text → validated data with diagnostics. Takes text, not paths, so the same code
 * runs in the validator, the tests and the browser (a trainer's own file dropped on the menu).
 */
import type { z } from 'zod';
import { analyseScenario, type ScenarioAnalysis } from './analyseScenario';
import { checkScenario } from './checkScenario';
import { expectationIssues } from './expectations';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics';
import {
  ExpressionsFileSchema,
  GlossaryFileSchema,
  makeScenarioSchema,
  REQUIRED_EXPRESSIONS,
  SourcesFileSchema,
  type References,
  type Scenario,
} from './schema';
import { parseYamlSource, schemaDiagnostics, type YamlSource } from './yamlSource';

export interface SourceText {
  file: string;
  text: string;
}

export interface LoadedScenario {
  file: string;
  /** Present when the file parsed and matched the schema (it may still have reference errors). */
  scenario?: Scenario;
  diagnostics: Diagnostic[];
  /** True when there are no errors: the scenario can be played. */
  ok: boolean;
  /** The analysis, when the file matched the schema. */
  analysis?: ScenarioAnalysis;
  source: YamlSource;
}

export interface LoadedReferences {
  references: References;
  diagnostics: Diagnostic[];
}

function parseWith<T>(source: SourceText, schema: z.ZodType<T>, fallback: T) {
  const yaml = parseYamlSource(source.file, source.text);
  if (yaml.data === undefined) return { value: fallback, diagnostics: yaml.diagnostics, yaml };
  const result = schema.safeParse(yaml.data ?? {});
  if (result.success) return { value: result.data, diagnostics: yaml.diagnostics, yaml };
  return {
    value: fallback,
    diagnostics: [...yaml.diagnostics, ...schemaDiagnostics(yaml, schema, result.error.issues)],
    yaml,
  };
}

/** Read sources.yaml, glossary.yaml and expressions.yaml. */
export function loadReferences(files: {
  sources: SourceText;
  glossary: SourceText;
  expressions: SourceText;
}): LoadedReferences {
  const sources = parseWith(files.sources, SourcesFileSchema, {});
  const glossary = parseWith(files.glossary, GlossaryFileSchema, {});
  const expressions = parseWith(files.expressions, ExpressionsFileSchema, {});
  const diagnostics = [...sources.diagnostics, ...glossary.diagnostics, ...expressions.diagnostics];
  for (const name of REQUIRED_EXPRESSIONS) {
    if (expressions.yaml.data !== undefined && !(name in expressions.value)) {
      diagnostics.push({
        severity: 'error',
        code: 'missing-expression',
        file: files.expressions.file,
        line: 1,
        column: 1,
        message: `the expression '${name}' is missing; every character must be able to show ${REQUIRED_EXPRESSIONS.join(', ')}`,
      });
    }
  }
  return {
    references: { sources: sources.value, glossary: glossary.value, expressions: expressions.value },
    diagnostics,
  };
}

const schemaCache = new WeakMap<References, ReturnType<typeof makeScenarioSchema>>();

export function scenarioSchemaFor(references: References) {
  let schema = schemaCache.get(references);
  if (!schema) {
    schema = makeScenarioSchema({
      expressions: Object.keys(references.expressions),
      sources: Object.keys(references.sources),
    });
    schemaCache.set(references, schema);
  }
  return schema;
}

/** The largest scenario file read, in characters: the largest shipped one is about 60,000. */
export const MAX_SCENARIO_CHARS = 1_000_000;

/** Why a text cannot be a scenario file before it is even parsed: too large, or not text. */
export function unreadableText(text: string): { code: string; message: string } | null {
  if (text.length > MAX_SCENARIO_CHARS) {
    const mb = (text.length / 1_000_000).toFixed(1);
    return {
      code: 'too-large',
      message: `this file is ${mb} million characters long; a scenario may be at most 1 million (the longest shipped one is about 60,000) — check it is the right file, or split it into two scenarios`,
    };
  }
  const sample = text.slice(0, 8192);
  const looksZip = sample.startsWith('PK\u0003\u0004');
  const replaced = (sample.match(/\uFFFD/g) ?? []).length;
  // eslint-disable-next-line no-control-regex
  const controls = (sample.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/g) ?? []).length;
  if (looksZip || sample.includes('\u0000') || controls + replaced > Math.max(8, sample.length / 50)) {
    return {
      code: 'not-text',
      message: `this is not a text file${looksZip ? ' (it looks like a Word document or another zipped file)' : ''}; a scenario is plain text in YAML — if you wrote it in Word, use "Save as" and choose "Plain text (.txt)", or copy the text into a text editor`,
    };
  }
  return null;
}

/** Parse, check against the schema, then check every cross-reference. Reports all problems. */
export function loadScenario(source: SourceText, references: References): LoadedScenario {
  const unreadable = unreadableText(source.text);
  if (unreadable) {
    const diagnostic: Diagnostic = {
      severity: 'error',
      file: source.file,
      line: 1,
      column: 1,
      ...unreadable,
    };
    return {
      file: source.file,
      diagnostics: [diagnostic],
      ok: false,
      source: {
        file: source.file,
        data: undefined,
        diagnostics: [diagnostic],
        locate: () => ({ line: 1, column: 1 }),
      },
    };
  }
  const yaml = parseYamlSource(source.file, source.text);
  const diagnostics = [...yaml.diagnostics];
  let scenario: Scenario | undefined;
  if (yaml.data !== undefined) {
    if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
      diagnostics.push({
        severity: 'error',
        code: 'not-a-scenario',
        file: source.file,
        line: 1,
        column: 1,
        message:
          'this file does not look like a scenario: it should start with fields such as "id:", "title:" and "nodes:"',
      });
    } else {
      const schema = scenarioSchemaFor(references);
      const result = schema.safeParse(yaml.data);
      if (result.success) scenario = result.data;
      else diagnostics.push(...schemaDiagnostics(yaml, schema, result.error.issues));
      // Cross-references are checked on the raw data too, so one pass shows every problem.
      diagnostics.push(...checkScenario(yaml.data, yaml, references));
    }
  }
  let analysis: ScenarioAnalysis | undefined;
  if (scenario) {
    analysis = analyseScenario(scenario);
    const issues = [...analysis.issues];
    // The trainer's expectations are played only on a scenario that is otherwise sound.
    if (!hasErrors(diagnostics) && !issues.some((i) => i.severity === 'error')) {
      issues.push(...expectationIssues(scenario));
    }
    for (const issue of issues) {
      // A node-level problem points at the node's name; a field-level one at the field's value.
      const atNode = issue.path.length === 2 && issue.path[0] === 'nodes';
      const { line, column } = yaml.locate(issue.path, { key: atNode });
      diagnostics.push({
        severity: issue.severity,
        code: issue.code,
        file: source.file,
        line,
        column,
        message: issue.message,
      });
    }
  }
  sortDiagnostics(diagnostics);
  const ok = scenario !== undefined && !hasErrors(diagnostics);
  return { file: source.file, scenario, diagnostics, ok, source: yaml, analysis };
}
