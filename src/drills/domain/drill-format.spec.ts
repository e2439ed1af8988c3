import fc from 'fast-check';
import { DEFAULT_TARGET_RPE, drillFileJsonSchema, DrillInput, INTENSITIES, validateDrillFile } from './drill-format';
import { drillInput } from './test-drills';

const problemsOf = (file: unknown) => {
  const result = validateDrillFile(file);
  return result.ok ? [] : result.problems;
};

describe('validateDrillFile', () => {
  it('accepts an array or { drills } and applies the documented defaults', () => {
    for (const file of [[drillInput(1)], { drills: [drillInput(1)] }]) {
      const result = validateDrillFile(file);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.drills[0]).toMatchObject({
        sex: 'any',
        levels: ['grassroots', 'academy', 'elite'],
        positions: [],
        targetRpe: DEFAULT_TARGET_RPE.moderate,
        equipment: [],
        playersMin: 1,
        playersMax: 30,
        coachingPoints: [],
        tags: [],
        translations: {},
      });
    }
  });

  it('keeps an explicit targetRpe and derives a missing one from the intensity', () => {
    for (const intensity of INTENSITIES) {
      const result = validateDrillFile([drillInput(1, { intensity })]);
      expect(result.ok && result.drills[0].targetRpe).toBe(DEFAULT_TARGET_RPE[intensity]);
    }
    const explicit = validateDrillFile([drillInput(1, { targetRpe: 8 })]);
    expect(explicit.ok && explicit.drills[0].targetRpe).toBe(8);
  });

  it.each([
    ['a string', 'drills'],
    ['an object without drills', { items: [] }],
    ['drills beside other keys', { drills: [drillInput(1)], version: 2 }],
    ['an empty array', []],
    ['null', null],
  ])('refuses %s as a file', (_what, file) => {
    const problems = problemsOf(file);
    expect(problems).toHaveLength(1);
    expect(problems[0].index).toBe(-1);
  });

  it('lists every problem of every drill, with index, id and path', () => {
    const problems = problemsOf([
      drillInput(1),
      drillInput(2, { category: 'golf' as never, durationMin: 0 }),
      drillInput(3),
      { ...drillInput(4), colour: 'red' },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ index: 1, id: 'test-drill-2', path: 'category' }),
      expect.objectContaining({ index: 1, id: 'test-drill-2', path: 'durationMin' }),
      { index: 3, id: 'test-drill-4', path: '', message: 'unknown field(s): colour' },
    ]);
  });

  it('refuses duplicate ids, naming the first occurrence', () => {
    expect(problemsOf([drillInput(1), drillInput(2), drillInput(1)])).toEqual([
      { index: 2, id: 'test-drill-1', path: 'id', message: 'duplicate id (also at index 0)' },
    ]);
  });

  it('refuses prototype and operator keys at any depth', () => {
    const file = JSON.parse(
      `[${JSON.stringify(drillInput(1)).slice(0, -1)},"__proto__":{"x":1}}, ${JSON.stringify(
        drillInput(2, { space: { lengthM: 20, widthM: 10 } }),
      ).replace('"widthM":10', '"widthM":10,"$where":"1"')}]`,
    );
    const problems = problemsOf(file);
    expect(problems).toEqual([
      expect.objectContaining({ index: 0, message: 'unknown field(s): __proto__' }),
      expect.objectContaining({ index: 1, path: 'space', message: 'unknown field(s): $where' }),
    ]);
  });

  it.each([
    ['minAge above maxAge', { minAge: 12, maxAge: 10 }, 'maxAge'],
    ['playersMin above playersMax', { playersMin: 8, playersMax: 4 }, 'playersMax'],
    ['an age under 5', { minAge: 4 }, 'minAge'],
    ['an age over 60', { maxAge: 61 }, 'maxAge'],
    ['a fractional age', { minAge: 8.5 }, 'minAge'],
    ['durationMin over 120', { durationMin: 121 }, 'durationMin'],
    ['targetRpe 11', { targetRpe: 11 }, 'targetRpe'],
    ['a non-slug id', { id: 'Rondo 4v1' }, 'id'],
    ['an unknown body region', { bodyRegions: ['elbow'] as never }, 'bodyRegions.0'],
    ['a repeated level', { levels: ['elite', 'elite'] }, 'levels'],
    ['an empty levels list', { levels: [] }, 'levels'],
    ['an unknown sex', { sex: 'mixed' as never }, 'sex'],
    ['a number as name', { name: 42 as never }, 'name'],
    [
      'an Arabic translation without name',
      { translations: { ar: { description: 'وصف' } as never } },
      'translations.ar.name',
    ],
  ])('refuses %s', (_what, overrides, path) => {
    expect(problemsOf([drillInput(1, overrides as Partial<DrillInput>)]).map((p) => p.path)).toContain(path);
  });

  it('accepts any drill within the documented bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: 0, max: 55 }),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom(...INTENSITIES),
        (minAge, span, durationMin, intensity) => {
          const drill = drillInput(1, { minAge, maxAge: Math.min(60, minAge + span), durationMin, intensity });
          return validateDrillFile([drill]).ok;
        },
      ),
    );
  });
});

describe('drillFileJsonSchema', () => {
  it('describes both accepted shapes and the drill fields', () => {
    const schema = drillFileJsonSchema() as {
      oneOf: unknown[];
      $defs: { drill: { properties: object; required: string[] } };
    };
    expect(schema.oneOf).toHaveLength(2);
    expect(Object.keys(schema.$defs.drill.properties)).toEqual(
      expect.arrayContaining(['id', 'translations', 'bodyRegions']),
    );
    expect(schema.$defs.drill.required).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'description',
        'category',
        'minAge',
        'maxAge',
        'durationMin',
        'intensity',
        'bodyRegions',
      ]),
    );
    expect(schema.$defs.drill.required).not.toContain('sex');
  });
});
