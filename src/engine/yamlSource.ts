/**
 * YAML text → plain data plus a way back from any data path to `line:column` in the file.
 * Keeping that map is what lets every diagnostic, from the parser, the schema or the analysis,
 * point at the exact place a trainer has to look.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { didYouMean, listWords, type Diagnostic, type Severity } from './diagnostics';

export type DataPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  file: string;
  /** The parsed data, or undefined when the YAML itself could not be read. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Where the value at `path` starts; with `key: true`, where its key is written. */
  locate(path: DataPath, options?: { key?: boolean }): Position;
}

interface Located {
  node: Node | null;
  key: Node | null;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];

  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  let tooDeep = false;
  for (const error of doc.errors) {
    const { line, column } = toPosition(error.pos[0]);
    if (/call stack/i.test(error.message)) {
      // The parser ran out of stack: say what that means, once.
      if (tooDeep) continue;
      tooDeep = true;
      diagnostics.push({
        severity: 'error',
        code: 'too-deep',
        file,
        line,
        column,
        message: TOO_DEEP,
      });
      continue;
    }
    diagnostics.push({
      severity: 'error',
      code: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
      file,
      line,
      column,
      message:
        error.code === 'DUPLICATE_KEY'
          ? duplicateMessage(text, error.pos[0])
          : yamlMessage(error.code, error.message),
    });
  }
  for (const warning of doc.warnings) {
    const { line, column } = toPosition(warning.pos[0]);
    diagnostics.push({
      severity: 'warning',
      code: 'yaml-warning',
      file,
      line,
      column,
      message: firstLine(warning.message),
    });
  }

  const walk = (path: DataPath): Located[] => {
    const trail: Located[] = [{ node: doc.contents as Node | null, key: null }];
    let current = doc.contents as unknown;
    for (const segment of path) {
      let next: Located | undefined;
      if (isMap(current)) {
        for (const item of current.items) {
          if (!isPair(item)) continue;
          const keyValue = isScalar(item.key) ? item.key.value : item.key;
          if (String(keyValue) === String(segment)) {
            next = { node: (item.value as Node | null) ?? null, key: item.key as Node };
            break;
          }
        }
      } else if (isSeq(current) && typeof segment === 'number') {
        const item = current.items[segment];
        if (item !== undefined) next = { node: item as Node, key: null };
      }
      if (next === undefined) break;
      trail.push(next);
      current = next.node;
    }
    return trail;
  };

  const locate = (path: DataPath, options: { key?: boolean } = {}): Position => {
    const trail = walk(path);
    const complete = trail.length === path.length + 1;
    const last = trail[trail.length - 1]!;
    // For a path that does not exist (a missing field), point at its parent's key.
    const target = complete
      ? ((options.key ? last.key : last.node) ?? last.key ?? last.node)
      : (last.key ?? last.node);
    const range = target?.range;
    if (range) return toPosition(range[0]);
    // An empty value after a key ("title:") has no range of its own: use the key.
    for (let i = trail.length - 1; i >= 0; i--) {
      const r = trail[i]!.key?.range ?? trail[i]!.node?.range;
      if (r) return toPosition(r[0]);
    }
    return { line: 1, column: 1 };
  };

  let data: unknown = undefined;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // An alias bomb (or an anchor reused thousands of times), or nesting too deep to expand.
      const aliases = /alias/i.test(String((error as Error)?.message));
      const at = aliases ? text.search(/(^|[\s[{,:-])\*[^\s,\]}]/m) : -1;
      const { line, column } = toPosition(Math.max(0, at) + (at > 0 ? 1 : 0));
      diagnostics.push({
        severity: 'error',
        code: aliases ? 'too-many-aliases' : 'too-deep',
        file,
        line,
        column,
        message: aliases
          ? `this file repeats its anchors (&name, reused with *name) so many times that it would expand into too much data (more than ${MAX_ALIAS_COUNT.toLocaleString('en-GB')} copies); write the repeated part out, or reuse it less`
          : TOO_DEEP,
      });
    }
  }
  return { file, data, diagnostics, locate };
}

/**
 * How many times anchored data may be copied in. An ordinary file may reuse a look or a score
 * block dozens of times; a hostile "billion laughs" file nests aliases to multiply them, and is
 * stopped long before it can exhaust memory.
 */
export const MAX_ALIAS_COUNT = 10_000;

const TOO_DEEP =
  'this file is nested too deeply (lists or blocks inside each other hundreds of levels down) to be read; a scenario needs about ten levels at most — check the indentation and the brackets';

const DUPLICATE_WHAT: Record<string, string> = {
  nodes: 'node',
  cast: 'character',
  locations: 'location',
  state: 'state variable',
  sources: 'source',
};

