import { DrillInput } from './drill-format';

/** A valid drill in the upload format, for tests; override any field. */
export function drillInput(n: number, overrides: Partial<DrillInput> = {}): DrillInput {
  return {
    id: `test-drill-${n}`,
    name: `Test drill ${n}`,
    description: `Description of test drill ${n}.`,
    category: 'passing',
    minAge: 8,
    maxAge: 40,
    durationMin: 12,
    intensity: 'moderate',
    bodyRegions: ['foot', 'ankle'],
    ...overrides,
  };
}
