import { fastestSprintSegmentMps, meanSpeedMps, ownMaxSpeedMps } from './max-speed';

describe("the player's own maximum speed", () => {
  it('mean speed is distance over time', () => {
    expect(meanSpeedMps(10, 1.25)).toBe(8);
    expect(meanSpeedMps(10, 0)).toBeNull();
    expect(meanSpeedMps(10, -1)).toBeNull();
  });

  it('the fastest segment of a sprint test: the flying 20-30 m split here', () => {
    // 10 m in 1.90 s, 20 m in 3.20 s, 30 m in 4.40 s: segments 5.26, 7.69, 8.33 m/s; whole 30 m 6.82 m/s.
    expect(fastestSprintSegmentMps({ sprint10mS: 1.9, sprint20mS: 3.2, sprint30mS: 4.4 })).toBeCloseTo(10 / 1.2, 10);
  });

  it('uses what was timed: only 30 m gives its mean speed; none gives null', () => {
    expect(fastestSprintSegmentMps({ sprint30mS: 4.5 })).toBeCloseTo(30 / 4.5, 10);
    expect(fastestSprintSegmentMps({ sprint10mS: 2, sprint30mS: 4.4 })).toBeCloseTo(20 / 2.4, 10);
    expect(fastestSprintSegmentMps({})).toBeNull();
  });

  it('times that do not grow with the distance give no speed at all', () => {
    expect(fastestSprintSegmentMps({ sprint20mS: 3.2, sprint30mS: 3.1 })).toBeNull();
    expect(fastestSprintSegmentMps({ sprint10mS: 2, sprint20mS: 2 })).toBeNull();
  });

  it('the highest known figure, ignoring unknown and non-positive ones', () => {
    expect(ownMaxSpeedMps([7.5, undefined, null, 8.1])).toBe(8.1);
    expect(ownMaxSpeedMps([undefined, null, 0])).toBeUndefined();
  });
});
