import { describe, expect, it } from 'vitest';
import { storyWords } from '../../src/ui/bandWords';

const bands = (empathy: string | null, boundaries: string | null, escalation: string | null) =>
  ({
    empathy: { band: empathy },
    boundaries: { band: boundaries },
    escalation: { band: escalation },
  }) as never;

describe('the sentence that ties the ending to the bands (issue 20)', () => {
  it('a good ending with good bands says the choices are why', () => {
    expect(storyWords('good', bands('Exemplary', 'Competent', 'Competent'))).toMatch(
      /^It ended well, and your choices are why/,
    );
  });

  it('a good ending beside an Unsafe band says the ending is not the score, and names the band', () => {
    const s = storyWords('good', bands('Developing', 'Competent', 'Unsafe'));
    expect(s).toMatch(/^It ended well, but the ending is not your score/);
    expect(s).toContain('empathy and escalation fell short (empathy Developing, escalation Unsafe)');
    expect(s).not.toContain('boundaries');
  });

  it('a poor or mixed ending with low bands says the bands say why', () => {
    expect(storyWords('poor', bands('Competent', 'Unsafe', 'Unsafe'))).toMatch(
      /^It ended badly, and the bands say why: professional boundaries and escalation fell short/,
    );
    expect(storyWords('mixed', bands('Competent', 'Competent', 'Developing'))).toMatch(
      /^It was a mixed ending, and the bands say why: escalation fell short \(escalation Developing\)/,
    );
  });

  it('a poor ending with good bands points to what the ending says was missed', () => {
    expect(storyWords('poor', bands('Competent', 'Exemplary', 'Competent'))).toMatch(
      /every band is Competent or better: what this ending says about your path shows what was missed/,
    );
  });

  it('says nothing where no dimension was tested', () => {
    expect(storyWords('good', bands(null, null, null))).toBe('');
  });
});
