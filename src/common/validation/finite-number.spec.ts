import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { decimalPlaces, IsFiniteNumber } from './finite-number';

class Measurement {
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  value!: unknown;
}

/** As the ValidationPipe does it: transform the plain value, then validate. */
const read = (value: unknown) => {
  const m = plainToInstance(Measurement, { value });
  return { value: m.value, problems: validateSync(m).flatMap((e) => Object.values(e.constraints ?? {})) };
};
const problems = (value: unknown) => read(value).problems;

describe('decimalPlaces', () => {
  it.each([
    [152, 0],
    [41.5, 1],
    [0.25, 2],
    [1e-7, 7],
    [1.25e-5, 7],
    [5e-324, 324],
    [1e21, 0],
    [-3.75, 2],
  ])('%p has %p', (value, places) => expect(decimalPlaces(value)).toBe(places));
});

describe('IsFiniteNumber', () => {
  it('accepts finite numbers within the decimals', () => {
    for (const value of [0, 152, 41.5, -2.5, 1e21]) expect(problems(value)).toEqual([]);
  });

  it('refuses tiny numbers in exponent notation instead of throwing (class-validator does)', () => {
    for (const value of [1e-7, 5e-324, 0.05]) {
      expect(problems(value)).toEqual(['value must be a number with at most 1 decimal place']);
    }
  });

  it('takes a multiple of 0.1 computed in floating point as that multiple', () => {
    expect(read(3 * 0.1)).toEqual({ value: 0.3, problems: [] });
    expect(read(415 * 0.1)).toEqual({ value: 41.5, problems: [] });
    expect(read(0.1 + 0.2)).toEqual({ value: 0.3, problems: [] });
    for (let n = 0; n <= 2300; n++) expect(problems(n * 0.1)).toEqual([]);
  });

  it('refuses NaN, infinities and non-numbers', () => {
    for (const value of [Number.NaN, Infinity, -Infinity, '41.5', null, {}, [1]])
      expect(problems(value)).toHaveLength(1);
  });
});
