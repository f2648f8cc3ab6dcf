import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const play = (...args: string[]) =>
  execFileSync('node_modules/.bin/tsx', ['src/cli/play.ts', ...args], { encoding: 'utf8', input: '' });

describe('npm run play', () => {
  it('plays a scripted path with numbered choices, feedback and final bands', () => {
    const out = play('tests/fixtures/gift.yaml', '--path', 'decline-kindly,decline-again,declare-offer');
    expect(out).toMatch(/A thank-you at the end of the shift/);
    expect(out).toMatch(/ {2}1\. That's really kind of you, Arthur/);
    expect(out).toMatch(/Feedback: You held the boundary, gave a reason and kept the warmth\./);
    expect(out).toMatch(/Ending: Boundary kept, kindness kept \(good\)/);
    expect(out).toMatch(/empathy\s+Competent 67%/);
    expect(out).toMatch(/escalation\s+Exemplary 88%/);
    expect(out).toMatch(/Support\n {2}Your manager or supervisor/);
  });

  it('answers typed numbers, and asks again for a number that is not offered', () => {
    const out = execFileSync('node_modules/.bin/tsx', ['src/cli/play.ts', 'tests/fixtures/gift.yaml'], {
      encoding: 'utf8',
      input: '7\n1\n2\n',
    });
    expect(out).toMatch(/Type a number from 1 to 3\./);
    expect(out).toMatch(/Ending: An allegation \(poor\)/);
    expect(out).toMatch(/boundaries\s+Unsafe/);
  });

  it('takes a --path of on-screen numbers as well as ids, for a transcript too', () => {
    const byId = play(
      'tests/fixtures/gift.yaml',
      '--path',
      'decline-kindly,decline-again,declare-offer',
      '--transcript',
    );
    const numbers = [...byId.matchAll(/^option: (\d+) (\S+)$/gm)];
    const selects = [...byId.matchAll(/^select: (\S+)$/gm)].map((m) => m[1]);
    // The number each chosen id had on screen, in order.
    const shown = selects.map((id) => numbers.find((n) => n[2] === id)![1]);
    expect(shown).toHaveLength(3);
    expect(play('tests/fixtures/gift.yaml', '--path', shown.join(','), '--transcript')).toBe(byId);
  }, 60_000);
});
