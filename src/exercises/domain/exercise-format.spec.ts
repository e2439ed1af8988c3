import { checkExercise, checkExerciseContent, checkExerciseLibrary } from './exercise-format';
import { exerciseRuleViolations } from './exercise-rules';
import { exercise, exerciseContent } from './test-exercises';

const paths = (result: { ok: boolean; problems?: { path: string }[] }) =>
  result.ok ? [] : result.problems!.map((p) => p.path);

describe('checkExercise', () => {
  it('accepts a valid custom exercise and a system one', () => {
    expect(checkExercise(exercise())).toEqual({ ok: true, exercise: exercise() });
    expect(checkExercise(exercise({ owner: 'system', id: 'nordic-curl' })).ok).toBe(true);
  });

  it('trims text', () => {
    const result = checkExercise(exercise({ name: '  Squat  ' }));
    expect(result.ok && result.exercise.name).toBe('Squat');
  });

  it.each([
    ['unknown field', { colour: 'red' }, ''],
    ['blank name', { name: '   ' }, 'name'],
    ['long name', { name: 'x'.repeat(121) }, 'name'],
    ['no body part', { bodyParts: [] }, 'bodyParts'],
    ['unknown body part', { bodyParts: ['wings'] }, 'bodyParts.0'],
    ['repeated body part', { bodyParts: ['core', 'core'] }, 'bodyParts'],
    ['unknown modality', { modality: 'trx' }, 'modality'],
    ['unknown measure', { measure: 'reps-kg' }, 'measure'],
    ['fractional minAge', { minAge: 14.5 }, 'minAge'],
    ['absurd minAge', { minAge: 200 }, 'minAge'],
    ['equipment not a slug', { equipment: ['Big Bar'] }, 'equipment.0'],
    ['tag not a tag', { tags: ['Max Strength'] }, 'tags.0'],
    ['unknown translation', { translations: { fr: { name: 'x', description: 'y' } } }, 'translations'],
    ['translation without description', { translations: { ar: { name: 'x' } } }, 'translations.ar.description'],
    ['owner neither system nor an id', { owner: 'bob' }, 'owner'],
    ['id not a slug', { id: 'Back Squat' }, 'id'],
  ])('refuses %s as a field problem', (_case, overrides, path) => {
    const result = checkExercise({ ...exercise(), ...overrides });
    expect(result).toMatchObject({ ok: false, kind: 'field' });
    expect(paths(result)).toContain(path);
  });

  it('names unknown fields in the message', () => {
    const result = checkExercise({ ...exercise(), colour: 'red' });
    expect(!result.ok && result.problems[0].message).toBe('unknown field(s): colour');
  });

  it('reports rule violations as such once the fields fit', () => {
    const result = checkExercise(exercise({ minAge: 12 }));
    expect(result).toMatchObject({ ok: false, kind: 'rule', problems: [{ path: 'minAge' }] });
  });

  it('a shipped exercise carries neither owner nor archived', () => {
    expect(checkExerciseContent(exerciseContent()).ok).toBe(true);
    expect(paths(checkExerciseContent({ ...exerciseContent(), owner: 'system' }))).toEqual(['']);
  });
});

describe('exerciseRuleViolations', () => {
  const ok = exercise();
  it('passes a loaded lift for 14+', () => expect(exerciseRuleViolations(ok)).toEqual([]));
  it('passes a body-weight exercise for children', () =>
    expect(
      exerciseRuleViolations({
        ...ok,
        modality: 'bodyweight',
        externalLoad: false,
        measure: 'reps',
        minAge: 8,
        tags: [],
      }),
    ).toEqual([]));

  it.each([
    ['reps-weight without external load', { externalLoad: false, tags: [] }, ['externalLoad']],
    ['external load under 14', { minAge: 13 }, ['minAge']],
    ['body weight with external load', { modality: 'bodyweight' as const }, ['externalLoad']],
    ['max-strength without external load', { measure: 'reps' as const, externalLoad: false }, ['tags']],
  ])('%s', (_case, overrides, expected) =>
    expect(exerciseRuleViolations({ ...ok, ...overrides }).map((v) => v.path)).toEqual(expected),
  );

  it('cites the youth rule', () =>
    expect(exerciseRuleViolations({ ...ok, minAge: 10 })[0].message).toMatch(/at least 14 .*Lloyd et al\. 2014/));
});

describe('checkExerciseLibrary', () => {
  it('accepts distinct exercises', () => {
    const result = checkExerciseLibrary([exerciseContent(), exerciseContent({ id: 'b', name: 'Front squat' })]);
    expect(result.ok && result.exercises.length).toBe(2);
  });

  it('refuses repeated ids, names that search reads the same, and missing Arabic', () => {
    const result = checkExerciseLibrary([
      exerciseContent(),
      exerciseContent({ name: 'Other' }),
      exerciseContent({ id: 'b', name: 'TEST  báck squat' }),
      exerciseContent({ id: 'c', name: 'Third', translations: {} }),
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.index, p.path])).toEqual([
      [1, 'id'],
      [2, 'name'],
      [3, 'translations.ar'],
    ]);
  });

  it('reports field problems with the index and id', () => {
    const result = checkExerciseLibrary([exerciseContent({ modality: 'trx' as never })]);
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({ index: 0, id: 'test-back-squat', path: 'modality' }),
    ]);
  });
});
