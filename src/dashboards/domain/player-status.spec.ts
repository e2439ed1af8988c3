import type { ExternalLoadWarning } from '../../training/domain/external-load';
import { LOAD_THRESHOLDS, type LoadWarning } from '../../training/domain/load-monitoring';
import { playerStatus, statusRank } from './player-status';

const warning = (code: LoadWarning['code']): LoadWarning => ({
  code,
  date: '2026-03-01',
  value: 1,
  threshold: 1,
  message: `${code} message`,
});
const external = (code: ExternalLoadWarning['code']): ExternalLoadWarning => ({
  code,
  metric: 'distanceM',
  date: '2026-03-01',
  value: 1,
  threshold: 1,
  message: `external ${code} message`,
});
const base = {
  loadWarnings: [],
  externalWarnings: [],
  injury: 'fit' as const,
  unloggedSessions: 0,
  unloggedWindowDays: 28,
};

describe('playerStatus', () => {
  it('is green without a reason', () => {
    expect(playerStatus(base)).toEqual({ status: 'green', reasons: [] });
  });

  it('is red for the ratio the load domain calls a danger (above 1.5), amber for its cautions', () => {
    expect(LOAD_THRESHOLDS.acwrHigh).toBe(1.5);
    expect(playerStatus({ ...base, loadWarnings: [warning('acwr-high')] }).status).toBe('red');
    for (const code of ['acwr-low', 'monotony-high', 'load-spike'] as const) {
      const { status, reasons } = playerStatus({ ...base, loadWarnings: [warning(code)] });
      expect(status).toBe('amber');
      expect(reasons).toEqual([{ code, message: `${code} message`, severity: 'amber' }]);
    }
  });

  it('maps external-load warnings the same way, under their own codes', () => {
    expect(playerStatus({ ...base, externalWarnings: [external('acwr-high')] })).toEqual({
      status: 'red',
      reasons: [{ code: 'external-acwr-high', message: 'external acwr-high message', severity: 'red' }],
    });
    expect(playerStatus({ ...base, externalWarnings: [external('load-spike')] }).reasons[0]).toMatchObject({
      code: 'external-load-spike',
      severity: 'amber',
    });
  });

  it('is red when injured, amber when returning', () => {
    expect(playerStatus({ ...base, injury: 'injured' }).reasons).toEqual([
      { code: 'injured', message: expect.any(String), severity: 'red' },
    ]);
    expect(playerStatus({ ...base, injury: 'returning' }).status).toBe('amber');
  });

  it('names how many planned sessions have no log', () => {
    expect(playerStatus({ ...base, unloggedSessions: 1 }).reasons[0].message).toMatch(
      /^1 planned session in the last 28 days has no log/,
    );
    expect(playerStatus({ ...base, unloggedSessions: 3 }).reasons[0]).toMatchObject({
      code: 'missing-rpe',
      severity: 'amber',
      message: expect.stringMatching(/^3 planned sessions in the last 28 days have no log/),
    });
  });

  it('lists red reasons first, keeping the order within a severity', () => {
    const { status, reasons } = playerStatus({
      loadWarnings: [warning('monotony-high'), warning('acwr-high')],
      externalWarnings: [external('acwr-low')],
      injury: 'injured',
      unloggedSessions: 2,
      unloggedWindowDays: 28,
    });
    expect(status).toBe('red');
    expect(reasons.map((r) => r.code)).toEqual([
      'acwr-high',
      'injured',
      'monotony-high',
      'external-acwr-low',
      'missing-rpe',
    ]);
  });

  it('ranks red, amber, green', () => {
    expect((['green', 'red', 'amber'] as const).map(statusRank)).toEqual([2, 0, 1]);
  });
});
