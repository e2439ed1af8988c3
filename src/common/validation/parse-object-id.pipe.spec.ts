import { ValidationProblem } from '../errors/problem';
import { ParseObjectIdPipe } from './parse-object-id.pipe';

describe('ParseObjectIdPipe', () => {
  const pipe = new ParseObjectIdPipe();
  const meta = { type: 'param' as const, data: 'id' };

  it('accepts and normalises a 24-hex id', () => {
    expect(pipe.transform('65A1B2C3D4E5F60718293A4B', meta)).toBe('65a1b2c3d4e5f60718293a4b');
  });

  it.each(['', 'abc', '65a1b2c3d4e5f60718293a4', 'zzzzzzzzzzzzzzzzzzzzzzzz', 'twelve chars', { $ne: null }, 42])(
    'rejects %p with a validation problem',
    (value) => {
      expect(() => pipe.transform(value, meta)).toThrow(ValidationProblem);
    },
  );
});
