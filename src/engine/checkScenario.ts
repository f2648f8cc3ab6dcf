/**
 * Cross-reference checks that a schema cannot express: does every `next` name a node, every
 * speaker a cast member, every guard a real variable, every [[term]] a glossary entry?
 *
 * It reads the data defensively (any field may be missing or of the wrong type), so it can run
 * even when the schema has already found problems: a trainer sees every mistake in one pass.
 */
import { didYouMean, listWords, type Diagnostic, type Severity } from './diagnostics';
import { GLOSSARY_MARK } from './markup';
import { DIMENSIONS, NARRATOR, RESERVED_IDS, SCALE_MIN, type References } from './schema';
import { COMPETENT_LEVEL, SERIOUS_LAPSE_LEVEL } from './scoring';
import type { DataPath, YamlSource } from './yamlSource';

/** Longest dialogue line that still reads comfortably on a projector (about four lines at 32px). */
export const MAX_LINE_CHARS = 320;
/** Longest choice text that still fits a large button. */
export const MAX_CHOICE_CHARS = 200;

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const entries = (x: unknown): [string, Obj][] =>
  isObj(x) ? Object.entries(x).filter((e): e is [string, Obj] => isObj(e[1])) : [];
const items = (x: unknown): [number, Obj][] =>
  Array.isArray(x)
    ? x.map((v, i) => [i, v] as [number, unknown]).filter((e): e is [number, Obj] => isObj(e[1]))
    : [];
