/**
 * npm run play -- <scenario.yaml> [--path id,id,... | --path 3,1,2,...] [--transcript]
 *
 * A text player for authors: numbered choices, feedback after each, final bands. With --path the
 * choices are taken from the list instead of asked for, by id or by the number shown on screen;
 * with --transcript it prints a golden transcript (see tests/transcripts/) of that path instead.
 */
import { createInterface } from 'node:readline';
import { formatDiagnostic } from '../engine/diagnostics';
import { playTranscript } from '../engine/goldenTranscript';
import { DIMENSIONS } from '../engine/model';
import { plainText } from '../engine/markup';
import { Session } from '../engine/Session';
import { readReferences, readScenario } from '../build/files';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--path'));
const pathArg = args.includes('--path') ? (args[args.indexOf('--path') + 1] ?? '') : undefined;
const scripted = pathArg === undefined ? undefined : pathArg.split(',').filter(Boolean);

if (!file) {
  console.error('usage: npm run play -- scenarios/<file>.yaml [--path choice,choice,...] [--transcript]');
  process.exit(2);
}

const references = readReferences();
const loaded = readScenario(file, references);
for (const d of loaded.diagnostics) console.error(formatDiagnostic(d));
if (!loaded.ok || !loaded.scenario) {
  console.error(`${file} has errors, so it cannot be played. Fix them and try again.`);
  process.exit(1);
}
const scenario = loaded.scenario;

/** Numbers as a learner sees them (1 is the first option shown), turned into choice ids. */
function idsFromNumbers(numbers: string[]): string[] {
  const walk = new Session(scenario);
  const ids: string[] = [];
  for (const n of numbers) {
    while (walk.snapshot.phase === 'line') walk.next();
    const choice = walk.snapshot.choices.find((c) => c.number === Number(n));
    if (!choice) {
      console.error(`${file}: at decision ${ids.length + 1} there is no option ${n}`);
      process.exit(1);
    }
    ids.push(choice.id);
    walk.choose(choice.id);
  }
  return ids;
}
const path =
  scripted && scripted.length > 0 && scripted.every((s) => /^\d+$/.test(s))
    ? idsFromNumbers(scripted)
    : scripted;

if (args.includes('--transcript')) {
  const lines = playTranscript(scenario, path ?? loaded.analysis?.bestPath.map((s) => s.choice) ?? []);
  const errors = lines.filter((l) => l.startsWith('error: '));
  console.log(lines.filter((l) => !l.startsWith('error: ')).join('\n'));
  // A path that cannot be played is a failure, said on stderr, never a transcript that passes.
  for (const e of errors) console.error(`${file}: ${e.slice('error: '.length)}`);
  process.exit(errors.length > 0 ? 1 : 0);
}

const words = Object.fromEntries(
  Object.entries(references.references.expressions).map(([k, v]) => [k, v.says]),
);
const session = new Session(scenario, { expressionWords: words });
const MEDIUM_WORDS: Record<string, string> = {
  'phone-call': 'on the phone',
  'text-message': 'text message',
  email: 'email',
  letter: 'letter',
  record: 'written record',
};
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const plain = plainText;

console.log(bold(scenario.title));
console.log(scenario.learnerRole);
if (scenario.contentNote) console.log(dim(`Content note: ${scenario.contentNote}`));
console.log('');

const printLine = () => {
  const line = session.snapshot.line;
  if (!line) return;
  const medium = MEDIUM_WORDS[line.medium];
  if (medium)
    console.log(
      `${dim(`[${medium}${line.speakerName ? ` from ${line.speakerName}` : ''}]`)} ${plain(line.text)}`,
    );
  else if (line.speaker === 'narrator') console.log(dim(plain(line.text)));
  else
    console.log(
      `${bold(line.speakerName)}${line.expression ? dim(` (${line.expression})`) : ''}: ${plain(line.text)}`,
    );
};
session.on('line', printLine);
session.on('expression', (e) => {
  if (e.previous !== null) console.log(dim(`[${e.says}]`));
});
session.on('location', (e) =>
  console.log(dim(`\n— ${scenario.locations[e.location]?.name ?? e.location} —`)),
);
printLine();

