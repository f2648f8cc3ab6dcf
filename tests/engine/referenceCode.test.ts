import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/engine/debrief';
import { decodeReference, encodeReference, replayReference } from '../../src/engine/referenceCode';
import { Session } from '../../src/engine/Session';
import { load, scenarioText } from '../helpers/fixtures';

const scenario = load(scenarioText('demo-gift.yaml')).scenario!;

/** Take the option at `pick` (or the last on offer) at each decision, to the ending. */
function play(pick: number): Session {
  const s = new Session(scenario);
  while (!s.ended) {
    if (s.snapshot.phase === 'choosing') {
      const offered = s.snapshot.choices;
      s.choose(offered[Math.min(pick, offered.length - 1)]!.id);
    } else s.next();
  }
  return s;
}

describe('evidence report reference codes', () => {
  it('round-trips: the replay gives the same choices and the same bands', () => {
    for (const pick of [0, 1, 2]) {
      const s = play(pick);
      const model = buildDebrief(scenario, s.result()!, []);
      const bands = {
        empathy: model.bands.empathy.band,
        boundaries: model.bands.boundaries.band,
        escalation: model.bands.escalation.band,
      };
      const code = encodeReference(scenario, s.save().choices, bands);
      const decoded = decodeReference(code);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) continue;
      expect(decoded.code.bands).toEqual(bands);
      const replayed = replayReference(scenario, decoded.code);
      expect(replayed.ok && replayed.choices).toEqual(s.save().choices);
      if (!replayed.ok) continue;
      const again = buildDebrief(scenario, replayed.session.result()!, []);
      for (const d of ['empathy', 'boundaries', 'escalation'] as const) {
        expect(again.bands[d].band).toBe(model.bands[d].band);
        expect(again.bands[d].percent).toBe(model.bands[d].percent);
      }
    }
  });

  it('says plainly what is wrong with a bad code', () => {
    const code = encodeReference(scenario, play(0).save().choices, {
      empathy: 'Competent',
      boundaries: null,
      escalation: 'Unsafe',
    });
    expect(code).toMatch(/\.CNU\./);
    const flip = (c: string) => (c === '0' ? '1' : '0');
    const typo = code.replace(/\.(\d)/, (_, d: string) => `.${flip(d)}`);
    expect(decodeReference(typo)).toMatchObject({ ok: false, why: expect.stringMatching(/mistake/) });
    expect(decodeReference('')).toMatchObject({
      ok: false,
      why: expect.stringMatching(/not a CarePlay reference code/),
    });
    expect(decodeReference('CP2.a.1.0.CCC.XXXX')).toMatchObject({
      ok: false,
      why: expect.stringMatching(/newer version/),
    });
    // A path that does not fit the scenario: too many decisions, or an option that is not there.
    const tooLong = decodeReference(
      encodeReference(scenario, [...play(0).save().choices, play(0).save().choices[0]!], {
        empathy: null,
        boundaries: null,
        escalation: null,
      }),
    );
    expect(tooLong.ok).toBe(true);
    if (tooLong.ok) expect(replayReference(scenario, tooLong.code)).toMatchObject({ ok: false });
  });
});
