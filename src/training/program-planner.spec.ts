import { toProblem } from '../common/errors/to-problem';
import { safetyFailure } from './program-planner';

describe('safetyFailure', () => {
  it('is a 500 problem listing every violation with where it is, so the fault can be found', () => {
    const problem = toProblem(
      safetyFailure({
        passed: false,
        checks: [],
        violations: [
          { rule: 'recovery', message: '3 high-intensity days in a row from 2026-12-07' },
          {
            rule: 'injury',
            week: 2,
            sessionId: 'w2-s1',
            drillId: 'nordic',
            message: 'nordic loads the injured hamstring',
          },
        ],
      }),
    );
    expect(problem).toEqual({
      type: '/problems/safety-check-failed',
      title: 'Safety Check Failed',
      status: 500,
      detail: expect.stringMatching(/broke 2 safety rule\(s\) and was not stored/),
      errors: [
        { path: '', message: 'recovery: 3 high-intensity days in a row from 2026-12-07' },
        { path: 'week 2 / w2-s1 / nordic', message: 'injury: nordic loads the injured hamstring' },
      ],
    });
  });
});
