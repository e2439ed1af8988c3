import { MEASURES } from '../../exercises/domain/exercise';
import { MEASURED_FIELDS, measureRecords, SET_FIELDS_BY_MEASURE, setFieldProblems } from './set-requirements';

describe('SET_FIELDS_BY_MEASURE', () => {
  it('names the fields each measure records', () => {
    expect(SET_FIELDS_BY_MEASURE).toEqual({
      'reps-weight': { required: ['reps', 'weightKg'] },
      reps: { required: ['reps'] },
      time: { required: ['durationS'] },
      distance: { required: ['distanceM'] },
      'time-distance': { required: ['durationS', 'distanceM'] },
    });
    for (const measure of MEASURES) expect(SET_FIELDS_BY_MEASURE[measure].required.length).toBeGreaterThan(0);
    expect(measureRecords('reps', 'reps')).toBe(true);
    expect(measureRecords('time', 'reps')).toBe(false);
  });
});

describe('setFieldProblems', () => {
  const path = 'exercises[0].sets[2]';

  it('accepts a set with exactly its measure fields, RPE, RIR and rest beside them', () => {
    expect(setFieldProblems({ reps: 5, weightKg: 100, rpe: 8, rir: 2, restS: 120 }, 'reps-weight', path)).toEqual([]);
    expect(setFieldProblems({ reps: 12 }, 'reps', path)).toEqual([]);
    expect(setFieldProblems({ durationS: 60 }, 'time', path)).toEqual([]);
    expect(setFieldProblems({ distanceM: 400 }, 'distance', path)).toEqual([]);
    expect(setFieldProblems({ durationS: 80, distanceM: 400 }, 'time-distance', path)).toEqual([]);
  });

  it('names each missing field', () => {
    expect(setFieldProblems({ reps: 5 }, 'reps-weight', path)).toEqual([
      { path: `${path}.weightKg`, message: 'a reps-weight exercise records reps and weightKg on every set' },
    ]);
    expect(setFieldProblems({}, 'time-distance', path)).toEqual([
      { path: `${path}.durationS`, message: 'a time-distance exercise records durationS and distanceM on every set' },
      { path: `${path}.distanceM`, message: 'a time-distance exercise records durationS and distanceM on every set' },
    ]);
  });

  it('names each field the measure does not record', () => {
    expect(setFieldProblems({ durationS: 45, reps: 1 }, 'time', path)).toEqual([
      { path: `${path}.reps`, message: 'a time exercise records durationS only; remove reps' },
    ]);
    expect(setFieldProblems({ reps: 10, weightKg: 0, distanceM: 5 }, 'reps', path)).toEqual([
      { path: `${path}.weightKg`, message: 'a reps exercise records reps only; remove weightKg' },
      { path: `${path}.distanceM`, message: 'a reps exercise records reps only; remove distanceM' },
    ]);
  });

  it('reports missing fields before stray ones, and reads null as absent', () => {
    const problems = setFieldProblems(
      { reps: null as unknown as number, durationS: 30, distanceM: undefined },
      'reps-weight',
      'sets[0]',
    );
    expect(problems.map((p) => p.path)).toEqual(['sets[0].reps', 'sets[0].weightKg', 'sets[0].durationS']);
  });

  it('every field is either required or refused, for every measure', () => {
    for (const measure of MEASURES) {
      const all = Object.fromEntries(MEASURED_FIELDS.map((f) => [f, 1]));
      const refused = setFieldProblems(all, measure, 's').map((p) => p.path.slice(2));
      const required = setFieldProblems({}, measure, 's').map((p) => p.path.slice(2));
      expect([...required, ...refused].sort()).toEqual([...MEASURED_FIELDS].sort());
    }
  });
});

describe('setFieldProblems for a set sent on its own', () => {
  it('names the fields themselves when there is no path', () => {
    expect(setFieldProblems({ reps: 5, durationS: 30 }, 'reps-weight', '').map((p) => p.path)).toEqual([
      'weightKg',
      'durationS',
    ]);
  });
});
