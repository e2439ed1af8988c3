import { ageInYears } from './player.record';

describe('ageInYears', () => {
  const dob = new Date('2012-06-15T00:00:00Z');
  it.each([
    ['2024-06-14', 11],
    ['2024-06-15', 12],
    ['2024-12-31', 12],
    ['2025-01-01', 12],
  ])('on %s', (on, age) => expect(ageInYears(dob, new Date(`${on}T00:00:00Z`))).toBe(age));

  it('counts a 29 February birthday on 1 March in other years', () => {
    const leap = new Date('2012-02-29T00:00:00Z');
    expect(ageInYears(leap, new Date('2013-02-28T00:00:00Z'))).toBe(0);
    expect(ageInYears(leap, new Date('2013-03-01T00:00:00Z'))).toBe(1);
  });
});
