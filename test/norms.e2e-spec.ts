import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { daysAgo, yearsAgo } from './harness/dates';
import { startTestApp, TestApp } from './harness/test-app';

describe('norms for girls and young children', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  const auth = (a: TestAccount) => ({ token: a.accessToken });

  const createPlayer = async (firstName: string, sex: string, dateOfBirth: string) => {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName,
        lastName: 'Norms',
        dateOfBirth,
        sex,
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'right',
      },
      auth(coach),
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const assess = async (playerId: string, date: string, tests: Record<string, number>) => {
    const res = await t.http.post(`/api/v1/players/${playerId}/assessments`, { date, tests }, auth(coach));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  /** What every percentile must say about where it comes from. */
  const withReference = (id: string, method: string) =>
    expect.objectContaining({
      percentile: expect.any(Number),
      band: expect.any(String),
      method,
      source: expect.any(String),
      reference: expect.objectContaining({
        id,
        citation: expect.any(String),
        population: expect.any(String),
        ageDefinition: expect.any(String),
        origin: 'shipped',
      }),
      matched: expect.objectContaining({ sex: expect.any(String), ages: expect.any(String) }),
    });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    coach = await createAccount(t.http, 'coach', admin);
  });
  afterAll(() => t.close());

  it('gives a 12-year-old girl percentiles for the long jump, 40-second push-ups, plank and PACER laps', async () => {
    const girl = await createPlayer('Lina', 'female', yearsAgo(12));
    const id = await assess(girl, daysAgo(1), {
      standingLongJumpCm: 150,
      pushUps40s: 13,
      plankS: 70,
      shuttle20mLaps: 24,
      sprint20mS: 3.9,
    });
    const res = await t.http.get(`/api/v1/assessments/${id}/summary`, auth(coach));
    expect(res.status).toBe(200);
    const { norms } = res.body;
    expect(norms.standingLongJumpCm).toEqual(withReference('niessner-2020-momo-standing-long-jump', 'LMS'));
    expect(norms.standingLongJumpCm.matched).toEqual({
      sex: 'female',
      ages: expect.stringMatching(/^exact age 12\.\d+$/),
      ageYears: expect.any(Number),
    });
    expect(norms.standingLongJumpCm.reference.ageDefinition).toMatch(/exact decimal age/i);
    expect(norms.pushUps40s).toEqual(withReference('niessner-2020-momo-push-ups-40s', 'LMS'));
    expect(norms.plankS).toEqual(withReference('edelson-2016-nnyfs-plank', 'percentile-table'));
    expect(norms.plankS.matched).toEqual({ sex: 'all', ages: '10-12', ageYears: 12 });
    expect(norms.shuttle20mLaps).toEqual(withReference('tremblay-2018-capl-pacer-20m-laps', 'normal-approximation'));
    expect(norms.shuttle20mLaps.matched).toEqual({ sex: 'female', ages: '8-12', ageYears: 12 });
    expect(norms.sprint20mS).toBeNull(); // no sprint reference for girls: still no guess
    // The physical areas now have scores for her from those norms.
    expect(res.body.areas.map((a: { area: string }) => a.area)).toEqual(
      expect.arrayContaining(['power', 'strength', 'endurance']),
    );
  });

  it('gives a 7-year-old percentiles in the summary and along the progress series', async () => {
    const boy = await createPlayer('Adam', 'male', yearsAgo(7, '01-15'));
    await assess(boy, daysAgo(60), { standingLongJumpCm: 110, pushUps40s: 9 });
    const latest = await assess(boy, daysAgo(2), { standingLongJumpCm: 118, pushUps40s: 11, plankS: 40 });

    const summary = await t.http.get(`/api/v1/assessments/${latest}/summary`, auth(coach));
    expect(summary.status).toBe(200);
    expect(summary.body.ageYears).toBeGreaterThanOrEqual(7);
    expect(summary.body.ageYears).toBeLessThan(8);
    expect(summary.body.norms.standingLongJumpCm).toEqual(
      withReference('niessner-2020-momo-standing-long-jump', 'LMS'),
    );
    expect(summary.body.norms.plankS.matched).toEqual({ sex: 'all', ages: '6-9', ageYears: 7 });

    const progress = await t.http.get(`/api/v1/players/${boy}/progress?metric=standingLongJumpCm`, auth(coach));
    expect(progress.status).toBe(200);
    expect(progress.body.points).toHaveLength(2);
    for (const point of progress.body.points) {
      expect(point.norm).toEqual(withReference('niessner-2020-momo-standing-long-jump', 'LMS'));
      expect(point.percentile).toBe(point.norm.percentile);
    }
    // The later, longer jump at almost the same age is a higher percentile.
    expect(progress.body.points[1].percentile).toBeGreaterThan(progress.body.points[0].percentile);

    const overview = await t.http.get(`/api/v1/players/${boy}/progress/overview`, auth(coach));
    const pushUps = overview.body.metrics.find((m: { metric: string }) => m.metric === 'pushUps40s');
    expect(pushUps.unit).toBe('reps in 40 s');
    expect(pushUps.points[0].norm).toEqual(withReference('niessner-2020-momo-push-ups-40s', 'LMS'));
  });

  it('does not score the plain push-up count on the 40-second curves, and refuses impossible 40-second counts', async () => {
    const girl = await createPlayer('Mia', 'female', yearsAgo(10));
    const id = await assess(girl, daysAgo(1), { pushUps: 15 });
    const res = await t.http.get(`/api/v1/assessments/${id}/summary`, auth(coach));
    expect(res.body.norms.pushUps).toBeNull();
    const bad = await t.http.post(
      `/api/v1/players/${girl}/assessments`,
      { date: daysAgo(1), tests: { pushUps40s: 81, shuttle20mLaps: -1 } },
      auth(coach),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'tests.pushUps40s',
      'tests.shuttle20mLaps',
    ]);
  });
});
