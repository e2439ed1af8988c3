import { Drill, DrillInput, validateDrillFile } from '../domain/drill-format';
import conditioning from './conditioning.json';
import goalkeeping from './goalkeeping.json';
import prevention from './prevention.json';
import tactical from './tactical.json';
import technical from './technical.json';

/** The library shipped with the code, by theme; each file is in the upload format. */
export const STATIC_LIBRARY_FILES: Record<string, unknown> = {
  'prevention.json': prevention,
  'conditioning.json': conditioning,
  'technical.json': technical,
  'tactical.json': tactical,
  'goalkeeping.json': goalkeeping,
};

let loaded: readonly Drill[] | undefined;

/**
 * The static library, validated with the same schema as an upload. It is the fallback
 * whenever the database has no usable drill set, so a bad file fails loudly at first use.
 */
export function staticDrills(): readonly Drill[] {
  if (loaded) return loaded;
  const all = Object.values(STATIC_LIBRARY_FILES).flatMap((file) => file as DrillInput[]);
  const result = validateDrillFile(all);
  if (!result.ok) {
    throw new Error(`The static drill library is invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
  }
  loaded = Object.freeze(result.drills);
  return loaded;
}
