import { HttpStatus } from '@nestjs/common';
import { toProblem } from '../common/errors/to-problem';
import { ActivityFileProblem, asActivityFileProblem, DuplicateActivityProblem } from './activity-problems';
import { TrackError } from './domain/track';
import { ActivityFileError } from './parsing/parsed-activity';

describe('activity file problems', () => {
  it('a parser fault and a track fault become one 400 whose type names the reason', () => {
    const parser = asActivityFileProblem(new ActivityFileError('truncated-fit', 'the file ends early'));
    const track = asActivityFileProblem(new TrackError('EMPTY_TRACK', 'no points'));
    expect(parser).toBeInstanceOf(ActivityFileProblem);
    expect(toProblem(parser)).toMatchObject({
      status: HttpStatus.BAD_REQUEST,
      type: '/problems/truncated-fit',
      detail: 'The activity file was refused: the file ends early',
      errors: [{ path: 'file', message: 'the file ends early' }],
    });
    expect(toProblem(track)).toMatchObject({ status: 400, type: '/problems/empty-track' });
  });

  it('anything else is left as it is', () => {
    const error = new Error('disk full');
    expect(asActivityFileProblem(error)).toBe(error);
  });

  it('a duplicate names the activity it duplicates', () => {
    expect(toProblem(new DuplicateActivityProblem('abc', 'same-file'))).toMatchObject({
      status: 409,
      type: '/problems/duplicate-activity',
      errors: [{ path: 'file', id: 'abc', message: 'the same file is already activity abc' }],
    });
  });
});
