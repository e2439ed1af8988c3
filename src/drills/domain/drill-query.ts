import { BodyRegion, Level, Position, Sex } from '../../common/domain/enums';
import { Language } from '../../common/domain/language';
import { Drill, DrillCategory, Intensity } from './drill-format';

/** What a coach can ask the library for; every field narrows the result. */
export interface DrillFilter {
  category?: DrillCategory;
  /** The player's age: minAge <= age <= maxAge. */
  age?: number;
  /** The player's sex: drills for `any` or that sex. */
  sex?: Sex;
  level?: Level;
  /** Drills for every position or including this one. */
  position?: Position;
  intensity?: Intensity;
  /** Equipment at hand: drills needing anything else are left out. */
  equipment?: readonly string[];
  /** Injured or protected regions: drills loading any of them are left out. */
  avoidBodyRegions?: readonly BodyRegion[];
  maxDurationMin?: number;
  /** Case-insensitive text in the English or Arabic name. */
  q?: string;
}

export function matchesFilter(drill: Drill, filter: DrillFilter): boolean {
  if (filter.category && drill.category !== filter.category) return false;
  if (filter.age !== undefined && (filter.age < drill.minAge || filter.age > drill.maxAge)) return false;
  if (filter.sex && drill.sex !== 'any' && drill.sex !== filter.sex) return false;
  if (filter.level && !drill.levels.includes(filter.level)) return false;
  if (filter.position && drill.positions.length > 0 && !drill.positions.includes(filter.position)) return false;
  if (filter.intensity && drill.intensity !== filter.intensity) return false;
  if (filter.maxDurationMin !== undefined && drill.durationMin > filter.maxDurationMin) return false;
  if (filter.equipment && !drill.equipment.every((item) => filter.equipment!.includes(item))) return false;
  if (filter.avoidBodyRegions?.some((region) => drill.bodyRegions.includes(region))) return false;
  if (filter.q) {
    const needle = filter.q.toLocaleLowerCase();
    const names = [drill.name, drill.translations.ar?.name ?? ''];
    if (!names.some((name) => name.toLocaleLowerCase().includes(needle))) return false;
  }
  return true;
}

export function filterDrills(drills: readonly Drill[], filter: DrillFilter): Drill[] {
  return drills.filter((drill) => matchesFilter(drill, filter));
}

export type LocalizedDrill = Omit<Drill, 'translations'>;

/** The drill in `language`, falling back to English field by field. */
export function localizeDrill(drill: Drill, language: Language): LocalizedDrill {
  const { translations, ...base } = drill;
  if (language === 'en') return base;
  const t = translations[language];
  return {
    ...base,
    name: t?.name ?? base.name,
    description: t?.description ?? base.description,
    coachingPoints: t?.coachingPoints?.length ? t.coachingPoints : base.coachingPoints,
  };
}
