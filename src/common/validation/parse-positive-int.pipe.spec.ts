import { ParsePositiveIntPipe } from './parse-positive-int.pipe';

describe('ParsePositiveIntPipe', () => {
  const pipe = new ParsePositiveIntPipe();
  const parse = (value: unknown) => pipe.transform(value, { type: 'param', data: 'version' });

  it('parses whole numbers from 1', () => {
    expect(parse('1')).toBe(1);
    expect(parse('42')).toBe(42);
    expect(parse('999999999')).toBe(999_999_999);
  });

  it.each(['0', '-1', '01', '1.5', '1e3', ' 1', '', 'abc', '1000000000', '99999999999999999999'])(
    'refuses %j naming the parameter',
    (value) => {
      expect(() => parse(value)).toThrow(
        expect.objectContaining({
          extra: expect.objectContaining({ errors: [{ path: 'version', message: expect.any(String) }] }),
        }),
      );
    },
  );

  it('refuses a value that is not the string the client sent', () => {
    expect(() => parse(2)).toThrow();
  });
});
