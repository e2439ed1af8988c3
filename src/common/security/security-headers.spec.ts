import { helmetHeaders } from './security-headers';

describe('helmetHeaders', () => {
  it("are helmet's headers for our policy, computed once", () => {
    const headers = helmetHeaders();
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers['content-security-policy']).toContain("img-src 'self' data: validator.swagger.io");
    expect(Object.isFrozen(headers)).toBe(true);
    expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('differ for plain HTTP only in leaving out upgrade-insecure-requests', () => {
    const overHttps = helmetHeaders();
    const overHttp = helmetHeaders({ upgradeInsecureRequests: false });
    expect(overHttps['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(overHttp['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const withoutUpgrade = overHttps['content-security-policy']
      .split(';')
      .filter((directive) => directive !== 'upgrade-insecure-requests')
      .join(';');
    expect(overHttp).toEqual({ ...overHttps, 'content-security-policy': withoutUpgrade });
  });
});
