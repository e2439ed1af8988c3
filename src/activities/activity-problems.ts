import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../common/errors/problem';
import { TrackError } from './domain/track';
import { ActivityFileError } from './parsing/parsed-activity';

/**
 * 400: the file cannot be read as an activity. Its problem type names the reason (`/problems/not-xml`,
 * `/problems/truncated-fit`, ...) so clients can tell the player what to do; nothing was stored.
 */
export class ActivityFileProblem extends ProblemException {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(HttpStatus.BAD_REQUEST, `The activity file was refused: ${message}`, {
      slug: code,
      title: 'Activity File Refused',
      errors: [{ path: 'file', message }],
    });
  }
}

/** 409: the player already has this activity (the same file, or the same device and start); names it. */
export class DuplicateActivityProblem extends ProblemException {
  constructor(
    readonly activityId: string,
    why: 'same-file' | 'same-device-and-start',
  ) {
    const message =
      why === 'same-file'
        ? `the same file is already activity ${activityId}`
        : `a recording of the same device starting at the same time is already activity ${activityId}`;
    super(HttpStatus.CONFLICT, `Already imported: ${message}.`, {
      slug: 'duplicate-activity',
      errors: [{ path: 'file', message, id: activityId }],
    });
  }
}

/** The one mapping of parser and track faults to the 400 the client sees; anything else is rethrown. */
export function asActivityFileProblem(error: unknown): unknown {
  if (error instanceof ActivityFileError) return new ActivityFileProblem(error.code, error.message);
  if (error instanceof TrackError)
    return new ActivityFileProblem(error.code.toLowerCase().replace(/_/g, '-'), error.message);
  return error;
}
