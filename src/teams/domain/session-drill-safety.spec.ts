import { staticDrills } from '../../drills/static';
import type { TrainingPlayer } from '../../training/domain/program';
import { sessionDrillSafety, SquadSession } from './session-drill-safety';

const byId = new Map(staticDrills().map((d) => [d.id, d]));

const player = (overrides: Partial<TrainingPlayer> = {}): TrainingPlayer => ({
  ageYears: 17,
  sex: 'male',
  level: 'academy',
  position: 'midfielder',
  injury: { status: 'fit', bodyRegions: [] },
  ...overrides,
});

const session = (drills: SquadSession['drills'], intensity: SquadSession['intensity'] = 'max'): SquadSession => ({
  date: '2026-12-08',
  intensity,
  durationMin: 90,
  targetRpe: 7,
  drills,
});

describe('drill safety of a squad session', () => {
  const drills = [
    { drillId: 'tech-pass-recovery-passing-pairs', minutes: 15 },
    { drillId: 'str-back-squat-submax', minutes: 20 },
    { drillId: 'spd-flying-20', minutes: 10 },
  ];

  it('finds nothing for a player every drill suits', () => {
    expect(sessionDrillSafety(session(drills), [{ id: 'p1', player: player() }], byId)).toEqual([]);
  });

  it('reports each unsafe drill for the player it is unsafe for, with the programme rule and its reason', () => {
    const issues = sessionDrillSafety(
      session(drills),
      [
        { id: 'fit', player: player() },
        { id: 'young', player: player({ ageYears: 13 }) },
        { id: 'knee', player: player({ injury: { status: 'injured', bodyRegions: ['knee'] } }) },
      ],
      byId,
    );
    expect(issues.filter((i) => i.playerId === 'fit')).toEqual([]);
    // Under 15 and under 14: the loaded squat is too old for them and uses external load; flying 20s are for 14+.
    expect(issues.filter((i) => i.playerId === 'young')).toEqual([
      {
        playerId: 'young',
        drillId: 'str-back-squat-submax',
        rule: 'age-eligibility',
        reason: expect.stringMatching(/ages 15-60/),
      },
      {
        playerId: 'young',
        drillId: 'str-back-squat-submax',
        rule: 'youth-strength',
        reason: expect.stringMatching(/external load under 14/),
      },
      {
        playerId: 'young',
        drillId: 'spd-flying-20',
        rule: 'age-eligibility',
        reason: expect.stringMatching(/ages 14-60/),
      },
    ]);
    const knee = issues.filter((i) => i.playerId === 'knee');
    expect(knee.map((i) => [i.drillId, i.rule])).toEqual([
      ['str-back-squat-submax', 'injury'],
      ['str-back-squat-submax', 'injury'],
      ['spd-flying-20', 'injury'],
      ['spd-flying-20', 'injury'],
    ]);
    expect(knee.map((i) => i.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/loads the injured knee/),
        expect.stringMatching(/is high intensity/),
      ]),
    );
  });

  it('holds a returning player to the first weeks of a graded return: no high-intensity drills', () => {
    const issues = sessionDrillSafety(
      session(drills),
      [{ id: 'back', player: player({ injury: { status: 'returning', bodyRegions: ['hamstring'] } }) }],
      byId,
    );
    expect(issues.map((i) => [i.drillId, i.rule])).toEqual([
      ['str-back-squat-submax', 'injury'],
      ['spd-flying-20', 'injury'],
    ]);
  });

  it('judges drills against the player, not the session: its length, intensity and layout are not drill rules', () => {
    // A 90-minute session is too long for an 11-year-old and has no warm-up or cool-down; no drill is unsafe.
    const easy = [{ drillId: 'tech-pass-recovery-passing-pairs', minutes: 15 }];
    expect(sessionDrillSafety(session(easy, 'low'), [{ id: 'p', player: player({ ageYears: 11 }) }], byId)).toEqual([]);
  });

  it('reports a drill planned twice once, and a drill the library no longer serves', () => {
    const twice = [
      { drillId: 'spd-flying-20', minutes: 5 },
      { drillId: 'spd-flying-20', minutes: 5 },
      { drillId: 'gone-drill', minutes: 5 },
    ];
    const issues = sessionDrillSafety(session(twice), [{ id: 'young', player: player({ ageYears: 13 }) }], byId);
    expect(issues).toEqual([
      { playerId: 'young', drillId: 'spd-flying-20', rule: 'age-eligibility', reason: expect.any(String) },
      { playerId: 'young', drillId: 'gone-drill', rule: 'drill-source', reason: 'gone-drill is not in the library' },
    ]);
  });

  it('finds nothing without drills', () => {
    expect(sessionDrillSafety(session([]), [{ id: 'p', player: player({ ageYears: 9 }) }], byId)).toEqual([]);
  });
});
