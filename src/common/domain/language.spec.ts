import { negotiateLanguage } from './language';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['ar', 'ar'],
    ['ar-SA,ar;q=0.9,en;q=0.8', 'ar'],
    ['en-GB,en;q=0.9,ar;q=0.8', 'en'],
    ['fr, ar;q=0.5', 'ar'],
    ['fr, de', 'en'],
    ['ar;q=0, en', 'en'],
    ['en;q=0.2, ar;q=0.7', 'ar'],
  ])('%p → %s', (header, expected) => expect(negotiateLanguage(header)).toBe(expected));
});
