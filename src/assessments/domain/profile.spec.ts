import fc from 'fast-check';
import { RATINGS } from './assessment-metrics';
import { NormResult } from './norms';
import { AreaScore, areaScores, NormLookup, strengthsAndWeaknesses } from './profile';

const norm = (percentile: number): NormResult => ({
  percentile,
  band: 'average',
  source: 'test',
  method: 'normal-approximation',
  zScore: null,
  reference: {
    id: 'test',
    citation: 'test',
    doi: null,
    population: 'test',
    ageDefinition: 'test',
    origin: 'shipped',
    caveat: null,
  },
  matched: { sex: 'male', ages: '14', ageYears: 14 },
});

describe('areaScores', () => {
  it('rescales ratings 1-10 to 0-100, one area each, in list order', () => {
    const scores = areaScores({
      tests: {},
      ratings: { tactical: 10, passing: 1, dribbling: 4 },
      ageYears: 14,
      sex: 'male',
    });
    expect(scores).toEqual([
      { area: 'passing', score: 0, basis: 'rating' },
      { area: 'dribbling', score: 33.3, basis: 'rating' },
      { area: 'tactical', score: 100, basis: 'rating' },
    ]);
  });

  it('uses the published norm for a test and skips tests without one', () => {
    // 14-year-old boy: Yo-Yo IR1 has a norm (2024 ± 470 m), sprints have none.
    const scores = areaScores({
      tests: { yoyoIr1M: 2024 + 470, sprint20mS: 3.3 },
      ratings: {},
      ageYears: 14,
      sex: 'male',
    });
    expect(scores).toEqual([{ area: 'endurance', score: 84.1, basis: 'norm' }]);
  });

  it('averages the percentiles of the tests in a group', () => {
    const lookup: NormLookup = (test) =>
      ({ sprint10mS: norm(20), sprint30mS: norm(50), cmjCm: norm(90) })[test as string] ?? null;
    const scores = areaScores(
      {
        tests: { sprint10mS: 1.9, sprint30mS: 4.6, cmjCm: 40, tTestS: 10 },
        ratings: { heading: 7 },
        ageYears: 15,
        sex: 'male',
      },
      lookup,
    );
    expect(scores).toEqual([
      { area: 'speed', score: 35, basis: 'norm' },
      { area: 'power', score: 90, basis: 'norm' },
      { area: 'heading', score: 66.7, basis: 'rating' },
    ]);
  });

  it('groups every test into exactly one area', () => {
    const seen: string[] = [];
    const lookup: NormLookup = (test) => (seen.push(test), norm(50));
    const tests = Object.fromEntries(
      ['sprint10mS', 'sprint20mS', 'sprint30mS', 'agility505S', 'tTestS', 'cmjCm', 'standingLongJumpCm', 'yoyoIr1M']
        .concat(['yoyoIr2M', 'shuttle20mLevel', 'shuttle20mShuttle', 'cooper12minM', 'pushUps', 'plankS'])
        .map((t) => [t, 1]),
    );
    const areas = areaScores({ tests, ratings: {}, ageYears: 20, sex: 'female' }, lookup).map((s) => s.area);
    expect(areas).toEqual(['speed', 'agility', 'power', 'endurance', 'strength']);
    expect(seen.sort()).toEqual(Object.keys(tests).sort());
  });
});

const area = (name: string, score: number): AreaScore => ({ area: name, score, basis: 'rating' });

describe('strengthsAndWeaknesses', () => {
  const scores = [
    area('a', 50),
    area('b', 90),
    area('c', 10),
    area('d', 70),
    area('e', 30),
    area('f', 60),
    area('g', 20),
  ];

  it('lists the top n highest first and the bottom n lowest first', () => {
    const { strengths, weaknesses } = strengthsAndWeaknesses(scores);
    expect(strengths.map((s) => s.area)).toEqual(['b', 'd', 'f']);
    expect(weaknesses.map((s) => s.area)).toEqual(['c', 'g', 'e']);
  });

  it('breaks ties by area name, whatever the input order', () => {
    const tied = [area('passing', 50), area('dribbling', 50), area('tactical', 80), area('heading', 50)];
    for (const input of [tied, [...tied].reverse()]) {
      const { strengths, weaknesses } = strengthsAndWeaknesses(input, 2);
      expect(strengths.map((s) => s.area)).toEqual(['tactical', 'dribbling']);
      expect(weaknesses.map((s) => s.area)).toEqual(['heading', 'passing']);
    }
  });

  it('never names an area both a strength and a weakness when there are fewer than 2n', () => {
    const few = [area('a', 40), area('b', 80), area('c', 60), area('d', 20)];
    const { strengths, weaknesses } = strengthsAndWeaknesses(few, 3);
    expect(strengths.map((s) => s.area)).toEqual(['b', 'c', 'a']);
    expect(weaknesses.map((s) => s.area)).toEqual(['d']);
    expect(strengthsAndWeaknesses([area('only', 50)])).toEqual({ strengths: [area('only', 50)], weaknesses: [] });
    expect(strengthsAndWeaknesses([])).toEqual({ strengths: [], weaknesses: [] });
  });

  it('returns nothing for n = 0', () => {
    expect(strengthsAndWeaknesses(scores, 0)).toEqual({ strengths: [], weaknesses: [] });
  });

  it('property: ordered, disjoint, sized min(n, areas) and min(n, areas left), strengths outscore the rest', () => {
    const names = [...RATINGS, 'speed', 'agility', 'power', 'endurance', 'strength'];
    const arbScores = fc
      .uniqueArray(fc.constantFrom(...names), { maxLength: names.length })
      .chain((picked) =>
        fc.tuple(
          fc.constant(picked),
          fc.array(fc.integer({ min: 0, max: 10 }), { minLength: picked.length, maxLength: picked.length }),
        ),
      )
      .map(([picked, values]) => picked.map((name, i) => area(name, values[i] * 10)));
    fc.assert(
      fc.property(arbScores, fc.integer({ min: 0, max: 6 }), (input, n) => {
        const { strengths, weaknesses } = strengthsAndWeaknesses(input, n);
        expect(strengths).toHaveLength(Math.min(n, input.length));
        expect(weaknesses).toHaveLength(Math.min(n, input.length - strengths.length));
        for (let i = 1; i < strengths.length; i++)
          expect(strengths[i - 1].score).toBeGreaterThanOrEqual(strengths[i].score);
        for (let i = 1; i < weaknesses.length; i++)
          expect(weaknesses[i - 1].score).toBeLessThanOrEqual(weaknesses[i].score);
        const strongNames = new Set(strengths.map((s) => s.area));
        expect(weaknesses.filter((w) => strongNames.has(w.area))).toEqual([]);
        const rest = input.filter((s) => !strongNames.has(s.area));
        for (const s of strengths) for (const r of rest) expect(s.score).toBeGreaterThanOrEqual(r.score);
        // Same answer for any input order.
        expect(strengthsAndWeaknesses([...input].reverse(), n)).toEqual({ strengths, weaknesses });
      }),
    );
  });
});
