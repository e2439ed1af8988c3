import { attendanceProblems, futureSessionProblem } from './session-log';

describe('a log of a squad session', () => {
  it('needs minutes and RPE when done', () => {
    expect(attendanceProblems({ status: 'done', durationMin: 60, rpe: 6 })).toEqual([]);
    expect(attendanceProblems({ status: 'done', rpe: 0 })).toEqual([
      { path: 'durationMin', message: 'a done session needs its minutes' },
    ]);
    expect(attendanceProblems({ status: 'done' }).map((p) => p.path)).toEqual(['durationMin', 'rpe']);
  });

  it('has neither when skipped or injured', () => {
    expect(attendanceProblems({ status: 'skipped' })).toEqual([]);
    expect(attendanceProblems({ status: 'injured' })).toEqual([]);
    expect(attendanceProblems({ status: 'injured', durationMin: 20, rpe: 3 })).toEqual([
      { path: 'durationMin', message: 'a session logged injured has no minutes' },
      { path: 'rpe', message: 'a session logged injured has no RPE' },
    ]);
    expect(attendanceProblems({ status: 'skipped', rpe: 0 }).map((p) => p.path)).toEqual(['rpe']);
  });

  it('is refused for a session after today, accepted on the day', () => {
    expect(futureSessionProblem('2026-12-03', '2026-12-02')).toMatch(/once it has taken place/);
    expect(futureSessionProblem('2026-12-02', '2026-12-02')).toBeNull();
    expect(futureSessionProblem('2026-11-30', '2026-12-02')).toBeNull();
  });
});
