import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { daysAgo, daysFromNow, yearsAgo } from './harness/dates';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */

describe('workouts', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let playerAccount: TestAccount;
  let strangerPlayer: TestAccount;
  let playerId: string;

  const auth = (a: TestAccount) => ({ token: a.accessToken });
  const squat = (reps: number, weightKg: number, extra: Record<string, unknown> = {}) => ({ reps, weightKg, ...extra });

  async function createPlayer(firstName: string, ageYears: number): Promise<string> {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName,
        lastName: 'Gym',
        dateOfBirth: yearsAgo(ageYears),
        sex: 'male',
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'right',
      },
      auth(coach),
    );
    if (res.status !== 201) throw new Error(res.text);
    return res.body.id;
  }

  async function workout(forPlayer: string, body: Record<string, unknown>, by = coach): Promise<any> {
    const res = await t.http.post(`/api/v1/players/${forPlayer}/workouts`, body, auth(by));
    if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
    return res.body;
  }

  async function finished(forPlayer: string, body: Record<string, unknown>, durationMin: number, sessionRpe: number) {
    const created = await workout(forPlayer, { status: 'in-progress', ...body });
    const res = await t.http.post(`/api/v1/workouts/${created.id}/finish`, { durationMin, sessionRpe }, auth(coach));
    if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent, playerAccount, strangerPlayer] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'player', admin),
      createAccount(t.http, 'player', admin),
    ]);
    playerId = await createPlayer('Senior', 19);
    await t.http.post(`/api/v1/players/${playerId}/guardians`, { email: parent.email }, auth(coach));
    await t.http.put(`/api/v1/players/${playerId}/account`, { email: playerAccount.email }, auth(coach));
  });
  afterAll(() => t.close());

  describe("a workout's life", () => {
    let templateId: string;
    let workoutId: string;
    let squatEntry: any;

    it('saves a template whose sets are targets, not done', async () => {
      const res = await t.http.post(
        '/api/v1/workout-templates',
        {
          name: 'Lower body A',
          exercises: [
            { exerciseId: 'back-squat', sets: [squat(5, 100), squat(5, 100), squat(5, 100, { done: true })] },
            { exerciseId: 'nordic-hamstring-curl', notes: 'slow eccentric', sets: [{ reps: 5 }, { reps: 5 }] },
            { exerciseId: 'plank', sets: [{ durationS: 45 }] },
          ],
        },
        auth(coach),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: 'Lower body A', owner: coach.id });
      expect(res.body.exercises.map((e: any) => [e.exerciseId, e.order, e.measure])).toEqual([
        ['back-squat', 1, 'reps-weight'],
        ['nordic-hamstring-curl', 2, 'reps'],
        ['plank', 3, 'time'],
      ]);
      expect(res.body.exercises.flatMap((e: any) => e.sets.map((s: any) => s.done))).toEqual(Array(6).fill(false));
      templateId = res.body.id;
    });

    it('keeps templates to their coach (and admins)', async () => {
      expectProblem(await t.http.get(`/api/v1/workout-templates/${templateId}`, auth(otherCoach)), 404);
      expect((await t.http.get(`/api/v1/workout-templates/${templateId}`, auth(admin))).status).toBe(200);
      expectProblem(await t.http.get('/api/v1/workout-templates', auth(playerAccount)), 403);
      expectProblem(await t.http.get('/api/v1/workout-templates', auth(parent)), 403);
      const mine = await t.http.get('/api/v1/workout-templates', auth(coach));
      expect(mine.body).toMatchObject({ total: 1, items: [{ id: templateId }] });
      expect((await t.http.get('/api/v1/workout-templates', auth(otherCoach))).body.total).toBe(0);
    });

    it('plans the template for a player, each entry showing the last finished performance', async () => {
      await finished(
        playerId,
        {
          date: daysAgo(7),
          name: 'Last week',
          exercises: [{ exerciseId: 'back-squat', sets: [squat(5, 90), squat(5, 95)] }],
        },
        50,
        7,
      );
      const res = await t.http.post(
        `/api/v1/workout-templates/${templateId}/plan`,
        { playerId, date: daysFromNow(1) },
        auth(coach),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ playerId, name: 'Lower body A', status: 'planned', templateId, warnings: [] });
      const [sq, nordic] = res.body.exercises;
      expect(sq.previous).toMatchObject({ date: daysAgo(7), sets: [squat(5, 90), squat(5, 95)] });
      // The Arabic name is kept beside the English, as the library has it.
      const library = await t.http.get('/api/v1/exercises/back-squat', auth(coach));
      expect(sq).toMatchObject({
        exerciseName: library.body.name,
        exerciseNameTranslations: { ar: library.body.translations.ar.name },
      });
      expect(nordic.previous).toBeNull();
      workoutId = res.body.id;
      squatEntry = sq;
      const again = await t.http.get(`/api/v1/workouts/${workoutId}`, auth(parent));
      expect(again.body.exercises[0].previous.sets).toHaveLength(2);
    });

    it('refuses to plan for a player the coach does not manage', async () => {
      const other = await t.http.post(
        `/api/v1/workout-templates/${templateId}/plan`,
        { playerId, date: daysFromNow(1) },
        auth(admin),
      );
      expect(other.status).toBe(201);
      await t.http.delete(`/api/v1/workouts/${other.body.id}`, auth(admin));
      const theirs = await t.http.post(
        '/api/v1/workout-templates',
        { name: 'Theirs', exercises: [{ exerciseId: 'plank' }] },
        auth(otherCoach),
      );
      expectProblem(
        await t.http.post(
          `/api/v1/workout-templates/${theirs.body.id}/plan`,
          { playerId, date: daysFromNow(1) },
          auth(otherCoach),
        ),
        404,
      );
    });

    it('logs sets one by one; the first done set starts the workout', async () => {
      const moved = await t.http.patch(`/api/v1/workouts/${workoutId}`, { date: daysAgo(0) }, auth(playerAccount));
      expect(moved.status).toBe(200);
      const entryUrl = `/api/v1/workouts/${workoutId}/exercises/${squatEntry.entryId}`;
      const [first] = squatEntry.sets;
      const done = await t.http.patch(
        `${entryUrl}/sets/${first.setId}`,
        { done: true, weightKg: 102.5, rpe: 8 },
        auth(playerAccount),
      );
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('in-progress');
      expect(done.body.exercises[0].sets[0]).toEqual({
        setId: first.setId,
        type: 'normal',
        reps: 5,
        weightKg: 102.5,
        rpe: 8,
        done: true,
      });
      const added = await t.http.post(`${entryUrl}/sets`, { type: 'drop', reps: 8, weightKg: 80 }, auth(playerAccount));
      expect(added.status).toBe(201);
      const sets = added.body.exercises[0].sets;
      expect(sets).toHaveLength(4);
      // A set added while the workout is in progress has been done.
      expect(sets[3]).toMatchObject({ type: 'drop', reps: 8, weightKg: 80, done: true });
      const removed = await t.http.delete(`${entryUrl}/sets/${sets[2].setId}`, auth(playerAccount));
      expect(removed.status).toBe(204);
      const now = await t.http.get(`/api/v1/workouts/${workoutId}`, auth(playerAccount));
      expect(now.body.exercises[0].sets.map((s: any) => s.setId)).toEqual([
        sets[0].setId,
        sets[1].setId,
        sets[3].setId,
      ]);
    });

    it('says which field a set is missing or must not have, by measure', async () => {
      const w = (await t.http.get(`/api/v1/workouts/${workoutId}`, auth(coach))).body;
      const [sq, nordic, plank] = w.exercises;
      const setsOf = (entry: any) => `/api/v1/workouts/${workoutId}/exercises/${entry.entryId}/sets`;
      expectProblem(await t.http.post(setsOf(sq), { reps: 5 }, auth(coach)), 400, 'weightKg');
      expectProblem(await t.http.post(setsOf(sq), { weightKg: 100 }, auth(coach)), 400, 'reps');
      expectProblem(await t.http.post(setsOf(nordic), { reps: 5, weightKg: 10 }, auth(coach)), 400, 'weightKg');
      expectProblem(await t.http.post(setsOf(plank), { reps: 5 }, auth(coach)), 400, 'durationS', 'reps');
      expectProblem(
        await t.http.post(
          `/api/v1/workouts/${workoutId}/exercises`,
          { exerciseId: 'plank', sets: [{ durationS: 30 }, { reps: 3 }] },
          auth(coach),
        ),
        400,
        'sets[1].durationS',
        'sets[1].reps',
      );
    });

    it.each([
      [{ reps: 5, weightKg: 900 }, 'weightKg'],
      [{ reps: 500, weightKg: 60 }, 'reps'],
      [{ reps: 5, weightKg: 60, rpe: 11 }, 'rpe'],
      [{ reps: -1, weightKg: 60 }, 'reps'],
      [{ reps: 5, weightKg: -5 }, 'weightKg'],
      [{ reps: 5.5, weightKg: 60 }, 'reps'],
      [{ reps: 5, weightKg: 60, rir: 11 }, 'rir'],
      [{ reps: 5, weightKg: 60, restS: 99999 }, 'restS'],
      [{ reps: 5, weightKg: 60, type: 'heavy' }, 'type'],
      [{ reps: 5, weightKg: 60, tempo: '3-1-1' }, 'tempo'],
      [{ reps: '5', weightKg: 60 }, 'reps'],
      [{ reps: 5, weightKg: null }, 'weightKg'],
    ])('refuses the set %j with a 400 naming %s', async (body, path) => {
      const w = (await t.http.get(`/api/v1/workouts/${workoutId}`, auth(coach))).body;
      const res = await t.http.post(
        `/api/v1/workouts/${workoutId}/exercises/${w.exercises[0].entryId}/sets`,
        body,
        auth(coach),
      );
      expectProblem(res, 400, path);
    });

    it('refuses unknown, archived and malformed exercises for new entries (400)', async () => {
      const url = `/api/v1/workouts/${workoutId}/exercises`;
      expectProblem(await t.http.post(url, { exerciseId: 'no-such-exercise' }, auth(coach)), 400, 'exerciseId');
      expectProblem(await t.http.post(url, { exerciseId: 'Back Squat!' }, auth(coach)), 400, 'exerciseId');
      expectProblem(await t.http.post(url, {}, auth(coach)), 400, 'exerciseId');
      const custom = await t.http.post(
        '/api/v1/exercises',
        {
          name: `Archived press ${Date.now()}`,
          description: 'A press that will be archived.',
          bodyParts: ['chest'],
          modality: 'dumbbell',
          equipment: ['dumbbells'],
          mechanics: 'compound',
          unilateral: false,
          measure: 'reps-weight',
          externalLoad: true,
          minAge: 14,
          tags: [],
        },
        auth(coach),
      );
      expect(custom.status).toBe(201);
      const added = await t.http.post(url, { exerciseId: custom.body.id, sets: [squat(10, 20)] }, auth(coach));
      expect(added.status).toBe(201);
      expect((await t.http.delete(`/api/v1/exercises/${custom.body.id}`, auth(coach))).status).toBe(204);
      expectProblem(await t.http.post(url, { exerciseId: custom.body.id }, auth(coach)), 400, 'exerciseId');
      // History that uses it stays readable.
      const w = await t.http.get(`/api/v1/workouts/${workoutId}`, auth(coach));
      const entry = w.body.exercises.find((e: any) => e.exerciseId === custom.body.id);
      expect(entry).toMatchObject({ exerciseName: custom.body.name, sets: [squat(10, 20)] });
      expect((await t.http.delete(`${url}/${entry.entryId}`, auth(coach))).status).toBe(204);
    });

    it('changes an entry: notes, and another exercise only when its sets fit', async () => {
      const w = (await t.http.get(`/api/v1/workouts/${workoutId}`, auth(coach))).body;
      const nordic = w.exercises[1];
      const url = `/api/v1/workouts/${workoutId}/exercises/${nordic.entryId}`;
      const noted = await t.http.patch(url, { notes: '3 s lowering' }, auth(coach));
      expect(noted.body.exercises[1]).toMatchObject({ entryId: nordic.entryId, notes: '3 s lowering' });
      expectProblem(await t.http.patch(url, { exerciseId: 'plank' }, auth(coach)), 400, 'sets[0].durationS');
      const swapped = await t.http.patch(url, { exerciseId: 'sliding-leg-curl' }, auth(coach));
      expect(swapped.status).toBe(200);
      expect(swapped.body.exercises[1]).toMatchObject({
        entryId: nordic.entryId,
        exerciseId: 'sliding-leg-curl',
        measure: 'reps',
      });
      await t.http.patch(url, { exerciseId: 'nordic-hamstring-curl' }, auth(coach));
    });

    it('reorders with every entry id exactly once, else 400', async () => {
      const w = (await t.http.get(`/api/v1/workouts/${workoutId}`, auth(coach))).body;
      const [a, b, c] = w.exercises.map((e: any) => e.entryId);
      const url = `/api/v1/workouts/${workoutId}/exercises/order`;
      const res = await t.http.put(url, { entryIds: [c, a, b] }, auth(playerAccount));
      expect(res.status).toBe(200);
      expect(res.body.exercises.map((e: any) => [e.entryId, e.order])).toEqual([
        [c, 1],
        [a, 2],
        [b, 3],
      ]);
      expectProblem(await t.http.put(url, { entryIds: [c, a] }, auth(coach)), 400, 'entryIds');
      expectProblem(await t.http.put(url, { entryIds: [c, a, b, a] }, auth(coach)), 400, 'entryIds');
      expectProblem(
        await t.http.put(url, { entryIds: [c, a, '0123456789abcdef01234567'] }, auth(coach)),
        400,
        'entryIds',
      );
      expectProblem(await t.http.put(url, { entryIds: [c, a, 'x'] }, auth(coach)), 400, 'entryIds');
      expectProblem(await t.http.put(url, { entryIds: [] }, auth(coach)), 400, 'entryIds');
      await t.http.put(url, { entryIds: [a, b, c] }, auth(coach));
    });

    it('answers 404 for entries and sets of another workout, and for unknown ones', async () => {
      const other = await workout(playerId, {
        date: daysAgo(0),
        name: 'Other',
        exercises: [{ exerciseId: 'plank', sets: [{ durationS: 30 }] }],
      });
      const otherEntry = other.exercises[0];
      const w = (await t.http.get(`/api/v1/workouts/${workoutId}`, auth(coach))).body;
      const mine = w.exercises[0];
      expectProblem(
        await t.http.post(
          `/api/v1/workouts/${workoutId}/exercises/${otherEntry.entryId}/sets`,
          { durationS: 30 },
          auth(coach),
        ),
        404,
      );
      expectProblem(
        await t.http.patch(
          `/api/v1/workouts/${workoutId}/exercises/${mine.entryId}/sets/${otherEntry.sets[0].setId}`,
          { reps: 3 },
          auth(coach),
        ),
        404,
      );
      expectProblem(
        await t.http.delete(`/api/v1/workouts/${workoutId}/exercises/${otherEntry.entryId}`, auth(coach)),
        404,
      );
      expectProblem(await t.http.get('/api/v1/workouts/0123456789abcdef01234567', auth(coach)), 404);
      expectProblem(await t.http.get('/api/v1/workouts/not-an-id', auth(coach)), 400);
      await t.http.delete(`/api/v1/workouts/${other.id}`, auth(coach));
    });

    it('finishes with minutes and session RPE; then exercises and sets are fixed (409), notes are not', async () => {
      expectProblem(
        await t.http.post(`/api/v1/workouts/${workoutId}/finish`, { durationMin: 60 }, auth(playerAccount)),
        400,
        'sessionRpe',
      );
      expectProblem(
        await t.http.post(
          `/api/v1/workouts/${workoutId}/finish`,
          { durationMin: 60, sessionRpe: 11 },
          auth(playerAccount),
        ),
        400,
        'sessionRpe',
      );
      const res = await t.http.post(
        `/api/v1/workouts/${workoutId}/finish`,
        { durationMin: 65, sessionRpe: 7.5 },
        auth(playerAccount),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'finished', durationMin: 65, sessionRpe: 7.5, load: 487.5 });
      expect(res.body.finishedAt).toEqual(expect.any(String));
      const w = res.body;
      const entry = w.exercises[0];
      const base = `/api/v1/workouts/${workoutId}`;
      const refused = [
        await t.http.post(`${base}/exercises/${entry.entryId}/sets`, squat(5, 100), auth(coach)),
        await t.http.patch(`${base}/exercises/${entry.entryId}/sets/${entry.sets[0].setId}`, { reps: 6 }, auth(coach)),
        await t.http.delete(`${base}/exercises/${entry.entryId}/sets/${entry.sets[0].setId}`, auth(coach)),
        await t.http.post(`${base}/exercises`, { exerciseId: 'plank' }, auth(coach)),
        await t.http.patch(`${base}/exercises/${entry.entryId}`, { notes: 'x' }, auth(coach)),
        await t.http.delete(`${base}/exercises/${entry.entryId}`, auth(coach)),
        await t.http.put(`${base}/exercises/order`, { entryIds: w.exercises.map((e: any) => e.entryId) }, auth(coach)),
        await t.http.put(
          base,
          { date: w.date, name: w.name, status: 'finished', durationMin: 60, sessionRpe: 7 },
          auth(coach),
        ),
        await t.http.patch(base, { name: 'Renamed' }, auth(coach)),
        await t.http.post(`${base}/finish`, { durationMin: 65, sessionRpe: 7.5 }, auth(coach)),
      ];
      for (const r of refused) {
        expectProblem(r, 409);
        expect(r.body.detail).toMatch(/finished/);
      }
      const noted = await t.http.patch(base, { notes: 'Felt strong' }, auth(playerAccount));
      expect(noted.status).toBe(200);
      expect(noted.body).toMatchObject({ status: 'finished', notes: 'Felt strong' });
    });

    it('lets only the coach or an admin reopen it', async () => {
      const url = `/api/v1/workouts/${workoutId}/reopen`;
      expectProblem(await t.http.post(url, undefined, auth(playerAccount)), 403);
      expectProblem(await t.http.post(url, undefined, auth(parent)), 403);
      expectProblem(await t.http.post(url, undefined, auth(otherCoach)), 404);
      const res = await t.http.post(url, undefined, auth(coach));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'in-progress' });
      expect(res.body.load).toBeUndefined();
      expectProblem(await t.http.post(url, undefined, auth(coach)), 409);
      const fixed = await t.http.post(
        `/api/v1/workouts/${workoutId}/exercises/${res.body.exercises[0].entryId}/sets`,
        squat(3, 110),
        auth(coach),
      );
      expect(fixed.status).toBe(201);
      const again = await t.http.post(
        `/api/v1/workouts/${workoutId}/finish`,
        { durationMin: 70, sessionRpe: 8 },
        auth(coach),
      );
      expect(again.body).toMatchObject({ status: 'finished', load: 560 });
    });

    it('saves a finished workout as a new template', async () => {
      const res = await t.http.post(`/api/v1/workouts/${workoutId}/template`, { name: 'What we did' }, auth(coach));
      expect(res.status).toBe(201);
      expect(res.body.exercises[0].sets.every((s: any) => s.done === false)).toBe(true);
      expect(res.body.exercises[0].sets.map((s: any) => s.reps)).toEqual([5, 5, 8, 3]);
      expectProblem(await t.http.post(`/api/v1/workouts/${workoutId}/template`, { name: 'x' }, auth(otherCoach)), 404);
      expectProblem(
        await t.http.post(`/api/v1/workouts/${workoutId}/template`, { name: 'x' }, auth(playerAccount)),
        403,
      );
    });
  });

  describe('the whole-workout replace', () => {
    it('syncs a finished workout at once, needing minutes and session RPE', async () => {
      const w = await workout(playerId, { date: daysAgo(1), name: 'Phone' });
      const body = {
        date: daysAgo(1),
        name: 'Phone sync',
        status: 'finished',
        durationMin: 40,
        sessionRpe: 6,
        exercises: [
          { exerciseId: 'romanian-deadlift', sets: [{ type: 'warm-up', reps: 8, weightKg: 40 }, squat(8, 70)] },
          { exerciseId: 'copenhagen-plank-hold', sets: [{ durationS: 30 }, { durationS: 30 }] },
        ],
      };
      expectProblem(
        await t.http.put(`/api/v1/workouts/${w.id}`, { ...body, sessionRpe: undefined }, auth(playerAccount)),
        422,
        'sessionRpe',
      );
      expectProblem(
        await t.http.put(`/api/v1/workouts/${w.id}`, { ...body, extra: 1 }, auth(playerAccount)),
        400,
        'extra',
      );
      expectProblem(
        await t.http.put(
          `/api/v1/workouts/${w.id}`,
          {
            ...body,
            status: 'planned',
            durationMin: undefined,
            sessionRpe: undefined,
            exercises: [{ exerciseId: 'plank', sets: [{ durationS: 30, done: true }] }],
          },
          auth(playerAccount),
        ),
        422,
        'status',
      );
      const res = await t.http.put(`/api/v1/workouts/${w.id}`, body, auth(playerAccount));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Phone sync', status: 'finished', load: 240 });
      expect(res.body.exercises.map((e: any) => [e.exerciseId, e.order, e.sets.length])).toEqual([
        ['romanian-deadlift', 1, 2],
        ['copenhagen-plank-hold', 2, 2],
      ]);
      expect(res.body.exercises[0].sets[0]).toMatchObject({ type: 'warm-up', done: true });
      expectProblem(await t.http.put(`/api/v1/workouts/${w.id}`, body, auth(playerAccount)), 409);
    });

    it.each([
      [{ status: 'in-progress', date: daysFromNow(3) }, 'date'],
      [{ status: 'planned', date: daysFromNow(400) }, 'date'],
      [{ status: 'in-progress', date: '1990-01-01' }, 'date'],
    ])('refuses dates that cannot be (%j, 422)', async (change, path) => {
      const w = await workout(playerId, { date: daysAgo(0), name: 'Dated' });
      const res = await t.http.put(
        `/api/v1/workouts/${w.id}`,
        { name: 'Dated', exercises: [], ...change },
        auth(coach),
      );
      expectProblem(res, 422, path);
      expectProblem(
        await t.http.post(
          `/api/v1/players/${playerId}/workouts`,
          { name: 'x', status: 'in-progress', date: daysFromNow(2) },
          auth(coach),
        ),
        422,
        'status',
      );
    });
  });

  describe('two phones on one workout', () => {
    it('keeps every set when sets are logged at the same moment', async () => {
      const phones = await createPlayer('Phones', 20);
      const w = await workout(phones, {
        date: daysAgo(0),
        name: 'Busy gym',
        exercises: [{ exerciseId: 'back-squat' }, { exerciseId: 'plank' }],
      });
      const [sq, plank] = w.exercises;
      const results = await Promise.all([
        ...Array.from({ length: 6 }, (_, i) =>
          t.http.post(`/api/v1/workouts/${w.id}/exercises/${sq.entryId}/sets`, squat(5, 60 + i), auth(coach)),
        ),
        ...Array.from({ length: 4 }, (_, i) =>
          t.http.post(`/api/v1/workouts/${w.id}/exercises/${plank.entryId}/sets`, { durationS: 30 + i }, auth(admin)),
        ),
      ]);
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      const final = (await t.http.get(`/api/v1/workouts/${w.id}`, auth(coach))).body;
      expect(final.exercises[0].sets.map((s: any) => s.weightKg).sort()).toEqual([60, 61, 62, 63, 64, 65]);
      expect(final.exercises[1].sets.map((s: any) => s.durationS).sort()).toEqual([30, 31, 32, 33]);
      // What the statistics read was kept with every set: 5 x (60 + 61 + ... + 65) = 1875 kg.
      await t.http.post(`/api/v1/workouts/${w.id}/finish`, { durationMin: 40, sessionRpe: 6 }, auth(coach));
      const stats = await t.http.get(
        `/api/v1/players/${phones}/workout-stats?from=${daysAgo(0)}&to=${daysAgo(0)}`,
        auth(coach),
      );
      expect(stats.body.totals).toEqual({
        workouts: 1,
        sets: 10,
        warmUpSets: 0,
        reps: 30,
        tonnageKg: 1875,
        durationMin: 40,
      });
    });
  });

  describe('templates', () => {
    it('are replaced and deleted by their coach only; planned workouts stay', async () => {
      const created = await t.http.post(
        '/api/v1/workout-templates',
        { name: 'Upper', exercises: [{ exerciseId: 'bench-press', sets: [squat(8, 40)] }] },
        auth(coach),
      );
      const url = `/api/v1/workout-templates/${created.body.id}`;
      const replaced = await t.http.put(
        url,
        {
          name: 'Upper B',
          description: 'Pull focus',
          exercises: [{ exerciseId: 'dumbbell-row', sets: [squat(10, 20)] }],
        },
        auth(coach),
      );
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ name: 'Upper B', description: 'Pull focus', owner: coach.id });
      expect(replaced.body.exercises.map((e: any) => e.exerciseId)).toEqual(['dumbbell-row']);
      expectProblem(await t.http.put(url, { name: 'x', exercises: [{ exerciseId: 'plank' }] }, auth(otherCoach)), 404);
      expectProblem(await t.http.put(url, { name: 'x', exercises: [] }, auth(coach)), 400, 'exercises');
      expectProblem(
        await t.http.put(
          url,
          { name: 'x', exercises: [{ exerciseId: 'bench-press', sets: [{ reps: 8 }] }] },
          auth(coach),
        ),
        400,
        'exercises[0].sets[0].weightKg',
      );
      expectProblem(
        await t.http.post(
          '/api/v1/workout-templates',
          { name: 'x', exercises: [{ exerciseId: 'plank' }] },
          auth(playerAccount),
        ),
        403,
      );
      const planned = await t.http.post(`${url}/plan`, { playerId, date: daysFromNow(5) }, auth(coach));
      expect(planned.status).toBe(201);
      expectProblem(
        await t.http.post(`${url}/plan`, { playerId: 'nope', date: daysFromNow(5) }, auth(coach)),
        400,
        'playerId',
      );
      expectProblem(await t.http.post(`${url}/plan`, { playerId, date: '2026-02-30' }, auth(coach)), 400, 'date');
      expectProblem(await t.http.delete(url, auth(otherCoach)), 404);
      expect((await t.http.delete(url, auth(coach))).status).toBe(204);
      expectProblem(await t.http.get(url, auth(coach)), 404);
      expect((await t.http.get(`/api/v1/workouts/${planned.body.id}`, auth(coach))).body.templateId).toBe(
        created.body.id,
      );
    });
  });

  describe('when a player is deleted', () => {
    it('their workouts go with them', async () => {
      const leaving = await createPlayer('Leaving', 20);
      const w = await workout(leaving, { date: daysAgo(0), name: 'Last one' });
      expect((await t.http.delete(`/api/v1/players/${leaving}`, auth(coach))).status).toBe(204);
      expectProblem(await t.http.get(`/api/v1/workouts/${w.id}`, auth(admin)), 404);
    });
  });

  describe('who may do what', () => {
    let id: string;
    beforeAll(async () => {
      id = (await workout(playerId, { date: daysAgo(0), name: 'Access', exercises: [{ exerciseId: 'plank' }] })).id;
    });

    it('lets the player log their own workouts, parents read, everyone else 404', async () => {
      const own = await t.http.post(
        `/api/v1/players/${playerId}/workouts`,
        { date: daysAgo(0), name: 'Mine' },
        auth(playerAccount),
      );
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ status: 'in-progress', createdBy: playerAccount.id });
      expect((await t.http.get(`/api/v1/workouts/${id}`, auth(parent))).status).toBe(200);
      expect((await t.http.get(`/api/v1/players/${playerId}/workouts`, auth(parent))).status).toBe(200);
      expectProblem(
        await t.http.post(`/api/v1/players/${playerId}/workouts`, { date: daysAgo(0), name: 'P' }, auth(parent)),
        403,
      );
      expectProblem(await t.http.patch(`/api/v1/workouts/${id}`, { notes: 'x' }, auth(parent)), 403);
      expectProblem(await t.http.delete(`/api/v1/workouts/${id}`, auth(parent)), 403);
      for (const stranger of [otherCoach, strangerPlayer]) {
        expectProblem(await t.http.get(`/api/v1/workouts/${id}`, auth(stranger)), 404);
        expectProblem(await t.http.patch(`/api/v1/workouts/${id}`, { notes: 'x' }, auth(stranger)), 404);
        expectProblem(await t.http.delete(`/api/v1/workouts/${id}`, auth(stranger)), 404);
        expectProblem(await t.http.get(`/api/v1/players/${playerId}/workouts`, auth(stranger)), 404);
        expectProblem(await t.http.get(`/api/v1/players/${playerId}/workout-stats`, auth(stranger)), 404);
        expectProblem(
          await t.http.get(`/api/v1/players/${playerId}/exercises/back-squat/history`, auth(stranger)),
          404,
        );
        expectProblem(
          await t.http.post(`/api/v1/players/${playerId}/workouts`, { date: daysAgo(0), name: 'S' }, auth(stranger)),
          404,
        );
      }
      expect((await t.http.get(`/api/v1/workouts/${id}`, auth(admin))).status).toBe(200);
      expect((await t.http.delete(`/api/v1/workouts/${own.body.id}`, auth(playerAccount))).status).toBe(204);
      expectProblem(await t.http.get(`/api/v1/workouts/${own.body.id}`, auth(playerAccount)), 404);
    });

    it('lets the player, their parents, coaches and admins read the list and the statistics', async () => {
      for (const reader of [playerAccount, parent, coach, admin]) {
        expect((await t.http.get(`/api/v1/players/${playerId}/workouts`, auth(reader))).status).toBe(200);
        expect((await t.http.get(`/api/v1/players/${playerId}/workout-stats`, auth(reader))).status).toBe(200);
        const history = await t.http.get(`/api/v1/players/${playerId}/exercises/back-squat/history`, auth(reader));
        expect(history.status).toBe(200);
      }
      // Reading is not changing: a parent may not finish or reopen.
      expectProblem(
        await t.http.post(`/api/v1/workouts/${id}/finish`, { durationMin: 30, sessionRpe: 5 }, auth(parent)),
        403,
      );
    });

    it('lists with filters: date range, status and exercise', async () => {
      const all = await t.http.get(`/api/v1/players/${playerId}/workouts?limit=100`, auth(coach));
      expect(all.status).toBe(200);
      const dates = all.body.items.map((w: any) => w.date);
      expect([...dates].sort().reverse()).toEqual(dates);
      const finishedOnly = await t.http.get(`/api/v1/players/${playerId}/workouts?status=finished`, auth(coach));
      expect(finishedOnly.body.items.length).toBeGreaterThan(0);
      expect(finishedOnly.body.items.every((w: any) => w.status === 'finished')).toBe(true);
      const withPlank = await t.http.get(`/api/v1/players/${playerId}/workouts?exerciseId=plank`, auth(coach));
      expect(withPlank.body.items.every((w: any) => w.exercises.some((e: any) => e.exerciseId === 'plank'))).toBe(true);
      expect(withPlank.body.total).toBeLessThan(all.body.total);
      const lastWeek = await t.http.get(
        `/api/v1/players/${playerId}/workouts?from=${daysAgo(7)}&to=${daysAgo(7)}`,
        auth(coach),
      );
      expect(lastWeek.body.items.map((w: any) => w.name)).toEqual(['Last week']);
      expectProblem(await t.http.get(`/api/v1/players/${playerId}/workouts?status=done`, auth(coach)), 400, 'status');
      expectProblem(
        await t.http.get(`/api/v1/players/${playerId}/workouts?from=${daysAgo(1)}&to=${daysAgo(3)}`, auth(coach)),
        422,
        'from',
      );
    });
  });

  describe('statistics on a seeded history', () => {
    let statsPlayer: string;

    beforeAll(async () => {
      statsPlayer = await createPlayer('Stats', 22);
      // Week of 2026-11-02, before the range: counts for the streak only.
      await finished(
        statsPlayer,
        {
          date: '2026-11-05',
          name: 'W0',
          exercises: [{ exerciseId: 'nordic-hamstring-curl', sets: [{ reps: 5 }, { reps: 5 }] }],
        },
        30,
        5,
      );
      await finished(
        statsPlayer,
        {
          date: '2026-11-10',
          name: 'W1',
          exercises: [
            {
              exerciseId: 'back-squat',
              sets: [
                { type: 'warm-up', reps: 5, weightKg: 60 },
                squat(5, 100),
                squat(5, 100),
                { type: 'drop', reps: 8, weightKg: 80 },
              ],
            },
            { exerciseId: 'nordic-hamstring-curl', sets: [{ reps: 6 }, { reps: 6 }, { reps: 6 }] },
          ],
        },
        60,
        7,
      );
      await finished(
        statsPlayer,
        {
          date: '2026-11-12',
          name: 'W2',
          exercises: [
            { exerciseId: 'back-squat', sets: [squat(3, 110), { type: 'failure', reps: 1, weightKg: 120 }] },
            { exerciseId: 'plank', sets: [{ durationS: 60 }, { durationS: 60 }] },
          ],
        },
        45,
        8,
      );
      await finished(
        statsPlayer,
        {
          date: '2026-11-24',
          name: 'W3',
          exercises: [
            {
              exerciseId: 'back-squat',
              sets: [squat(10, 90), squat(12, 70), squat(5, 105), squat(5, 200, { done: false })],
            },
          ],
        },
        50,
        6,
      );
      // Not finished: counts nowhere.
      await workout(statsPlayer, {
        date: '2026-11-25',
        name: 'Open',
        exercises: [{ exerciseId: 'back-squat', sets: [squat(5, 150)] }],
      });
    });

    it('adds up workouts, sets, reps and tonnage per week, body part and exercise, by hand', async () => {
      const res = await t.http.get(
        `/api/v1/players/${statsPlayer}/workout-stats?from=2026-11-09&to=2026-11-29&groupBy=week`,
        auth(coach),
      );
      expect(res.status).toBe(200);
      // W1: squat working sets 5x100 + 5x100 + 8x80 = 1640 kg, 18 reps, 3 sets (+1 warm-up); Nordic 3 sets, 18 reps.
      // W2: squat 3x110 + 1x120 = 450 kg, 4 reps, 2 sets; plank 2 sets, no reps.
      // W3: squat 10x90 + 12x70 + 5x105 = 2265 kg, 27 reps, 3 sets (the undone 5x200 does not count).
      expect(res.body.totals).toEqual({
        workouts: 3,
        sets: 13,
        warmUpSets: 1,
        reps: 67,
        tonnageKg: 4355,
        durationMin: 155,
      });
      expect(res.body.periods).toEqual([
        {
          start: '2026-11-09',
          end: '2026-11-15',
          workouts: 2,
          sets: 10,
          warmUpSets: 1,
          reps: 40,
          tonnageKg: 2090,
          durationMin: 105,
        },
        {
          start: '2026-11-16',
          end: '2026-11-22',
          workouts: 0,
          sets: 0,
          warmUpSets: 0,
          reps: 0,
          tonnageKg: 0,
          durationMin: 0,
        },
        {
          start: '2026-11-23',
          end: '2026-11-29',
          workouts: 1,
          sets: 3,
          warmUpSets: 0,
          reps: 27,
          tonnageKg: 2265,
          durationMin: 50,
        },
      ]);
      const part = (name: string) => res.body.bodyParts.find((p: any) => p.bodyPart === name);
      // Back squat trains quadriceps, glutes, hamstrings and core; the Nordic hamstrings and glutes; the plank core and shoulders.
      expect(part('quadriceps')).toEqual({ bodyPart: 'quadriceps', workouts: 3, sets: 8, reps: 49, tonnageKg: 4355 });
      expect(part('hamstrings')).toEqual({ bodyPart: 'hamstrings', workouts: 3, sets: 11, reps: 67, tonnageKg: 4355 });
      expect(part('core')).toEqual({ bodyPart: 'core', workouts: 3, sets: 10, reps: 49, tonnageKg: 4355 });
      expect(part('shoulders')).toEqual({ bodyPart: 'shoulders', workouts: 1, sets: 2, reps: 0, tonnageKg: 0 });
      expect(res.body.exercises).toEqual([
        { exerciseId: 'back-squat', name: 'Back Squat', workouts: 3, sets: 8, reps: 49, tonnageKg: 4355 },
        expect.objectContaining({ exerciseId: 'nordic-hamstring-curl', workouts: 1, sets: 3, reps: 18, tonnageKg: 0 }),
        expect.objectContaining({ exerciseId: 'plank', workouts: 1, sets: 2, reps: 0, tonnageKg: 0 }),
      ]);
      // Weeks with a workout: 2026-11-02 and 11-09 (two in a row), then 11-23.
      expect(res.body.streaks).toEqual({
        currentWeeks: 1,
        longestWeeks: 2,
        longestFrom: '2026-11-02',
        longestTo: '2026-11-15',
      });
    });

    it('groups by month', async () => {
      const mine = await t.http.get(
        `/api/v1/players/${statsPlayer}/workout-stats?from=2026-10-01&to=2026-11-30&groupBy=month`,
        auth(coach),
      );
      expect(mine.body.periods.map((p: any) => [p.start, p.end, p.workouts, p.tonnageKg])).toEqual([
        ['2026-10-01', '2026-10-31', 0, 0],
        ['2026-11-01', '2026-11-30', 4, 4355],
      ]);
    });

    it('refuses bad statistics queries', async () => {
      const base = `/api/v1/players/${statsPlayer}/workout-stats`;
      expectProblem(await t.http.get(`${base}?groupBy=day`, auth(coach)), 400, 'groupBy');
      expectProblem(await t.http.get(`${base}?from=2026-13-01`, auth(coach)), 400, 'from');
      expectProblem(await t.http.get(`${base}?from=2026-11-10&to=2026-11-01`, auth(coach)), 422, 'from');
      expectProblem(await t.http.get(`${base}?from=2010-01-01&to=2026-11-01`, auth(coach)), 422, 'from');
      expectProblem(await t.http.get(`${base}?extra=1`, auth(coach)), 400, 'extra');
    });

    it("gives an exercise's sets, best set, e1RM by Epley and Brzycki and dated records", async () => {
      const res = await t.http.get(`/api/v1/players/${statsPlayer}/exercises/back-squat/history`, auth(coach));
      expect(res.status).toBe(200);
      expect(res.body.exercise).toEqual({ id: 'back-squat', name: 'Back Squat', measure: 'reps-weight' });
      expect(res.body.sets).toHaveLength(9);
      const e1rms = res.body.sets.map((s: any) => s.e1rm && [s.reps, s.weightKg, s.e1rm.epleyKg, s.e1rm.brzyckiKg]);
      expect(e1rms).toEqual([
        null, // warm-up
        [5, 100, 116.7, 112.5], // Epley 100 x (1 + 5/30); Brzycki 100 x 36/32
        [5, 100, 116.7, 112.5],
        [8, 80, 101.3, 99.3], // 80 x 38/30; 80 x 36/29
        [3, 110, 121, 116.5], // 110 x 1.1; 110 x 36/34
        [1, 120, 124, 120], // 120 x 31/30; 120 x 36/36
        [10, 90, 120, 120], // 90 x 40/30; 90 x 36/27
        null, // 12 reps: more than 10, no estimate
        [5, 105, 122.5, 118.1], // 105 x 35/30; 105 x 36/32
      ]);
      expect(res.body.bestE1rm).toMatchObject({
        date: '2026-11-12',
        reps: 1,
        weightKg: 120,
        epleyKg: 124,
        brzyckiKg: 120,
      });
      expect(res.body.bestSet).toMatchObject({ date: '2026-11-12', reps: 1, weightKg: 120 });
      const e1rmRecords = res.body.personalRecords.filter((r: any) => r.kind === 'e1rm');
      expect(e1rmRecords.map((r: any) => [r.date, r.reps, r.weightKg, r.e1rmKg, r.previous])).toEqual([
        ['2026-11-10', 5, 100, 116.7, null],
        ['2026-11-12', 3, 110, 121, 116.7],
        ['2026-11-12', 1, 120, 124, 121],
      ]);
      const fiveRepRecords = res.body.personalRecords.filter((r: any) => r.kind === 'weight-at-reps' && r.reps === 5);
      expect(fiveRepRecords.map((r: any) => [r.date, r.weightKg, r.previous])).toEqual([
        ['2026-11-10', 100, null],
        ['2026-11-24', 105, 100],
      ]);
      // One record per rep count first seen (5, 8, 3, 1, 10, 12) plus the 5-rep record beaten.
      expect(res.body.personalRecords.filter((r: any) => r.kind === 'weight-at-reps')).toHaveLength(7);
      expect(res.body.references.join(' ')).toMatch(/Epley.*Brzycki/);
      expectProblem(await t.http.get(`/api/v1/players/${statsPlayer}/exercises/no-such/history`, auth(coach)), 404);
      expectProblem(await t.http.get(`/api/v1/players/${statsPlayer}/exercises/Bad!/history`, auth(coach)), 400);
    });

    it('answers from what changed a moment ago, on any instance of the deployment', async () => {
      const other = await startTestApp({}, { databaseName: t.databaseName });
      try {
        const url = `/api/v1/players/${statsPlayer}/workout-stats?from=2026-11-09&to=2026-11-29`;
        const historyUrl = `/api/v1/players/${statsPlayer}/exercises/back-squat/history`;
        const before = await other.http.get(url, auth(coach));
        expect(before.body.totals).toMatchObject({ workouts: 3, tonnageKg: 4355 });
        const sets = (await other.http.get(historyUrl, auth(coach))).body.sets.length;
        // Finished on this instance: the other counts it at its next request.
        const extra = await finished(
          statsPlayer,
          { date: '2026-11-26', name: 'Extra', exercises: [{ exerciseId: 'back-squat', sets: [squat(5, 100)] }] },
          30,
          6,
        );
        expect((await other.http.get(url, auth(coach))).body.totals).toMatchObject({ workouts: 4, tonnageKg: 4855 });
        expect((await other.http.get(historyUrl, auth(coach))).body.sets).toHaveLength(sets + 1);
        await t.http.post(`/api/v1/workouts/${extra.id}/reopen`, undefined, auth(coach));
        expect((await other.http.get(url, auth(coach))).body.totals).toMatchObject({ workouts: 3, tonnageKg: 4355 });
        await t.http.post(`/api/v1/workouts/${extra.id}/finish`, { durationMin: 30, sessionRpe: 6 }, auth(coach));
        expect((await other.http.get(url, auth(coach))).body.totals.workouts).toBe(4);
        expect((await t.http.delete(`/api/v1/workouts/${extra.id}`, auth(coach))).status).toBe(204);
        expect((await other.http.get(url, auth(coach))).body.totals).toMatchObject({ workouts: 3, tonnageKg: 4355 });
        expect((await other.http.get(historyUrl, auth(coach))).body.sets).toHaveLength(sets);
      } finally {
        await other.close();
      }
    });

    it('counts a finished workout once in the load report, beside training logs, never as a log', async () => {
      const log = await t.http.post(
        `/api/v1/players/${statsPlayer}/training-logs`,
        { date: '2026-11-10', kind: 'training', durationMin: 60, rpe: 5 },
        auth(coach),
      );
      expect(log.status).toBe(201);
      const load = await t.http.get(`/api/v1/players/${statsPlayer}/load?from=2026-11-09&to=2026-11-25`, auth(coach));
      expect(load.status).toBe(200);
      const day = (date: string) => load.body.daily.find((d: any) => d.date === date);
      // 11-10: the workout (60 x 7 = 420) and the pitch session (60 x 5 = 300).
      expect(day('2026-11-10')).toMatchObject({ load: 720, sessions: 2 });
      expect(day('2026-11-12')).toMatchObject({ load: 360, sessions: 1 });
      expect(day('2026-11-24')).toMatchObject({ load: 300, sessions: 1 });
      // The unfinished workout adds nothing.
      expect(day('2026-11-25')).toMatchObject({ load: 0, sessions: 0 });
      const logs = await t.http.get(`/api/v1/players/${statsPlayer}/training-logs`, auth(coach));
      expect(logs.body.total).toBe(1);
      // Reopened, it leaves the load until finished again.
      const w3 = (
        await t.http.get(`/api/v1/players/${statsPlayer}/workouts?from=2026-11-24&to=2026-11-24`, auth(coach))
      ).body.items[0];
      await t.http.post(`/api/v1/workouts/${w3.id}/reopen`, undefined, auth(coach));
      const after = await t.http.get(`/api/v1/players/${statsPlayer}/load?from=2026-11-09&to=2026-11-25`, auth(coach));
      expect(after.body.daily.find((d: any) => d.date === '2026-11-24')).toMatchObject({ load: 0, sessions: 0 });
      await t.http.post(`/api/v1/workouts/${w3.id}/finish`, { durationMin: 50, sessionRpe: 6 }, auth(coach));
    });
  });

  describe('young players', () => {
    let under14: string;
    let under16: string;
    let heavyTemplate: string;
    let bodyweightTemplate: string;

    beforeAll(async () => {
      [under14, under16] = await Promise.all([createPlayer('Thirteen', 13), createPlayer('Fifteen', 15)]);
      heavyTemplate = (
        await t.http.post(
          '/api/v1/workout-templates',
          { name: 'Heavy', exercises: [{ exerciseId: 'back-squat', sets: [squat(5, 40), squat(5, 40)] }] },
          auth(coach),
        )
      ).body.id;
      bodyweightTemplate = (
        await t.http.post(
          '/api/v1/workout-templates',
          {
            name: 'Prevention',
            exercises: [
              { exerciseId: 'nordic-hamstring-curl', sets: [{ reps: 4 }] },
              { exerciseId: 'copenhagen-plank-hold', sets: [{ durationS: 20 }] },
            ],
          },
          auth(coach),
        )
      ).body.id;
    });

    it('refuses to plan external load under 14, naming the rule and its reference (422)', async () => {
      const res = await t.http.post(
        `/api/v1/workout-templates/${heavyTemplate}/plan`,
        { playerId: under14, date: daysFromNow(2) },
        auth(coach),
      );
      expectProblem(res, 422, 'exercises[0]');
      const messages = res.body.errors.map((e: any) => e.message).join('\n');
      expect(messages).toMatch(/youth-strength \(external-load-under-14\)/);
      expect(messages).toMatch(/Lloyd RS/);
      const planned = await t.http.post(
        `/api/v1/players/${under14}/workouts`,
        { date: daysFromNow(2), name: 'Goblet', exercises: [{ exerciseId: 'goblet-squat', sets: [squat(8, 12)] }] },
        auth(coach),
      );
      expectProblem(planned, 422, 'exercises[0]');
      const ok = await t.http.post(
        `/api/v1/workout-templates/${bodyweightTemplate}/plan`,
        { playerId: under14, date: daysFromNow(2) },
        auth(coach),
      );
      expect(ok.status).toBe(201);
      expect(ok.body.warnings).toEqual([]);
      // Adding a loaded exercise to the planned workout is refused too.
      expectProblem(
        await t.http.post(
          `/api/v1/workouts/${ok.body.id}/exercises`,
          { exerciseId: 'goblet-squat', sets: [squat(8, 12)] },
          auth(coach),
        ),
        422,
        'exercises[2]',
      );
    });

    it('refuses to plan a set of 3 reps or fewer with external load under 16', async () => {
      const planned = await t.http.post(
        `/api/v1/workout-templates/${heavyTemplate}/plan`,
        { playerId: under16, date: daysFromNow(2) },
        auth(coach),
      );
      expect(planned.status).toBe(201);
      const entry = planned.body.exercises[0];
      const res = await t.http.post(
        `/api/v1/workouts/${planned.body.id}/exercises/${entry.entryId}/sets`,
        squat(3, 50),
        auth(coach),
      );
      expectProblem(res, 422, 'exercises[0].sets[2]');
      expect(res.body.errors[0].message).toMatch(/youth-strength \(low-rep-external-load-under-16\).*Lloyd RS/);
      expectProblem(
        await t.http.patch(
          `/api/v1/workouts/${planned.body.id}/exercises/${entry.entryId}/sets/${entry.sets[0].setId}`,
          { reps: 2 },
          auth(coach),
        ),
        422,
        'exercises[0].sets[0]',
      );
      expect(
        (
          await t.http.post(
            `/api/v1/workouts/${planned.body.id}/exercises/${entry.entryId}/sets`,
            squat(6, 50),
            auth(coach),
          )
        ).status,
      ).toBe(201);
    });

    it('records what happened in a logged workout, with warnings the coach sees', async () => {
      const logged = await t.http.post(
        `/api/v1/players/${under16}/workouts`,
        {
          date: daysAgo(0),
          name: 'Heavy singles',
          exercises: [{ exerciseId: 'trap-bar-deadlift', sets: [squat(5, 60), squat(2, 80)] }],
        },
        auth(coach),
      );
      expect(logged.status).toBe(201);
      expect(logged.body.warnings).toEqual([
        expect.objectContaining({
          rule: 'youth-strength',
          code: 'low-rep-external-load-under-16',
          path: 'exercises[0].sets[1]',
          reference: expect.stringMatching(/Lloyd RS/),
        }),
      ]);
      const young = await t.http.post(
        `/api/v1/players/${under14}/workouts`,
        { date: daysAgo(0), name: 'Goblet', exercises: [{ exerciseId: 'goblet-squat', sets: [squat(8, 12)] }] },
        auth(coach),
      );
      expect(young.status).toBe(201);
      expect(young.body.warnings.map((w: any) => [w.rule, w.code, w.path])).toEqual([
        ['age-eligibility', 'below-exercise-min-age', 'exercises[0]'],
        ['youth-strength', 'external-load-under-14', 'exercises[0]'],
      ]);
      const read = await t.http.get(`/api/v1/workouts/${young.body.id}`, auth(coach));
      expect(read.body.warnings).toHaveLength(2);
      const finishedRes = await t.http.post(
        `/api/v1/workouts/${young.body.id}/finish`,
        { durationMin: 30, sessionRpe: 5 },
        auth(coach),
      );
      expect(finishedRes.body.warnings).toHaveLength(2);
    });
  });
});
