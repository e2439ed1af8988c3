/**
 * Dashboard benchmark: the team dashboard of a 30-player squad with one season of history, against
 * GET /api/v1/players/:id (same token and pipeline) measured in the same run, and how the dashboard's time
 * grows with the squad: 10, 30 and 60 players.
 *
 *   npm run bench:dashboard   (uses MONGODB_URI, else mongodb-memory-server, else the offline server)
 *
 * Target: the 30-player dashboard's p50 at most 10x the baseline's. Figures are printed, never asserted.
 *
 * The squads: three teams of 10, 30 and 60 players (100 players, none in two teams). Each player has an
 * assessment and a programme (created over HTTP: 8 weeks, Monday and Friday, started 4 weeks before today),
 * and one season: the 43 weeks ending today. Each week of it holds two team sessions (Tuesday and Thursday,
 * 75 min) with the players' logs (done 90 %, skipped 5 %, none 5 %), a match on Saturday logged with its RPE,
 * a session of the player's own on Monday every other week, a finished strength workout on Wednesday, and two
 * activity files (Tuesday's session and Saturday's match). The programme's sessions up to today are logged
 * done. The week after today has its two team sessions and a fixture. Everything but the programmes is
 * written straight to the database, as documents of the shapes the API stores: team sessions and logs
 * built field by field, and activities and workouts as copies of one the API itself stored (an uploaded GPX
 * run, a workout logged and finished), each copy with its own ids, date and figures. Seeding a season for
 * 100 players over HTTP would take most of the run. The numbers of documents are printed.
 *
 * The board keeps each player's records while the player's revisions stay the same (SquadRecords), as a
 * board polled by a coach's client is asked again and again; the seeded documents bump no revision, and
 * nothing is kept before the first measured request reads them. So the warm case is a board asked again
 * while nothing changed, and two more cases pay for reading again: the 30-player board after one player's
 * new log (that player's records read again; the log is written over HTTP before each request), and the
 * board for a date not asked before (every player's season read and worked out again: a day earlier each
 * time).
 *
 * Latency one request at a time, BENCH_REQUESTS (40) per case, so each is the request's own and not a
 * queue's; BENCH_ROUNDS (3) rounds alternate the order of the cases; medians are reported. Request logging
 * at info (BENCH_LOG_LEVEL), written to /dev/null as production writes stdout.
 */
import { Types } from 'mongoose';
import { meridianRunGpx } from '../test/harness/activities';
import { startBenchApp } from './bench-app';
import { call, Latencies, median, timeSequential } from './http';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const SQUAD_SIZES = [10, 30, 60] as const;
const MEASURED_SQUAD = 30;
const SEASON_WEEKS = 43;
const TARGET_RATIO = 10;
const INSERT_CHUNK = 1000;

/** A small deterministic generator, so every run seeds the same history. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Monday = 0 ... Sunday = 6. */
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

