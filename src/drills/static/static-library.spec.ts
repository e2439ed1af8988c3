import { DRILL_CATEGORIES, DrillCategory, validateDrillFile } from '../domain/drill-format';
import { staticDrills, STATIC_LIBRARY_FILES } from './index';

/** Youth age bands by the age a player can be in them, and senior. */
const AGE_BANDS: [band: string, minAge: number, maxAge: number][] = [
  ['U7', 5, 6],
  ['U9', 7, 8],
  ['U11', 9, 10],
  ['U13', 11, 12],
  ['U15', 13, 14],
  ['U17', 15, 16],
  ['U19', 17, 18],
  ['senior', 19, 60],
];

const fitsBand = (d: { minAge: number; maxAge: number }, min: number, max: number) =>
  d.minAge <= min && d.maxAge >= max;

describe('static drill library', () => {
  it.each(Object.entries(STATIC_LIBRARY_FILES))('%s passes the upload validation', (_name, file) => {
    const result = validateDrillFile(file);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('holds at least 120 drills with unique ids across all files', () => {
    const drills = staticDrills();
    expect(drills.length).toBeGreaterThanOrEqual(120);
    expect(new Set(drills.map((d) => d.id)).size).toBe(drills.length);
  });

  it.each(DRILL_CATEGORIES)('has at least three %s drills', (category: DrillCategory) => {
    expect(staticDrills().filter((d) => d.category === category).length).toBeGreaterThanOrEqual(3);
  });

  it.each(AGE_BANDS)(
    'serves %s with a warm-up, a cool-down, injury prevention and varied main work',
    (_band, min, max) => {
      const eligible = staticDrills().filter((d) => fitsBand(d, min, max) || (d.minAge <= min && d.maxAge >= min));
      const categories = new Set(eligible.map((d) => d.category));
      for (const needed of ['warm-up', 'cool-down', 'injury-prevention', 'passing', 'dribbling', 'speed'] as const) {
        expect({ needed, present: categories.has(needed) }).toEqual({ needed, present: true });
      }
      expect(categories.size).toBeGreaterThanOrEqual(10);
    },
  );

  it('names and describes every drill in Arabic too', () => {
    for (const drill of staticDrills()) {
      expect({ id: drill.id, ar: Boolean(drill.translations.ar?.name && drill.translations.ar?.description) }).toEqual({
        id: drill.id,
        ar: true,
      });
      expect(drill.translations.ar!.name).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('contains the complete FIFA 11+ programme: parts 1-3, part 2 at three levels', () => {
    const elevenPlus = staticDrills().filter((d) => d.tags.includes('fifa-11-plus'));
    const part = (p: number) => elevenPlus.filter((d) => d.tags.includes(`fifa-11-plus:part-${p}`));
    expect(part(1).length).toBeGreaterThanOrEqual(6);
    expect(part(3).length).toBeGreaterThanOrEqual(3);
    for (const level of [1, 2, 3]) {
      expect(part(2).filter((d) => d.tags.includes(`fifa-11-plus:level-${level}`)).length).toBeGreaterThanOrEqual(6);
    }
    for (const drill of elevenPlus) expect(drill.category).toBe('injury-prevention');
  });

  it('contains female-specific ACL-prevention work for girls and women', () => {
    const acl = staticDrills().filter((d) => d.tags.includes('acl-prevention') && d.sex === 'female');
    expect(acl.length).toBeGreaterThanOrEqual(4);
    expect(acl.some((d) => d.minAge <= 12)).toBe(true);
    expect(acl.some((d) => d.maxAge >= 35)).toBe(true);
  });

  it('keeps youth safeguards in the data: no heading under 11, no heavy or maximal loads under 14', () => {
    for (const drill of staticDrills()) {
      if (drill.category === 'heading')
        expect({ id: drill.id, minAge: drill.minAge >= 11 }).toEqual({ id: drill.id, minAge: true });
      if (drill.tags.includes('external-load') || drill.tags.includes('max-strength')) {
        expect({ id: drill.id, minAge: drill.minAge >= 14 }).toEqual({ id: drill.id, minAge: true });
      }
    }
  });

  it('states the foot contacts of every jumping drill (plyometrics category or plyometric tag)', () => {
    const jumping = staticDrills().filter((d) => d.category === 'plyometrics' || d.tags.includes('plyometric'));
    expect(jumping.some((d) => d.category === 'injury-prevention')).toBe(true);
    for (const drill of jumping) {
      expect({ id: drill.id, tagged: drill.tags.some((t) => /^foot-contacts:\d+$/.test(t)) }).toEqual({
        id: drill.id,
        tagged: true,
      });
    }
  });
});