const strings = (x: unknown): [number, string][] =>
  Array.isArray(x)
    ? x
        .map((v, i) => [i, v] as [number, unknown])
        .filter((e): e is [number, string] => typeof e[1] === 'string')
    : [];
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** `[[term]]` or `[[shown words|term]]` marks a glossary term in any text. */
const MARKUP = /<\/?[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;|\*\*[^*]+\*\*|(^|\s)_[^_\s][^_]*_(\s|$)/;

export function checkScenario(raw: unknown, source: YamlSource, references: References): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (severity: Severity, code: string, path: DataPath, message: string, key = false) => {
    const { line, column } = source.locate(path, { key });
    out.push({ severity, code, file: source.file, line, column, message });
  };
  if (!isObj(raw)) return out;

  const nodes = entries(raw.nodes);
  const nodeIds = nodes.map(([id]) => id);
  const castIds = entries(raw.cast).map(([id]) => id);
  const locationIds = entries(raw.locations).map(([id]) => id);
  const stateVars = entries(raw.state);
  const varIds = stateVars.map(([id]) => id);
  const glossaryTerms = new Map<string, string>();
  for (const [term, entry] of Object.entries(references.glossary)) {
    glossaryTerms.set(term.toLowerCase(), term);
    for (const alias of entry.aliases ?? []) glossaryTerms.set(alias.toLowerCase(), term);
  }

  // Source keys: the shared ones, plus any the scenario adds for itself.
  const localSources = entries(raw.sources).map(([key]) => key);
  for (const key of localSources) {
    if (key in references.sources) {
      report(
        'error',
        'duplicate-source',
        ['sources', key],
        `'${key}' is already a source in sources.yaml; give this scenario's own source another key (for example '${key}-local')`,
        true,
      );
    }
  }
  const sourceKeys = [...Object.keys(references.sources), ...localSources];
  const checkSources = (path: DataPath, keys: unknown, where: string) => {
    for (const [i, key] of strings(keys)) {
      checkRef([...path, i], key, sourceKeys, 'source', where, 'unknown-source');
    }
  };

  /** unsafe and the level must agree: an unsafe act is keyed -3 or -4, and -4 is only for unsafe acts. */
  const checkLevels = (path: DataPath, item: Obj, label: string) => {
    const score = isObj(item.score) ? item.score : {};
    const unsafe = typeof item.unsafe === 'string' ? [item.unsafe] : strings(item.unsafe).map(([, d]) => d);
    for (const d of unsafe) {
      const level = score[d];
      if (typeof level !== 'number' || level > SERIOUS_LAPSE_LEVEL) {
        report(
          'error',
          'unsafe-level',
          [...path, 'unsafe'],
          `${label} is marked unsafe on ${d}, so key it ${SERIOUS_LAPSE_LEVEL} or ${SCALE_MIN} on ${d} (it is ${typeof level === 'number' ? level : 'not scored there'}): an unsafe act is a serious lapse on the scale too`,
        );
      }
    }
    for (const d of DIMENSIONS) {
      if (score[d] === SCALE_MIN && !unsafe.includes(d)) {
        report(
          'error',
          'level-needs-unsafe',
          [...path, 'score', d],
          `${label} is keyed ${SCALE_MIN} on ${d}, which the scale keeps for unsafe acts: add "unsafe: ${d}", or key it ${SERIOUS_LAPSE_LEVEL} if it is a serious lapse but not unsafe`,
        );
      }
    }
  };

  // Every choice id, and every flag some choice sets, for checking guards.
  const choiceIds = new Map<string, DataPath>();
  const flagsSet = new Set<string>();
  for (const [nodeId, node] of nodes) {
    for (const [i, choice] of items(node.choices)) {
      const id = str(choice.id);
      const path: DataPath = ['nodes', nodeId, 'choices', i, 'id'];
      if (id !== undefined) {
        const first = choiceIds.get(id);
        if (first) {
          const at = source.locate(first);
          report(
            'error',
            'duplicate-choice',
            path,
            `the choice id '${id}' is already used at line ${at.line}; every choice needs its own id so results and saves can name it`,
          );
        } else {
          choiceIds.set(id, path);
        }
      }
      for (const [, flag] of strings(choice.set)) flagsSet.add(flag);
    }
  }

  const checkText = (path: DataPath, text: unknown, limit: number | undefined, what: string) => {
    if (typeof text !== 'string') return;
    if (limit !== undefined && text.length > limit) {
      report(
        'warning',
        'too-long',
        path,
        `this ${what} is ${text.length} characters; keep it under ${limit} so it can be read from the back of a room — split it into two`,
      );
    }
    if (MARKUP.test(text.replace(GLOSSARY_MARK, ''))) {
      report(
        'warning',
        'markup',
        path,
        `this ${what} contains markup (such as <b>, &amp; or **bold**); it will be shown literally, exactly as typed, never as formatting`,
      );
    }
    for (const match of text.matchAll(GLOSSARY_MARK)) {
      const term = (match[2] ?? match[1]!).trim();
      if (!glossaryTerms.has(term.toLowerCase())) {
        report(
          'error',
          'unknown-term',
          path,
          `[[${term}]] is not in glossary.yaml${didYouMean(term, Object.keys(references.glossary))}; add it there or remove the brackets`,
        );
      }
    }
  };

  const checkRef = (
    path: DataPath,
    id: unknown,
    known: readonly string[],
    what: string,
    where: string,
    code: string,
    key = false,
  ) => {
    if (typeof id !== 'string') return;
    if (!known.includes(id)) {
      const list = known.length ? `; the ${what}s are ${listWords(known)}` : `; there are no ${what}s yet`;
      report(
        'error',
        code,
        path,
        `${where} names the ${what} '${id}', which does not exist${didYouMean(id, known)}${list}`,
        key,
      );
    }
  };

  const checkCondition = (path: DataPath, condition: unknown, where: string) => {
    if (!isObj(condition)) return;
    for (const [name, bound] of entries(condition.state)) {
      checkRef([...path, 'state', name], name, varIds, 'state variable', where, 'unknown-variable', true);
      const nums = ['atLeast', 'atMost', 'above', 'below'].filter((k) => typeof bound[k] === 'number');
      if (nums.length === 0) {
        report(
          'error',
          'empty-bound',
          [...path, 'state', name],
          `${where}: say how '${name}' is tested, e.g. { atLeast: 40 }`,
        );
      }
    }
    for (const key of ['flags', 'notFlags'] as const) {
      for (const [i, flag] of strings(condition[key])) {
        if (!flagsSet.has(flag)) {
          report(
            'error',
            'unknown-flag',
            [...path, key, i],
            `${where} tests the flag '${flag}', but no choice sets it${didYouMean(flag, flagsSet)}; add it to some choice's "set:" list`,
          );
        }
      }
    }
    for (const key of ['chose', 'notChose'] as const) {
      for (const [i, id] of strings(condition[key])) {
        checkRef([...path, key, i], id, [...choiceIds.keys()], 'choice', where, 'unknown-choice');
      }
    }
    // "chose: [a, b]" means a AND b. Two options of one decision are never both chosen (a
    // decision is met once on a path), so such a test never holds: the author meant "either".
    const byNode = new Map<string, string>();
    for (const [i, id] of strings(condition.chose)) {
      const node = choiceIds.get(id)?.[1];
      if (typeof node !== 'string') continue;
      const other = byNode.get(node);
      if (other !== undefined) {
        report(
          'warning',
          'chose-both',
          [...path, 'chose', i],
          `${where} needs both '${other}' and '${id}' chosen, but they are options of the same decision ('${node}'), so it never holds; "chose:" means all of them — for either one, write two rules or set a flag on each`,
        );
      } else byNode.set(node, id);
    }
  };

  // Cast.
  for (const [id, member] of entries(raw.cast)) {
    if ((RESERVED_IDS as readonly string[]).includes(id)) {
      report(
        'error',
        'reserved-id',
        ['cast', id],
        `'${id}' is a reserved word and cannot be a character's id; choose another`,
        true,
      );
    }
    for (const [i, rule] of items(member.mood)) {
      checkCondition(['cast', id, 'mood', i, 'if'], rule.if, `mood rule ${i + 1} of '${id}'`);
      if (isObj(rule.if) && (rule.if.flags || rule.if.notFlags || rule.if.chose || rule.if.notChose)) {
        report(
          'warning',
          'mood-on-flags',
          ['cast', id, 'mood', i, 'if'],
          `mood rules should test state variables only, so an expression follows how the person feels`,
        );
      }
    }
    const rules = items(member.mood);
    if (rules.length > 0 && rules.every(([, r]) => r.if !== undefined)) {
      report(
        'warning',
        'no-default-mood',
        ['cast', id, 'mood'],
        `'${id}' has no mood rule without "if"; add one last rule such as "- show: calm" so there is always an expression`,
      );
    }
  }

  // State variables.
  for (const [id, variable] of stateVars) {
    const { min, max, start } = variable;
    if (typeof min === 'number' && typeof max === 'number') {
      if (min >= max)
        report(
          'error',
          'bad-range',
          ['state', id, 'min'],
          `'${id}' has min ${min} and max ${max}; min must be less than max`,
        );
      else if (typeof start === 'number' && (start < min || start > max)) {
        report(
          'error',
          'bad-start',
          ['state', id, 'start'],
          `'${id}' starts at ${start}, outside its range ${min} to ${max}`,
        );
      }
    }
    checkRef(
      ['state', id, 'character'],
      variable.character,
      castIds,
      'character',
      `state variable '${id}'`,
      'unknown-character',
    );
  }

  checkRef(['start'], raw.start, nodeIds, 'node', 'start', 'unknown-node');

  // The dimensions some choice or assessment is keyed on: an outcome can be evidenced only by those.
  const tested = new Set<string>();
  for (const [, node] of nodes) {
    if (!isObj(node)) continue;
    for (const [, item] of [...items(node.choices), ...items(node.assess)]) {
      if (isObj(item.score)) for (const d of Object.keys(item.score)) tested.add(d);
    }
  }
  // The moments an outcome's shownAt can name: decisions (nodes with choices) and assessment ids.
  const decisionNodes = new Map(nodes.filter(([, n]) => items(n.choices).length > 0));
  const assessmentsById = new Map<string, Obj[]>();
  for (const [nodeId, node] of nodes) {
    for (const [j, a] of items(node.assess)) {
      const id = str(a.id);
      if (id === undefined) continue;
      if (nodeIds.includes(id)) {
        report(
          'error',
          'assessment-id-clash',
          ['nodes', nodeId, 'assess', j, 'id'],
          `assessment ${j + 1} of node '${nodeId}' has the id '${id}', which is also a node's; give it another id so an outcome's shownAt names one thing`,
        );
      }
      assessmentsById.set(id, [...(assessmentsById.get(id) ?? []), a]);
    }
  }
  const choicesById = new Map<string, Obj>();
  for (const [, node] of nodes)
    for (const [, c] of items(node.choices)) if (typeof c.id === 'string') choicesById.set(c.id, c);
  const momentIds = [...decisionNodes.keys(), ...choicesById.keys(), ...assessmentsById.keys()];
  const levelsOn = (item: Obj, dims: readonly string[]) =>
    dims.flatMap((d) => (isObj(item.score) && typeof item.score[d] === 'number' ? [item.score[d]] : []));
  const outcomeIds = new Map<string, number>();
  for (const [i, outcome] of items(raw.outcomes)) {
    checkText(['outcomes', i, 'text'], outcome.text, undefined, 'outcome');
    if (typeof outcome.source === 'string')
      checkSources(['outcomes', i], [outcome.source], `outcome ${i + 1}`);
    const oid = str(outcome.id);
    if (oid !== undefined) {
      if (outcomeIds.has(oid))
        report(
          'error',
          'duplicate-outcome',
          ['outcomes', i, 'id'],
          `outcome ${i + 1} reuses the id '${oid}' of outcome ${outcomeIds.get(oid)! + 1}; each needs its own id`,
        );
      else outcomeIds.set(oid, i);
    }
    // The evidence report marks an outcome covered only through the dimensions it names.
    if (outcome.evidences === undefined) {
      report(
        'warning',
        'outcome-unlinked',
        ['outcomes', i],
        `outcome ${i + 1} says no "evidences:", so the evidence report can never mark it covered; name the dimension(s) whose band shows it, e.g. evidences: [boundaries]`,
      );
    } else if (Array.isArray(outcome.evidences)) {
      for (const [j, d] of outcome.evidences.entries()) {
        if (typeof d === 'string' && DIMENSIONS.includes(d as never) && !tested.has(d))
          report(
            'warning',
            'outcome-untested',
            ['outcomes', i, 'evidences', j],
            `outcome ${i + 1} is evidenced by ${d}, but no choice or assessment in this scenario is scored on ${d}, so it could never be covered`,
          );
      }
    }
    const dims = strings(outcome.evidences).map(([, d]) => d);
    if (dims.length > 0 && outcome.shownAt === undefined) {
      report(
        'warning',
        'outcome-no-moments',
        ['outcomes', i],
        `outcome ${i + 1} names no "shownAt:", so the evidence report can only judge it on the whole-path bands, where a lapse at the moment that tests it can be averaged away and an unrelated one elsewhere can deny it; name the decisions (and any assessment ids) that test it, e.g. shownAt: [report-call]`,
      );
    }
    let canShow = false;
    let explained = false; // a named moment already has its own diagnostic
    for (const [j, id] of strings(outcome.shownAt)) {
      const path: DataPath = ['outcomes', i, 'shownAt', j];
      const decision = decisionNodes.get(id);
      const found = assessmentsById.get(id);
      const choice = choicesById.get(id);
      if ([decision, found, choice].filter(Boolean).length > 1) {
        explained = true;
        report(
          'error',
          'ambiguous-moment',
          path,
          `outcome ${i + 1} is shown at '${id}', which names more than one of a decision, an option and an assessment; rename one of them so shownAt names one thing`,
        );
      } else if (choice) {
        if (levelsOn(choice, dims).length === 0) {
          explained = true;
          report(
            'warning',
            'moment-untested',
            path,
            `outcome ${i + 1} is shown at the option '${id}', which is not scored on ${listWords(dims)}, so choosing it can never test this outcome`,
          );
        } else if (Math.max(...levelsOn(choice, dims)) >= COMPETENT_LEVEL) canShow = true;
      } else if (decision) {
        const levels = items(decision.choices).flatMap(([, c]) => levelsOn(c, dims));
        if (levels.length === 0) {
          explained = true;
          report(
            'warning',
            'moment-untested',
            path,
            `outcome ${i + 1} is shown at decision '${id}', but no option there is scored on ${listWords(dims)}, so it can never test this outcome; score the options there, or name another decision`,
          );
        } else if (Math.max(...levels) < COMPETENT_LEVEL) {
          explained = true;
          report(
            'warning',
            'moment-never-competent',
            path,
            `outcome ${i + 1} is shown at decision '${id}', but no option there reaches +${COMPETENT_LEVEL} on ${listWords(dims)}, so the outcome could never be covered there`,
          );
        } else canShow = true;
      } else if (found) {
        const levels = found.flatMap((a) => levelsOn(a, dims));
        if (levels.length === 0) {
          explained = true;
          report(
            'warning',
            'moment-untested',
            path,
            `outcome ${i + 1} is shown at the assessment '${id}', but no assessment with that id is scored on ${listWords(dims)}, so it can never test this outcome`,
          );
        } else if (Math.max(...levels) >= COMPETENT_LEVEL) canShow = true;
      } else if (nodeIds.includes(id)) {
        explained = true;
        report(
          'error',
          'unknown-moment',
          path,
          `outcome ${i + 1} is shown at '${id}', a node with no choices, so not a decision; to name what it finds on arrival, give that assessment an id (e.g. "id: ${id}-omission") and name the id here`,
        );
      } else {
        const list = momentIds.length ? `; they are ${listWords(momentIds)}` : '';
        explained = true;
        report(
          'error',
          'unknown-moment',
          path,
          `outcome ${i + 1} is shown at '${id}', which is neither a decision, an option nor an assessment id${didYouMean(id, momentIds)}${list}`,
        );
      }
    }
    if (!canShow && !explained && strings(outcome.shownAt).length > 0 && dims.length > 0) {
      report(
        'warning',
        'outcome-never-covered',
        ['outcomes', i, 'shownAt'],
        `no moment outcome ${i + 1} names can reach +${COMPETENT_LEVEL} on ${listWords(dims)}, so the evidence report could never mark it covered; name the decision where it is shown well`,
      );
    }
  }
  checkText(['title'], raw.title, 80, 'title');
  checkText(['learnerRole'], raw.learnerRole, undefined, 'learner role');
  checkText(['summary'], raw.summary, undefined, 'summary');
  for (const [i, q] of strings(raw.reflection))
    checkText(['reflection', i], q, undefined, 'reflection question');
  for (const [i, sign] of items(raw.support))
    checkText(['support', i, 'detail'], sign.detail, undefined, 'support detail');
  checkText(['contentNote'], raw.contentNote, undefined, 'content note');
  checkText(['prebrief'], raw.prebrief, undefined, 'pre-brief');

  for (const [nodeId, node] of nodes) {
    const at = (...rest: (string | number)[]): DataPath => ['nodes', nodeId, ...rest];
    const here = `node '${nodeId}'`;
    checkRef(at('location'), node.location, locationIds, 'location', here, 'unknown-location');
    const present = strings(node.present).map(([, p]) => p);
    for (const [i, who] of strings(node.present)) {
      checkRef(at('present', i), who, castIds, 'character', here, 'unknown-character');
    }
    for (const [i, line] of items(node.lines)) {
      const speaker = str(line.speaker);
      if (speaker !== undefined && speaker !== NARRATOR) {
        checkRef(
          at('lines', i, 'speaker'),
          speaker,
          [...castIds, NARRATOR],
          'speaker',
          `line ${i + 1} of ${here}`,
          'unknown-speaker',
        );
        const inRoom = line.as === undefined || line.as === 'speech';
        if (castIds.includes(speaker) && !present.includes(speaker) && inRoom) {
          report(
            'warning',
            'speaker-absent',
            at('lines', i, 'speaker'),
            `'${speaker}' speaks in ${here} but is not in its "present" list; add them so they are drawn in the room`,
          );
        }
      }
      checkText(at('lines', i, 'text'), line.text, MAX_LINE_CHARS, 'line');
      checkCondition(at('lines', i, 'if'), line.if, `line ${i + 1} of ${here}`);
    }

    const choices = items(node.choices);
    const ending = node.ending;
    if (choices.length > 0 && ending !== undefined) {
      report(
        'error',
        'ending-with-choices',
        at('ending'),
        `${here} has both choices and an ending; an ending is where the conversation stops — move the ending to a node of its own`,
        true,
      );
    }
    if (choices.length === 0 && ending === undefined) {
      report(
        'error',
        'no-way-on',
        ['nodes', nodeId],
        `${here} has no choices and is not an ending, so the learner would be stuck; add choices or an "ending:"`,
        true,
      );
    }
    if (choices.length > 0 && (typeof node.discuss !== 'string' || node.discuss.trim() === '')) {
      report(
        'warning',
        'no-prompt',
        ['nodes', nodeId],
        `${here} is a decision without a trainer discussion prompt; add "discuss:" with a question for the group`,
        true,
      );
    }
    if (choices.length > 9) {
      report(
        'warning',
        'too-many-choices',
        at('choices'),
        `${here} has ${choices.length} choices; keep to 9 or fewer so each has a number key`,
      );
    }
    checkText(at('discuss'), node.discuss, undefined, 'prompt');

    for (const [i, choice] of choices) {
      const c = (...rest: (string | number)[]) => at('choices', i, ...rest);
      const label = `choice '${str(choice.id) ?? i + 1}'`;
      if (typeof choice.next === 'string' && !nodeIds.includes(choice.next)) {
        report(
          'error',
          'unknown-node',
          c('next'),
          `${label} goes to node '${choice.next}', which does not exist${didYouMean(choice.next, nodeIds)}`,
        );
      }
      const destinations = items(choice.next);
      for (const [j, dest] of destinations) {
        if (typeof dest.to === 'string' && !nodeIds.includes(dest.to)) {
          report(
            'error',
            'unknown-node',
            c('next', j, 'to'),
            `${label} may go to node '${dest.to}', which does not exist${didYouMean(dest.to, nodeIds)}`,
          );
        }
        checkCondition(c('next', j, 'if'), dest.if, `destination ${j + 1} of ${label}`);
      }
      const last = destinations[destinations.length - 1];
      if (last && last[1].if !== undefined) {
        report(
          'error',
          'next-needs-default',
          c('next', last[0]),
          `the last place ${label} can lead to has an "if", so when no "if" holds the learner would be stuck; remove the "if" from the last entry so it is where the choice leads otherwise`,
        );
      }
      for (const [j, dest] of destinations.slice(0, -1)) {
        if (dest.if === undefined) {
          report(
            'warning',
            'unreachable-destination',
            c('next', j + 1),
            `destination ${j + 1} of ${label} has no "if", so the entries after it are never used`,
          );
        }
      }
      checkLevels(c(), choice, label);
      if (isObj(choice.feedback)) checkSources(c('feedback', 'sources'), choice.feedback.sources, label);
      for (const [name] of Object.entries(isObj(choice.effects) ? choice.effects : {})) {
        checkRef(c('effects', name), name, varIds, 'state variable', label, 'unknown-variable', true);
      }
      checkCondition(c('if'), choice.if, label);
      checkText(c('text'), choice.text, MAX_CHOICE_CHARS, 'choice');
      if (isObj(choice.feedback)) checkText(c('feedback', 'why'), choice.feedback.why, undefined, 'feedback');
      if (isObj(choice.score) && Object.keys(choice.score).length === 0) {
        report(
          'warning',
          'empty-score',
          c('score'),
          `${label} has an empty score; remove it, or score at least one of ${DIMENSIONS.join(', ')}`,
        );
      }
    }

    for (const [i, a] of items(node.assess)) {
      const label = `assessment ${i + 1} of ${here}`;
      checkCondition(at('assess', i, 'if'), a.if, label);
      checkLevels(at('assess', i), a, label);
      if (isObj(a.feedback)) {
        checkText(at('assess', i, 'feedback', 'why'), a.feedback.why, undefined, 'feedback');
        checkSources(at('assess', i, 'feedback', 'sources'), a.feedback.sources, label);
      }
    }
    if (node.weight !== undefined && choices.length === 0) {
      report(
        'warning',
        'weight-without-decision',
        at('weight'),
        `${here} has a weight but no choices; a weight says how much a decision counts — give an assessment its own "weight:" instead`,
      );
    }

    if (isObj(ending)) {
      checkText(at('ending', 'title'), ending.title, 80, 'ending title');
      checkText(at('ending', 'whatNext'), ending.whatNext, undefined, 'ending');
      for (const [i, q] of strings(ending.reflection))
        checkText(at('ending', 'reflection', i), q, undefined, 'reflection question');
      const signposts = items(ending.signposting).length + items(raw.support).length;
      if (signposts === 0) {
        report(
          'warning',
          'no-signposting',
          at('ending'),
          `ending '${nodeId}' has no signposting and the scenario has no "support:" list; say where a learner can find help`,
          true,
        );
      }
    }
  }

  // Expectations: names are unique, and what they name exists.
  const names = new Map<string, number>();
  const endings = nodes.filter(([, n]) => n.ending !== undefined).map(([id]) => id);
  for (const [i, e] of items(raw.expectations)) {
    const name = str(e.name);
    if (name !== undefined) {
      if (names.has(name)) {
        report(
          'error',
          'duplicate-expectation',
          ['expectations', i, 'name'],
          `expectation ${i + 1} reuses the name '${name}' of expectation ${names.get(name)! + 1}; each needs its own name`,
        );
      } else names.set(name, i);
    }
    for (const [j, id] of strings(e.path)) {
      checkRef(
        ['expectations', i, 'path', j],
        id,
        [...choiceIds.keys()],
        'choice',
        `expectation '${name ?? i + 1}'`,
        'unknown-choice',
      );
    }
    checkRef(
      ['expectations', i, 'ends'],
      e.ends,
      endings,
      'ending',
      `expectation '${name ?? i + 1}'`,
      'unknown-ending',
    );
    for (const key of ['covers', 'notCovered'] as const) {
      for (const [j, id] of strings(e[key])) {
        checkRef(
          ['expectations', i, key, j],
          id,
          [...outcomeIds.keys()],
          'outcome id',
          `expectation '${name ?? i + 1}'`,
          'unknown-outcome',
        );
      }
    }
  }
  for (const [i, e] of items(raw.expectations)) {
    for (const other of Object.keys(isObj(e.beats) ? e.beats : {})) {
      checkRef(
        ['expectations', i, 'beats', other],
        other,
        [...names.keys()],
        'expectation',
        `expectation '${str(e.name) ?? i + 1}'`,
        'unknown-expectation',
        true,
      );
    }
  }

  return out;
}
