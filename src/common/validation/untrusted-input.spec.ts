import fc from 'fast-check';
import { findUntrustedJsonProblem, findUntrustedTextProblem, MAX_JSON_DEPTH, textProblem } from './untrusted-input';

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('textProblem', () => {
  it('accepts ordinary text, including newlines, tabs, Arabic and emoji', () => {
    for (const text of ['', 'Ali', 'line\nnext\ttab', 'لاعب', 'goal ⚽', '\u{1F600}'])
      expect(textProblem(text)).toBeUndefined();
  });

  it('refuses NUL characters and unpaired surrogates', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('\ud800')).toMatch(/surrogate/);
    expect(textProblem('x\udc00')).toMatch(/surrogate/);
    expect(textProblem('\udc00\ud800')).toMatch(/surrogate/);
  });
});

describe('findUntrustedJsonProblem', () => {
  it(`accepts bodies nested up to ${MAX_JSON_DEPTH} levels`, () => {
    expect(findUntrustedJsonProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(findUntrustedJsonProblem({ fixtures: [{ date: '2026-01-01', importance: 'key' }] })).toBeUndefined();
  });

  it('refuses deeper nesting, without exhausting the stack on 100,000 levels', () => {
    expect(findUntrustedJsonProblem(nested(MAX_JSON_DEPTH + 1))).toMatchObject({
      message: expect.stringMatching(/nest/),
    });
    expect(findUntrustedJsonProblem(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toMatchObject({
      message: `must not nest deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });

  it('names the field holding bad text, at any depth, in keys too', () => {
    expect(findUntrustedJsonProblem({ email: '\ud800@x.co' })).toEqual({ path: 'email', message: expect.any(String) });
    expect(findUntrustedJsonProblem({ injury: { bodyRegions: ['knee', 'a\u0000'] } })).toMatchObject({
      path: 'injury.bodyRegions.1',
    });
    expect(findUntrustedJsonProblem({ tests: { ['\ud800']: 1 } })).toMatchObject({
      path: 'tests',
      message: expect.stringMatching(/field name/),
    });
    expect(findUntrustedJsonProblem('\u0000')).toMatchObject({ path: 'body' });
  });

  it('accepts any JSON value made of well-formed text within the depth', () => {
    const text = fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(text, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => findUntrustedJsonProblem(value, 1000) === undefined),
      { numRuns: 300 },
    );
  });
});

describe('findUntrustedTextProblem', () => {
  it('checks every value of a query string, repeated parameters included', () => {
    expect(findUntrustedTextProblem({ name: 'Ali', page: '2' })).toBeUndefined();
    expect(findUntrustedTextProblem({ name: 'a\u0000b' })).toEqual({
      path: 'name',
      message: expect.stringMatching(/NUL/),
    });
    expect(findUntrustedTextProblem({ equipment: ['cones', '\ud800'] })).toMatchObject({ path: 'equipment' });
    expect(findUntrustedTextProblem({ ['\u0000']: 'x' })).toMatchObject({ path: 'query' });
    expect(findUntrustedTextProblem(undefined)).toBeUndefined();
  });
});