// Lines are read through the interface's async iterator, which buffers them: piped input that
// arrives all at once is not lost, as it would be with question().
const rl = scripted ? undefined : createInterface({ input: process.stdin, terminal: false });
const answers = rl?.[Symbol.asyncIterator]();
let step = 0;
while (!session.ended) {
  while (session.canContinue) session.next();
  const choices = session.snapshot.choices;
  console.log('');
  for (const c of choices) console.log(`  ${c.number}. ${plain(c.text)}`);
  let picked: string | undefined;
  if (path) {
    picked = path[step++];
    if (!picked) {
      console.error('The --path list ran out before an ending.');
      process.exit(1);
    }
    console.log(`> ${picked}`);
  } else {
    while (!picked) {
      process.stdout.write('> ');
      const next = await answers!.next();
      if (next.done) {
        console.log('\nNo more input; leaving the scenario.');
        process.exit(1);
      }
      const answer = String(next.value).trim();
      picked = choices.find((c) => String(c.number) === answer || c.id === answer)?.id;
      if (!picked) console.log(`Type a number from 1 to ${choices.length}.`);
    }
  }
  const offered = session.reveal().find((o) => o.id === picked);
  if (offered && !offered.available) {
    console.error(
      `'${picked}' is not on offer here; the choices are ${choices.map((c) => c.id).join(', ')}.`,
    );
    process.exit(1);
  }
  if (offered) {
    const moves = DIMENSIONS.filter((d) => offered.score[d] !== 0)
      .map((d) => `${d} ${offered.score[d] > 0 ? '+' : ''}${offered.score[d]}`)
      .join(', ');
    console.log(
      dim(
        `  Feedback: ${plain(offered.feedback.why)} [${offered.feedback.sources.join(', ')}]${moves ? ` (${moves})` : ''}`,
      ),
    );
    console.log('');
  }
  try {
    session.choose(picked);
  } catch (error) {
    console.error(String((error as Error).message));
    process.exit(1);
  }
}
while (session.canContinue) session.next();
rl?.close();
if (path && step < path.length) {
  console.error(
    `The scenario ended after ${step} choices, but --path lists ${path.length}: '${path[step]}' onwards were not used.`,
  );
  process.exit(1);
}

const result = session.result()!;
console.log('');
console.log(bold(`Ending: ${result.ending.title} (${result.ending.outcome})`));
console.log(plain(result.ending.whatNext));
console.log('');
for (const a of result.assessments) {
  const mark = a.went === 'well' ? '✓' : a.went === 'badly' ? '✗' : '•';
  const moves = Object.entries(a.score)
    .map(([d, v]) => `${d} ${v! > 0 ? '+' : ''}${v}`)
    .join(', ');
  console.log(`${mark} ${plain(a.why)} ${dim(`[${a.sources.join(', ')}]${moves ? ` (${moves})` : ''}`)}`);
}
if (result.assessments.length) console.log('');
for (const d of DIMENSIONS) {
  const r = result.card[d];
  console.log(
    `${bold(d.padEnd(11))} ${r.band ?? 'Not tested'}${r.percent === null ? '' : ` ${r.percent}%`}  ${r.reason}`,
  );
  console.log(`${' '.repeat(12)}${dim(r.explanation)}`);
}
const reflection = result.ending.reflection ?? scenario.reflection ?? [];
if (reflection.length) {
  console.log('');
  console.log(bold('To reflect on'));
  for (const q of reflection) console.log(`  - ${plain(q)}`);
}
const support = [...(result.ending.signposting ?? []), ...(scenario.support ?? [])];
if (support.length) {
  console.log('');
  console.log(bold('Support'));
  for (const s of support) console.log(`  ${s.name}: ${s.detail}`);
}
