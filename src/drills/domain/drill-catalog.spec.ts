import fc from 'fast-check';
import { Drill, validateDrillFile } from './drill-format';
import { DrillCatalog, filterKey } from './drill-catalog';
import { filterDrills } from './drill-query';
import { drillInput } from './test-drills';

const drills: Drill[] = (() => {
  const r = validateDrillFile(
    Array.from({ length: 40 }, (_, i) =>
      drillInput(i, {
        minAge: 5 + (i % 10),
        maxAge: 20 + i,
        intensity: (['low', 'moderate', 'high', 'max'] as const)[i % 4],
      }),
    ),
  );
  if (!r.ok) throw new Error('fixture');
  return r.drills;
})();

describe('DrillCatalog', () => {
  it('answers exactly like a plain filter, cached or not (property)', () => {
    const catalog = new DrillCatalog(drills);
    fc.assert(
      fc.property(
        fc.record(
          {
            age: fc.integer({ min: 5, max: 60 }),
            intensity: fc.constantFrom('low' as const, 'moderate' as const, 'high' as const, 'max' as const),
            maxDurationMin: fc.integer({ min: 1, max: 30 }),
          },
          { requiredKeys: [] },
        ),
        (filter) => {
          const expected = filterDrills(drills, filter);
          return (
            JSON.stringify(catalog.search(filter)) === JSON.stringify(expected) &&
            JSON.stringify(catalog.search(filter)) === JSON.stringify(expected)
          );
        },
      ),
    );
  });

  it('finds drills by id', () => {
    expect(new DrillCatalog(drills).byId.get('test-drill-3')?.id).toBe('test-drill-3');
  });
});

describe('filterKey', () => {
  it('ignores field order, list order and undefined fields', () => {
    expect(filterKey({ age: 9, equipment: ['cones', 'balls'], q: undefined })).toBe(
      filterKey({ equipment: ['balls', 'cones'], age: 9 }),
    );
    expect(filterKey({ age: 9 })).not.toBe(filterKey({ age: 10 }));
  });

  it('keeps free text from passing for other fields', () => {
    expect(filterKey({ q: 'a&sex=female' })).not.toBe(filterKey({ q: 'a', sex: 'female' }));
    expect(filterKey({ equipment: ['a,b'] })).not.toBe(filterKey({ equipment: ['a', 'b'] }));
  });
});
