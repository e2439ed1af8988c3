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
});
