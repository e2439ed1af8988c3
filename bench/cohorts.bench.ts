/**
 * Cohort percentiles with 5,000 players: the latency of GET /api/v1/assessments/:id/summary (which
 * ranks every test result among the player's sex and birth year, counted by the database) against
 * GET /api/v1/assessments/:id (the same assessment through the same pipeline), in one run,
 * BENCH_REQUESTS (20) requests one at a time each.
 *
 *   npm run bench:cohorts   (uses MONGODB_URI, else mongodb-memory-server, else the offline server)
 *
 * The academy: 5,000 players (BENCH_PLAYERS) born 2008-2019, both sexes, each with three
 * assessments in the last year; the measured player's cohort holds about 200 of them. A second case
 * puts the measured player in a cohort of about 1,200 (a fifth of the academy, and its share of
 * the rest, born in one year, one sex).
 * The players are written straight to the database, copied from ones the API created, so seeding
 * takes seconds. Figures are printed, never asserted.
 */
import { Types } from 'mongoose';
import { startBenchApp } from './bench-app';
import { call, timeSequential } from './http';

const PLAYERS = Number(process.env.BENCH_PLAYERS ?? 5000);
const LARGE_COHORT = Math.round(PLAYERS / 5);

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const { base, connection, admin, databaseKind, close } = await startBenchApp(process.env.BENCH_LOG_LEVEL ?? 'info');
  try {
    const adminToken = (await call(base, 'POST', '/api/v1/auth/login', admin)).body.accessToken as string;
    const newPlayer = async (firstName: string, dateOfBirth: string, sex: string) =>
      (
        await call(
          base,
          'POST',
          '/api/v1/players',
          {
            firstName,
            lastName: 'Bench',
            dateOfBirth,
            sex,
            position: 'midfielder',
            level: 'academy',
            dominantFoot: 'right',
          },
          adminToken,
        )
      ).body;
    const assess = async (playerId: string, date: string, jump: number, sprint: number) =>
      (
        await call(
          base,
          'POST',
          `/api/v1/players/${playerId}/assessments`,
          { date, tests: { standingLongJumpCm: jump, sprint10mS: sprint, cmjCm: jump / 6, plankS: jump / 2 } },
          adminToken,
        )
      ).body;

    // The measured players: one in an ordinary cohort (girls born 2013), one in a large one (boys born 2011).
    const typical = await newPlayer('Typical', '2013-05-04', 'female');
    const typicalAssessment = await assess(typical.id, daysAgo(3), 160, 2.2);
    const large = await newPlayer('Large', '2011-02-11', 'male');
    const largeAssessment = await assess(large.id, daysAgo(3), 185, 2.0);

    // Templates as the API stores them, copied with new ids and varied values.
    const players = connection.collection('players');
    const assessments = connection.collection('assessments');
    const playerTemplate = (await players.findOne({ _id: new Types.ObjectId(String(typical.id)) }))!;
    const assessmentTemplate = (await assessments.findOne({ _id: new Types.ObjectId(String(typicalAssessment.id)) }))!;
    const started = performance.now();
    const playerDocs = [];
    const assessmentDocs = [];
    for (let i = 0; i < PLAYERS; i++) {
      const inLarge = i < LARGE_COHORT;
      const sex = inLarge ? 'male' : i % 2 === 0 ? 'female' : 'male';
      const year = inLarge ? 2011 : 2008 + (Math.floor(i / 2) % 12);
      const _id = new Types.ObjectId();
      playerDocs.push({
        ...playerTemplate,
        _id,
        firstName: `Player ${i}`,
        sex,
        dateOfBirth: new Date(Date.UTC(year, i % 12, 1 + (i % 28))),
      });
      for (let k = 0; k < 3; k++) {
        const jump = 120 + ((i * 7 + k * 13) % 110);
        assessmentDocs.push({
          ...assessmentTemplate,
          _id: new Types.ObjectId(),
          playerId: _id,
          date: new Date(Date.now() - (30 + k * 100 + (i % 20)) * 86_400_000),
          tests: { standingLongJumpCm: jump, sprint10mS: 1.8 + (i % 9) / 10, cmjCm: jump / 6, plankS: jump / 2 },
        });
      }
    }
    await players.insertMany(playerDocs, { ordered: false });
    await assessments.insertMany(assessmentDocs, { ordered: false });
    const seededMs = performance.now() - started;

    const summaryOf = (id: string) => `/api/v1/assessments/${id}/summary`;
    // The first summaries read the latest results of the whole window (the cache is empty).
    const coldStarted = performance.now();
    const typicalSummary = (await call(base, 'GET', summaryOf(typicalAssessment.id), undefined, adminToken)).body;
    const coldMs = performance.now() - coldStarted;
    const largeSummary = (await call(base, 'GET', summaryOf(largeAssessment.id), undefined, adminToken)).body;
    const cohortSize = (summary: { cohort?: { percentiles?: Record<string, { players?: number }> } }) =>
      summary.cohort?.percentiles?.standingLongJumpCm?.players ?? 'n/a';
    console.log(
      `\nMongoDB: ${databaseKind}; ${PLAYERS} players with ${assessmentDocs.length} assessments seeded in ` +
        `${(seededMs / 1000).toFixed(1)} s; ${REQUESTS} requests one at a time per case; logging at info.\n` +
        `Cohorts of the measured players (standing long jump): ${cohortSize(typicalSummary)} and ${cohortSize(largeSummary)} players.\n` +
        `First summary, reading every player's latest results of the last 12 months: ${coldMs.toFixed(0)} ms.\n`,
    );

    const cases: [string, string][] = [
      ['baseline: GET /assessments/:id', `${base}/api/v1/assessments/${typicalAssessment.id}`],
      [`summary, cohort of ${cohortSize(typicalSummary)}`, `${base}${summaryOf(typicalAssessment.id)}`],
      [`summary, cohort of ${cohortSize(largeSummary)}`, `${base}${summaryOf(largeAssessment.id)}`],
    ];
    for (const [, url] of cases) await timeSequential(url, adminToken, REQUESTS); // warm-up
    for (const [name, url] of cases) {
      const r = await timeSequential(url, adminToken, REQUESTS);
      console.log(`${name.padEnd(34)} p50 ${r.p50.toFixed(1).padStart(7)} ms   max ${r.max.toFixed(1).padStart(7)} ms`);
    }
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