async function main(): Promise<void> {
  const { base, connection, admin, databaseKind, close } = await startBenchApp(LOG_LEVEL);
  const db = (name: string) => connection.collection(name);
  const insert = async (name: string, docs: object[]) => {
    for (let i = 0; i < docs.length; i += INSERT_CHUNK) await db(name).insertMany(docs.slice(i, i + INSERT_CHUNK));
  };
  try {
    const login = (await call(base, 'POST', '/api/v1/auth/login', admin)).body;
    const token = login.accessToken as string;
    const adminId = new Types.ObjectId(String(login.user.id));
    const today = new Date().toISOString().slice(0, 10);
    const seasonStart = addDays(today, -(SEASON_WEEKS * 7 - 1) - weekday(today));
    const next = random(20260701);
    const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
    const seedStarted = performance.now();

    // Teams and players over HTTP, each player with an assessment and a programme.
    const squads: { size: number; teamId: string; playerIds: string[] }[] = [];
    let playerNumber = 0;
    for (const size of SQUAD_SIZES) {
      const team = (
        await call(
          base,
          'POST',
          '/api/v1/teams',
          { name: `Squad of ${size}`, season: '2026/27', ageGroup: 'U18', sex: 'male' },
          token,
        )
      ).body;
      const playerIds: string[] = [];
      for (let i = 0; i < size; i++) {
        const n = ++playerNumber;
        const player = (
          await call(
            base,
            'POST',
            '/api/v1/players',
            {
              firstName: `Player${n}`,
              lastName: `Bench${String(n).padStart(3, '0')}`,
              dateOfBirth: '2008-03-14',
              sex: 'male',
              position: (['goalkeeper', 'defender', 'midfielder', 'forward'] as const)[n % 4],
              level: 'academy',
              dominantFoot: 'right',
            },
            token,
          )
        ).body;
        playerIds.push(player.id);
        await call(base, 'POST', `/api/v1/teams/${team.id}/players`, { playerId: player.id }, token);
      }
      squads.push({ size, teamId: team.id, playerIds });
    }
    const allPlayers = squads.flatMap((s) => s.playerIds);

    const programmes = new Map<string, { programId: string; sessions: { id: string; date: string }[] }>();
    for (const playerId of allPlayers) {
      await call(
        base,
        'POST',
        `/api/v1/players/${playerId}/assessments`,
        {
          date: addDays(today, -35),
          ratings: { passing: int(3, 9), firstTouch: int(3, 9), dribbling: int(3, 9), shooting: int(3, 9) },
        },
        token,
      );
      const program = (
        await call(
          base,
          'POST',
          `/api/v1/players/${playerId}/programs`,
          {
            weeks: 8,
            sessionsPerWeek: 2,
            availableDays: ['mon', 'fri'],
            startDate: addDays(today, -28),
            seed: int(1, 1e6),
          },
          token,
        )
      ).body;
      programmes.set(playerId, {
        programId: program.id,
        sessions: program.weeks.flatMap((w: { sessions: { id: string; date: string }[] }) => w.sessions),
      });
    }

    // The templates the API stored: a 30-minute run at 4 m/s (7.2 km), a finished strength workout.
    const templatePlayer = allPlayers[0];
    const gpx = meridianRunGpx({ start: new Date(`${today}T07:00:00Z`), speedMps: 4, seconds: 1800, heartRate: 150 });
    const form = new FormData();
    form.append('file', new Blob([gpx], { type: 'application/gpx+xml' }), 'run.gpx');
    const uploaded = await fetch(`${base}/api/v1/players/${templatePlayer}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    if (uploaded.status !== 201) throw new Error(`activity upload: ${uploaded.status} ${await uploaded.text()}`);
    const activityId = new Types.ObjectId(String(((await uploaded.json()) as { id: string }).id));
    const activityTemplate = (await db('activities').findOne({ _id: activityId }))!;
    await db('activities').deleteOne({ _id: activityId });
    const workout = (
      await call(
        base,
        'POST',
        `/api/v1/players/${templatePlayer}/workouts`,
        {
          date: today,
          name: 'Strength',
          status: 'in-progress',
          exercises: [
            {
              exerciseId: 'back-squat',
              sets: [
                { reps: 5, weightKg: 80 },
                { reps: 5, weightKg: 80 },
                { reps: 5, weightKg: 80 },
              ],
            },
            {
              exerciseId: 'romanian-deadlift',
              sets: [
                { reps: 8, weightKg: 60 },
                { reps: 8, weightKg: 60 },
              ],
            },
            { exerciseId: 'nordic-hamstring-curl', sets: [{ reps: 5 }, { reps: 5 }] },
          ],
        },
        token,
      )
    ).body;
    await call(base, 'POST', `/api/v1/workouts/${workout.id}/finish`, { durationMin: 50, sessionRpe: 6 }, token);
    const workoutTemplate = (await db('workouts').findOne({ _id: new Types.ObjectId(String(workout.id)) }))!;
    await db('workouts').deleteOne({ _id: workoutTemplate._id });

    // The season, straight to the collections.
    const teamSessions: object[] = [];
    const fixtures: object[] = [];
    const logs: object[] = [];
    const activities: object[] = [];
    const workouts: object[] = [];
    const now = new Date();
    const log = (
      playerId: Types.ObjectId,
      date: string,
      kind: string,
      status: string,
      durationMin: number,
      rpe: number,
      extra = {},
    ) =>
      logs.push({
        playerId,
        date,
        kind,
        status,
        durationMin: status === 'done' ? durationMin : 0,
        rpe: status === 'done' ? rpe : 0,
        load: status === 'done' ? durationMin * rpe : 0,
        loggedBy: adminId,
        createdAt: now,
        ...extra,
      });
    for (const squad of squads) {
      const teamId = new Types.ObjectId(squad.teamId);
      const players = squad.playerIds.map((id) => new Types.ObjectId(id));
      for (let day = 0; addDays(seasonStart, day) <= addDays(today, 7); day++) {
        const date = addDays(seasonStart, day);
        const dow = weekday(date);
        const past = date <= today;
        if (dow === 1 || dow === 3) {
          const sessionId = new Types.ObjectId();
          teamSessions.push({
            _id: sessionId,
            teamId,
            date,
            startTime: '18:00',
            durationMin: 75,
            intensity: dow === 1 ? 'high' : 'moderate',
            targetRpe: dow === 1 ? 7 : 5,
            drills: [],
            createdBy: adminId,
            createdAt: now,
          });
          if (!past || date === today) continue;
          for (const playerId of players) {
            const roll = next();
            if (roll >= 0.95) continue;
            const status = roll < 0.9 ? 'done' : 'skipped';
            log(playerId, date, 'training', status, int(60, 80), int(4, 8), {
              teamSessionId: sessionId,
              plannedKey: `team-session:${sessionId.toHexString()}:${playerId.toHexString()}`,
            });
          }
        }
        if (dow === 5) {
          if (!past) {
            fixtures.push({
              teamId,
              date,
              kickOff: '15:00',
              opponent: 'Rivals',
              venue: 'home',
              importance: 'normal',
              createdBy: adminId,
              createdAt: now,
            });
            continue;
          }
          for (const playerId of players)
            if (next() < 0.85) log(playerId, date, 'match', 'done', int(30, 90), int(6, 9));
        }
        if (!past) continue;
        for (const playerId of players) {
          if (dow === 0 && next() < 0.5) log(playerId, date, 'training', 'done', int(30, 50), int(3, 5));
          if (dow === 2) {
            const scale = 0.8 + next() * 0.4;
            workouts.push({
              ...workoutTemplate,
              _id: new Types.ObjectId(),
              playerId,
              date,
              sessionRpe: int(5, 8),
              entryVolumes: (workoutTemplate.entryVolumes as { tonnageKg: number }[]).map((v) => ({
                ...v,
                tonnageKg: Math.round(v.tonnageKg * scale),
              })),
            });
          }
          if (dow === 1 || dow === 5) {
            const scale = dow === 5 ? 1.2 + next() * 0.4 : 0.6 + next() * 0.4;
            const running = activityTemplate.metrics.running;
            const id = new Types.ObjectId();
            activities.push({
              ...activityTemplate,
              _id: id,
              playerId,
              kind: dow === 5 ? 'match' : 'training',
              date,
              startedAt: new Date(`${date}T${dow === 5 ? '15' : '18'}:00:00Z`),
              deviceKey: `file:${id.toHexString()}`,
              file: { ...activityTemplate.file, sha256: id.toHexString() },
              distanceM: Math.round(activityTemplate.distanceM * scale),
              metrics: {
                ...activityTemplate.metrics,
                running: {
                  ...running,
                  highSpeedRunningM: Math.round(activityTemplate.distanceM * scale * 0.08),
                  sprints: { ...running.sprints, distanceM: Math.round(activityTemplate.distanceM * scale * 0.02) },
                },
              },
            });
          }
        }
      }
      for (const playerId of players) {
        const { programId, sessions } = programmes.get(playerId.toHexString())!;
        for (const session of sessions.filter((s) => s.date < today)) {
          log(playerId, session.date, 'training', 'done', int(40, 60), int(4, 7), {
            programId: new Types.ObjectId(programId),
            sessionId: session.id,
            plannedKey: `${programId}:${session.id}`,
          });
        }
      }
    }
    await insert('team_sessions', teamSessions);
    await insert('fixtures', fixtures);
    await insert('training_logs', logs);
    await insert('workouts', workouts);
    await insert('activities', activities);
    const seedMs = performance.now() - seedStarted;

    const measured = squads.find((s) => s.size === MEASURED_SQUAD)!;
    const dashboardUrl = (teamId: string) => `${base}/api/v1/teams/${teamId}/dashboard`;
    const baselineUrl = `${base}/api/v1/players/${measured.playerIds[0]}`;
    const sample = (await call(base, 'GET', dashboardUrl(measured.teamId).slice(base.length), undefined, token)).body;
    console.log(
      `\nMongoDB: ${databaseKind}; log level ${LOG_LEVEL}; ${REQUESTS} requests one at a time per case; ${ROUNDS} rounds.\n` +
        `Seeded in ${(seedMs / 1000).toFixed(1)} s: ${allPlayers.length} players in squads of ${SQUAD_SIZES.join(', ')}, ` +
        `${SEASON_WEEKS} weeks from ${seasonStart} to ${today}: ${teamSessions.length} team sessions, ` +
        `${fixtures.length} fixtures, ${logs.length} training logs, ${workouts.length} finished workouts, ` +
        `${activities.length} activities, ${programmes.size} programmes.\n` +
        `The ${MEASURED_SQUAD}-player board: ${JSON.stringify(sample.squad)}.`,
    );

    // Warm-up (JIT, connection pools).
    await timeSequential(baselineUrl, token, REQUESTS);
    for (const squad of squads) await timeSequential(dashboardUrl(squad.teamId), token, 5);

    // After one player's new log: the log is written (not timed), then the board is asked for.
    let logged = 0;
    const afterOneLog = async (): Promise<Latencies> => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const playerId = measured.playerIds[logged++ % measured.playerIds.length];
        await call(
          base,
          'POST',
          `/api/v1/players/${playerId}/training-logs`,
          { date: today, kind: 'training', durationMin: 20, rpe: 3 },
          token,
        );
        const started = performance.now();
        const res = await fetch(dashboardUrl(measured.teamId), { headers: { authorization: `Bearer ${token}` } });
        bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`dashboard: ${res.status}`);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
      return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1], bytes };
    };
    // A date not asked before, a day earlier each time: nothing kept for it.
    let asked = 0;
    const newDateUrl = () => `${dashboardUrl(measured.teamId)}?date=${addDays(today, -++asked)}`;

    interface Round {
      baseline: Latencies;
      dashboards: Map<number, Latencies>;
      afterLog: Latencies;
      newDate: Latencies;
    }
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r = { dashboards: new Map() } as Round;
      const steps: (() => Promise<void>)[] = [
        async () => void (r.baseline = await timeSequential(baselineUrl, token, REQUESTS)),
        ...squads.map(
          (squad) => async () =>
            void r.dashboards.set(squad.size, await timeSequential(dashboardUrl(squad.teamId), token, REQUESTS)),
        ),
        async () => void (r.afterLog = await afterOneLog()),
        async () => void (r.newDate = await timeSequential(newDateUrl, token, REQUESTS)),
      ];
      // Alternate the order, so no case always runs on a warmer or a busier machine.
      for (const step of round % 2 === 0 ? steps : [...steps].reverse()) await step();
      rounds.push(r);
    }

    const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
    const row = (name: string, l: Latencies, ratio?: number) =>
      `${name.padEnd(40)} p50 ${ms(l.p50)}   p99 ${ms(l.p99)}   ${(l.bytes / 1024).toFixed(1).padStart(6)} KB` +
      (ratio === undefined ? '' : `   ${ratio.toFixed(1)}x baseline p50`);
    rounds.forEach((r, i) => {
      console.log(`round ${i + 1}${i % 2 === 0 ? '' : ' (reverse order)'}`);
      console.log(row('  baseline GET /players/:id', r.baseline));
      for (const size of SQUAD_SIZES) {
        const l = r.dashboards.get(size)!;
        console.log(row(`  team dashboard, ${size} players`, l, l.p50 / r.baseline.p50));
      }
      console.log(
        row(`  ${MEASURED_SQUAD} players, after one player's log`, r.afterLog, r.afterLog.p50 / r.baseline.p50),
      );
      console.log(
        row(`  ${MEASURED_SQUAD} players, a date not asked before`, r.newDate, r.newDate.p50 / r.baseline.p50),
      );
    });

    const med = (pick: (r: Round) => number) => median(rounds.map(pick));
    const ratio = med((r) => r.dashboards.get(MEASURED_SQUAD)!.p50 / r.baseline.p50);
    const perPlayer = (size: number) => med((r) => r.dashboards.get(size)!.p50) / size;
    console.log(`\nMedians of ${ROUNDS} rounds (the ratio is the median of each round's own ratio)`);
    console.log(
      `| case | p50 | p99 | vs baseline p50 | per player |\n|---|---:|---:|---:|---:|\n` +
        `| baseline GET /players/:id | ${med((r) => r.baseline.p50).toFixed(1)} ms | ${med((r) => r.baseline.p99).toFixed(1)} ms | | |\n` +
        SQUAD_SIZES.map(
          (size) =>
            `| team dashboard, ${size} players | ${med((r) => r.dashboards.get(size)!.p50).toFixed(1)} ms | ` +
            `${med((r) => r.dashboards.get(size)!.p99).toFixed(1)} ms | ` +
            `${med((r) => r.dashboards.get(size)!.p50 / r.baseline.p50).toFixed(1)}x | ${perPlayer(size).toFixed(2)} ms |`,
        ).join('\n') +
        `\n| ${MEASURED_SQUAD} players, after one player's log | ${med((r) => r.afterLog.p50).toFixed(1)} ms | ` +
        `${med((r) => r.afterLog.p99).toFixed(1)} ms | ${med((r) => r.afterLog.p50 / r.baseline.p50).toFixed(1)}x | |` +
        `\n| ${MEASURED_SQUAD} players, a date not asked before | ${med((r) => r.newDate.p50).toFixed(1)} ms | ` +
        `${med((r) => r.newDate.p99).toFixed(1)} ms | ${med((r) => r.newDate.p50 / r.baseline.p50).toFixed(1)}x | |`,
    );
    console.log(
      `\nTarget: the ${MEASURED_SQUAD}-player dashboard's p50 at most ${TARGET_RATIO}x the baseline's: ` +
        `${ratio.toFixed(1)}x, ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}.`,
    );
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
