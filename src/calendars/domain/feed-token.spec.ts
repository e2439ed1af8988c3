import { feedPath, feedTokenHash, isFeedToken, newFeedToken } from './feed-token';

describe('feed tokens', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const tokens = Array.from({ length: 50 }, newFeedToken);
    expect(new Set(tokens).size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(isFeedToken(token)).toBe(true);
    }
  });

  it('refuse anything else', () => {
    for (const value of [
      '',
      'x',
      'A'.repeat(42),
      'A'.repeat(44),
      `${'A'.repeat(42)}=`,
      `${'A'.repeat(42)}/`,
      42,
      null,
    ]) {
      expect(isFeedToken(value)).toBe(false);
    }
  });

  it('are stored as their SHA-256 and served at /calendar/<token>.ics', () => {
    expect(feedTokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(feedPath('abc')).toBe('/calendar/abc.ics');
  });
});
