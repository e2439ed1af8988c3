import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { daysAgo, yearsAgo } from './harness/dates';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';

describe('cohort percentiles among the academy’s players', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let girlId: string;
  let assessmentId: string;
  const auth = (a: TestAccount) => ({ token: a.accessToken });
  let n = 0;

  const player = async (sex: string, dateOfBirth: string, level = 'academy', by = coach) => {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName: `P${n++}`,
        lastName: 'Cohort',
        dateOfBirth,
        sex,
        position: 'defender',
        level,
        dominantFoot: 'right',
      },
      auth(by),
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const jump = async (playerId: string, cm: number, days = 30, by = coach) => {
    const res = await t.http.post(
      `/api/v1/players/${playerId}/assessments`,
      { date: daysAgo(days), tests: { standingLongJumpCm: cm } },
      auth(by),
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const cohortOf = async (query = '', as = coach) => {
    const res = await t.http.get(`/api/v1/assessments/${assessmentId}/summary${query}`, auth(as));
    expect(res.status).toBe(200);
    return res.body.cohort;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
    ]);
    girlId = await player('female', yearsAgo(13, '06-15'));
    await t.http.post(`/api/v1/players/${girlId}/guardians`, { email: parent.email }, auth(coach));
    assessmentId = await jump(girlId, 110.5, 5);

    // 18 other girls born the same year, jumping 101-118 cm; the 101 cm girl jumped 200 cm before (not her latest).
    // Some are another coach's players: the cohort is the academy, not one coach's squad.
    for (let i = 0; i < 18; i++) {
      const by = i % 3 === 0 ? otherCoach : coach;
      const id = await player('female', yearsAgo(13, `0${1 + (i % 9)}-1${i % 9}`), i < 5 ? 'elite' : 'academy', by);
      if (i === 0) await jump(id, 200, 200, by);
      await jump(id, 101 + i, 20, by);
    }
    // Not in her cohort: a boy of the same year, a girl a year older, a girl whose only result is 13 months old.
    await jump(await player('male', yearsAgo(13, '05-01')), 90);
    await jump(await player('female', yearsAgo(14, '05-01')), 90);
    await jump(await player('female', yearsAgo(13, '05-02')), 90, 400);
  });
  afterAll(() => t.close());

  it('gives no cohort percentile at 19 players, with the reason', async () => {
    const cohort = await cohortOf();
    expect(cohort.definition).toMatchObject({
      sex: 'female',
      birthYear: new Date().getUTCFullYear() - 13,
      within: null,
      minimumPlayers: 20,
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      method: expect.stringContaining('Percentile rank'),
    });
    expect(cohort.percentiles.standingLongJumpCm).toEqual({
      percentile: null,
      band: null,
      players: 19,
      reason: expect.stringContaining('20 are needed'),
    });
  });

  it('shows it at 20 players, from each player’s latest result, beside the published percentile', async () => {
    await jump(await player('female', yearsAgo(13, '02-02')), 119);
    const res = await t.http.get(`/api/v1/assessments/${assessmentId}/summary`, auth(parent));
    expect(res.status).toBe(200);
    // 110.5 cm beats 10 of the 19 others' latest results (101-110 cm): (10 + 0.5) / 20.
    expect(res.body.cohort.percentiles.standingLongJumpCm).toEqual({
      percentile: 52.5,
      band: 'average',
      players: 20,
      reason: null,
    });
    expect(res.body.norms.standingLongJumpCm.reference.id).toBe('niessner-2020-momo-standing-long-jump');
  });

  it('narrows the cohort to the same level on request', async () => {
    const cohort = await cohortOf('?cohortWithin=level');
    expect(cohort.definition).toMatchObject({ within: 'level', level: 'academy', position: null });
    expect(cohort.percentiles.standingLongJumpCm).toMatchObject({ percentile: null, players: 15 });
    const byPosition = await cohortOf('?cohortWithin=position');
    expect(byPosition.definition).toMatchObject({ within: 'position', position: 'defender' });
    expect(byPosition.percentiles.standingLongJumpCm.players).toBe(20);
  });

  it('refuses an unknown cohortWithin with a 400 and keeps the summary to those who may see the player', async () => {
    expectProblem(
      await t.http.get(`/api/v1/assessments/${assessmentId}/summary?cohortWithin=team`, auth(coach)),
      400,
      'cohortWithin',
    );
    expectProblem(await t.http.get(`/api/v1/assessments/${assessmentId}/summary`, auth(otherCoach)), 404);
  });
});
