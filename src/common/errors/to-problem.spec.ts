import { ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import mongoose from 'mongoose';
import { ProblemException, ValidationProblem } from './problem';
import { toProblem } from './to-problem';

describe('toProblem', () => {
  it('keeps the detail and field errors of a validation problem', () => {
    const p = toProblem(new ValidationProblem([{ path: 'email', message: 'must be an email' }]));
    expect(p).toMatchObject({ status: 400, type: '/problems/validation-error', title: 'Validation Failed' });
    expect(p.errors).toEqual([{ path: 'email', message: 'must be an email' }]);
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toProblem(new NotFoundException('Player not found'))).toMatchObject({
      status: 404,
      title: 'Not Found',
      detail: 'Player not found',
    });
    expect(toProblem(new ForbiddenException())).toMatchObject({ status: 403, type: '/problems/forbidden' });
    expect(toProblem(new HttpException('Too Many Requests', 429))).toMatchObject({
      status: 429,
      type: '/problems/too-many-requests',
    });
    expect(toProblem(new ProblemException(422, 'too young', { slug: 'age' }))).toMatchObject({
      status: 422,
      type: '/problems/age',
    });
  });

  it('maps a duplicate key to 409 naming the field', () => {
    const p = toProblem({ code: 11000, keyPattern: { email: 1 }, message: 'E11000 duplicate key' });
    expect(p).toMatchObject({ status: 409, errors: [{ path: 'email', message: 'already exists' }] });
    const fromMessage = toProblem({ code: 11000, message: 'E11000 duplicate key error index: email_1 dup key' });
    expect(fromMessage.errors).toEqual([{ path: 'email', message: 'already exists' }]);
  });

  it('maps Mongoose validation and cast errors to 400 naming the path', () => {
    const validation = new mongoose.Error.ValidationError();
    validation.addError('firstName', new mongoose.Error.ValidatorError({ path: 'firstName', message: 'required' }));
    expect(toProblem(validation)).toMatchObject({ status: 400, errors: [{ path: 'firstName', message: 'required' }] });
    expect(toProblem(new mongoose.Error.CastError('ObjectId', 'x', '_id'))).toMatchObject({
      status: 400,
      errors: [{ path: '_id' }],
    });
  });

  it('never leaks the message of an unknown error', () => {
    const p = toProblem(new Error('connection string mongodb://user:secret@host'));
    expect(p).toEqual({
      type: '/problems/internal',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
    });
  });
});
