import { Drill, validateDrillFile } from './drill-format';
import { filterDrills, localizeDrill, matchesFilter } from './drill-query';
import { drillInput } from './test-drills';

const drills: Drill[] = (() => {
  const result = validateDrillFile([
    drillInput(1, { category: 'passing', minAge: 6, maxAge: 12, equipment: ['balls'], bodyRegions: ['foot'] }),
    drillInput(2, {
      category: 'speed',
      sex: 'female',
      levels: ['elite'],
      intensity: 'high',
      durationMin: 30,
      bodyRegions: ['hamstring', 'calf'],
      equipment: ['cones', 'balls'],
    }),
    drillInput(3, {
      category: 'goalkeeping',
      positions: ['goalkeeper'],
      name: 'Diving saves',
      translations: { ar: { name: 'التصدي بالارتماء', description: 'وصف' } },
    }),
  ]);
  if (!result.ok) throw new Error('fixture invalid');
  return result.drills;
})();

const ids = (list: Drill[]) => list.map((d) => d.id.replace('test-drill-', ''));

describe('filterDrills', () => {
  it('returns everything for an empty filter', () => expect(ids(filterDrills(drills, {}))).toEqual(['1', '2', '3']));
  it.each([
    [{ category: 'speed' as const }, ['2']],
    [{ age: 6 }, ['1']],
    [{ age: 13 }, ['2', '3']],
    [{ sex: 'male' as const }, ['1', '3']],
    [{ sex: 'female' as const }, ['1', '2', '3']],
    [{ level: 'grassroots' as const }, ['1', '3']],
    [{ position: 'forward' as const }, ['1', '2']],
    [{ position: 'goalkeeper' as const }, ['1', '2', '3']],
    [{ intensity: 'high' as const }, ['2']],
    [{ maxDurationMin: 20 }, ['1', '3']],
    [{ equipment: ['balls'] }, ['1', '3']],
    [{ equipment: [] }, ['3']],
    [{ avoidBodyRegions: ['hamstring' as const] }, ['1', '3']],
    [{ q: 'DIVING' }, ['3']],
    [{ q: 'بالارتماء' }, ['3']],
    [{ age: 13, sex: 'male' as const }, ['3']],
  ])('%j', (filter, expected) => expect(ids(filterDrills(drills, filter))).toEqual(expected));

  it('never returns a drill that loads an avoided region', () => {
    for (const region of ['foot', 'hamstring', 'calf', 'ankle'] as const) {
      for (const drill of filterDrills(drills, { avoidBodyRegions: [region] })) {
        expect(drill.bodyRegions).not.toContain(region);
      }
    }
    expect(matchesFilter(drills[0], { avoidBodyRegions: ['knee'] })).toBe(true);
  });
});

describe('localizeDrill', () => {
  it('uses the Arabic fields present and English for the rest', () => {
    const ar = localizeDrill(drills[2], 'ar');
    expect(ar.name).toBe('التصدي بالارتماء');
    expect(ar.description).toBe('وصف');
    expect(ar.coachingPoints).toEqual(drills[2].coachingPoints);
    expect(ar).not.toHaveProperty('translations');
  });

  it('falls back to English entirely when there is no translation', () => {
    const { translations: _t, ...english } = drills[0];
    expect(localizeDrill(drills[0], 'ar')).toEqual(english);
    expect(localizeDrill(drills[2], 'en').name).toBe('Diving saves');
  });
});
