import edelson2016Plank from './norm-data/edelson-2016-nnyfs-plank.json';
import momoPushUps from './norm-data/niessner-2020-momo-push-ups.json';
import momoStandingLongJump from './norm-data/niessner-2020-momo-standing-long-jump.json';
import caplPacer from './norm-data/tremblay-2018-capl-pacer-20m-laps.json';
import { NormUpload, normUploadProblems, spansOverlap } from './norm-upload';

const upload = (over: Partial<NormUpload>): NormUpload => ({
  source: { citation: 'A test table', doi: null, population: 'test players' },
  test: 'plankS',
  unit: 's',
  format: 'percentiles',
  rows: [],
  ...over,
});

describe('normUploadProblems', () => {
  it('accepts the shipped MoMo growth curves as they are', () => {
    expect(normUploadProblems({ ...momoStandingLongJump, test: 'standingLongJumpCm', format: 'LMS' })).toEqual([]);
    expect(normUploadProblems({ ...momoPushUps, test: 'pushUps40s', format: 'LMS' })).toEqual([]);
  });

  it('refuses the shipped files whose pooled rows overlap their split rows (NNYFS 6-15 over 6-9, CAPL 8-12 over 8)', () => {
    expect(normUploadProblems({ ...edelson2016Plank, test: 'plankS', format: 'percentiles' })).toEqual([
      expect.objectContaining({ path: 'rows.3.age', message: expect.stringContaining('overlaps rows.0') }),
    ]);
    expect(normUploadProblems({ ...caplPacer, test: 'shuttle20mLaps', format: 'mean_sd' })[2].message).toBe(
      'both sexes, age 8 overlaps rows.0 (both sexes, ages 8-12) for shuttle20mLaps',
    );
    const capl = normUploadProblems({ ...caplPacer, test: 'shuttle20mLaps', format: 'mean_sd' });
    expect(capl.map((p) => p.path)).toEqual([
      'rows.1.age',
      'rows.2.age',
      'rows.3.age',
      'rows.4.age',
      'rows.5.age',
      'rows.6.age',
      'rows.7.age',
    ]);
  });

  it('lists every problem of a percentile table: descending centiles, implausible values, bad ages', () => {
    const problems = normUploadProblems(
      upload({
        rows: [
          { sex: 'female', age: '6-8', p10: 30, p50: 20, p90: 40 },
          { sex: 'male', age: '6-8', p10: 1000, p90: 2000 },
          { sex: 'male', age: 8.5, p10: 10, p90: 20 },
          { sex: 'female', age: '9-10', p50: 50 },
        ],
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(['rows.0.p50', 'rows.1.p10', 'rows.1.p90', 'rows.2.age', 'rows.3']);
  });

  it('finds overlaps between sexes only where they meet: pooled rows overlap both sexes', () => {
    const f = { sex: 'female' as const, minAge: 8, maxAge: 13, exactAge: false };
    expect(spansOverlap(f, { ...f, sex: 'male' })).toBe(false);
    expect(spansOverlap(f, { ...f, sex: 'all', minAge: 12, maxAge: 13 })).toBe(true);
    expect(spansOverlap(f, { ...f, minAge: 13, maxAge: 14 })).toBe(false); // 8-12 and 13 touch, no overlap
    expect(spansOverlap({ ...f, exactAge: true, minAge: 5, maxAge: 8 }, f)).toBe(true); // LMS closed at 8
  });

  it('needs L, M and S with a positive M and S in LMS rows, and a mean and positive SD in mean/SD rows', () => {
    const lms = normUploadProblems(
      upload({
        format: 'LMS',
        rows: [
          { sex: 'male', age: 9, L: 1, M: 0, S: -1 },
          { sex: 'male', age: 10, L: 1 },
        ],
      }),
    );
    expect(lms.map((p) => p.path)).toEqual(['rows.0.M', 'rows.0.S', 'rows.1.M', 'rows.1.S']);
    const meanSd = normUploadProblems(upload({ format: 'mean_sd', rows: [{ sex: 'male', age: 9, mean: 60, sd: 0 }] }));
    expect(meanSd).toEqual([{ path: 'rows.0.sd', message: 'sd must be positive' }]);
  });
});
