import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './to-problem';

const errorsLogger = new Logger('Errors');

/** Writes an error as application/problem+json; logs server faults with their stack. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger = errorsLogger): void {
  const problem = toProblem(error);
  if (problem.status >= 500) {
    logger.error({ err: error, reqId: request.id }, 'Unhandled error');
  }
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ ...problem, instance: request.url, requestId: String(request.id) });
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendProblem(exception, ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>());
  }
}