/** "node 'x' is defined twice", naming the key and what it is, from the text around it. */
function duplicateMessage(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const key = /^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/.exec(line)?.[1]?.trim();
  const indent = line.length - line.trimStart().length;
  // The parent block: the nearest line above with less indentation.
  let parent: string | undefined;
  const before = text.slice(0, lineStart).split('\n').reverse();
  for (const above of before) {
    if (above.trim() === '' || above.trimStart().startsWith('#')) continue;
    const aboveIndent = above.length - above.trimStart().length;
    if (aboveIndent < indent) {
      parent = /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(above)?.[1]?.trim();
      break;
    }
  }
  if (key === undefined) return yamlMessage('DUPLICATE_KEY', '');
  const what = parent ? DUPLICATE_WHAT[parent] : undefined;
  if (what) {
    return `the ${what} '${key}' is defined twice in "${parent}:"; every ${what} needs its own name — rename or remove one`;
  }
  return `'${key}' is written twice${parent ? ` in "${parent}:"` : ' at the top of the file'}; each field may appear once in the same block — rename or remove one`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key is written twice in the same block; each name (node, character, location, field) must be unique — rename or remove one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `the YAML cannot be read here (${firstLine(message)}); check the indentation and that every "key:" has a space after the colon`;
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key runs over more than one line; this usually means a missing colon or wrong indentation on the line above, or text that needs quotes';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a block is used as a key; check the indentation of this line and the one above';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML needs spaces';
    default:
      return `the YAML cannot be read here: ${firstLine(message)}`;
  }
}

/** Describe a value briefly for a message. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of fields';
  if (typeof value === 'string')
    return `the text "${value.length > 40 ? value.slice(0, 37) + '...' : value}"`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a block of fields',
  record: 'a block of named entries',
};

/** Zod's schema at a data path, to list the fields it allows there. */
function schemaAt(schema: z.ZodType, path: DataPath): z.ZodType | undefined {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let x = s as { _zod?: { def: { type: string; innerType?: unknown; in?: unknown } } };
    while (x?._zod && ['optional', 'nullable', 'default', 'pipe'].includes(x._zod.def.type)) {
      x = (x._zod.def.innerType ?? x._zod.def.in) as typeof x;
    }
    return x;
  };
  for (const segment of path) {
    const s = unwrap(current) as {
      _zod: {
        def: { type: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown };
      };
    };
    if (!s?._zod) return undefined;
    const def = s._zod.def;
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
  }
  return unwrap(current) as z.ZodType | undefined;
}

function fieldsAt(schema: z.ZodType, path: DataPath): string[] {
  const s = schemaAt(schema, path) as { _zod?: { def: { type: string; shape?: object } } } | undefined;
  return s?._zod?.def.type === 'object' ? Object.keys(s._zod.def.shape ?? {}) : [];
}

function pathWords(path: DataPath): string {
  if (path.length === 0) return 'the file';
  return path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : i === 0 ? p : `.${p}`)).join('');
}

function valueAt(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Turn zod's issues into diagnostics that say where, what and how to fix. */
export function schemaDiagnostics(
  source: YamlSource,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  severity: Severity = 'error',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (code: string, path: DataPath, message: string, key = false) => {
    const { line, column } = source.locate(path, { key });
    out.push({ severity, code, file: source.file, line, column, message });
  };

  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = pathWords(path);
    const value = valueAt(source.data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = fieldsAt(schema, path);
        for (const key of issue.keys) {
          push(
            'unknown-key',
            [...path, key],
            `unknown field '${key}' in ${where}${didYouMean(key, allowed)}` +
              (allowed.length ? ` (allowed here: ${listWords(allowed, 20)})` : ''),
            true,
          );
        }
        break;
      }
      case 'invalid_type': {
        const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
        if (value === undefined) {
          const field = path[path.length - 1];
          push(
            'missing-field',
            path,
            `${pathWords(path.slice(0, -1))} is missing '${String(field)}', which is required (${expected})`,
          );
        } else {
          push('wrong-type', path, `${where} should be ${expected}, but it is ${describe(value)}`);
        }
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        const hint = typeof value === 'string' ? didYouMean(value, options) : '';
        push(
          'invalid-value',
          path,
          `${where} is ${describe(value)}, which is not allowed${hint}; choose one of ${listWords(options, 16)}`,
        );
        break;
      }
      case 'invalid_key': {
        const key = path[path.length - 1];
        push(
          'invalid-name',
          path,
          `the name '${String(key)}' in ${pathWords(path.slice(0, -1))} is not allowed: ${issue.issues[0]?.message ?? issue.message}`,
          true,
        );
        break;
      }
      case 'too_small':
        if (issue.origin === 'array') {
          push('too-few', path, `${where} needs at least ${String(issue.minimum)} item(s)`);
        } else if (issue.origin === 'string') {
          push('empty', path, `${where}: ${issue.message}`);
        } else {
          push(
            'too-small',
            path,
            `${where} is ${String(value)}; it must be at least ${String(issue.minimum)}`,
          );
        }
        break;
      case 'too_big':
        push(
          'too-big',
          path,
          issue.origin === 'array'
            ? `${where} has too many items (at most ${String(issue.maximum)})`
            : `${where} is ${String(value)}; it must be at most ${String(issue.maximum)}`,
        );
        break;
      case 'invalid_format':
        push('bad-format', path, `${where} is ${describe(value)}: ${issue.message}`);
        break;
      default:
        push('invalid', path, `${where}: ${issue.message}`);
    }
  }
  return out;
}
