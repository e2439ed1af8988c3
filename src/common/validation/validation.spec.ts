import { IsInt, validateSync } from 'class-validator';
import { RuleProblem, ValidationProblem } from '../errors/problem';
import { IsCalendarDate } from './calendar-date';
import { validationFailure } from './validation';

class LogDto {
  @IsCalendarDate({ notFuture: true })
  date!: unknown;

  @IsInt()
  durationMin!: unknown;
}

const failure = (body: Partial<LogDto>) =>
  validationFailure(validateSync(Object.assign(new LogDto(), { date: '2026-01-05', durationMin: 60, ...body })));

describe('validationFailure', () => {
  it('is a 400 when any validator of the schema fails, listing every problem', () => {
    const problem = failure({ date: '2999-01-01', durationMin: 1.5 });
    expect(problem).toBeInstanceOf(ValidationProblem);
    expect(problem.getStatus()).toBe(400);
    expect(problem.extra.errors?.map((e) => e.path).sort()).toEqual(['date', 'durationMin']);
  });

  it('is a 422 when only rules beyond the schema fail', () => {
    const problem = failure({ date: '2999-01-01' });
    expect(problem).toBeInstanceOf(RuleProblem);
    expect(problem.getStatus()).toBe(422);
    expect(problem.extra.errors).toEqual([{ path: 'date', message: 'date must not be in the future' }]);
  });

  it('is a 400 for a malformed date', () => {
    expect(failure({ date: '2026-02-30' }).getStatus()).toBe(400);
  });
});
