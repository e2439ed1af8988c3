import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ResponseObject } from '@nestjs/swagger';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
  ProblemException,
  RuleProblem,
  ValidationProblem,
} from '../errors/problem';
import { toProblem } from '../errors/to-problem';

/** What each error status means here, and a detail the service really answers with it. */
const PROBLEMS: Record<number, [description: string, exampleDetail: string]> = {
  400: ['Invalid input (validation errors listed in `errors`)', 'The request is not valid.'],
  401: ['Missing, invalid or expired access token', 'The session is no longer valid.'],
  403: ['Authenticated but not allowed', "Only the player's coaches and admins can change this player."],
  404: ['Not found, or not visible to the caller', 'Player not found.'],
  409: ['Conflicts with an existing record', 'That account already belongs to another player.'],
  413: ['Body larger than the limit', 'Request body is too large'],
  414: [
    'A path parameter longer than any the API takes',
    'A path parameter of the URL is longer than any the API takes.',
  ],
  415: ['Unsupported content type (JSON bodies are `application/json`)', 'Unsupported Media Type'],
  422: [
    'Fits the schema but breaks a rule it cannot state (fields against each other, today or stored data; listed in `errors`), or cannot be done in the current state',
    'The request breaks a rule of the data.',
  ],
  429: ['Rate limit exceeded; see Retry-After', 'Too many requests; try again in 1 minute.'],
  431: [
    'Request headers (the URL included) larger than the server accepts',
    'The request headers are larger than the server accepts.',
  ],
  503: [
    'With REDIS_URL only: the change is saved but Redis could not tell every server yet; repeat the request',
    'The change is saved but could not yet reach every server; repeat the request to complete it.',
  ],
};

/** The problem the service answers for a status, built by the same code as real responses. */
export function problemExample(status: number): ProblemDetails {
  if (status === 400) return toProblem(new ValidationProblem([{ path: 'email', message: 'email must be an email' }]));
  if (status === 422) return toProblem(new RuleProblem([{ path: 'to', message: 'to must not be before from' }]));
  return toProblem(new ProblemException(status, PROBLEMS[status]?.[1] ?? 'An unexpected error occurred.'));
}

/** An error response of the document: problem+json with an example of its own status and type. */
export function problemResponse(
  status: number,
  description = PROBLEMS[status]?.[0] ?? 'Error',
  example: ProblemDetails = problemExample(status),
): ResponseObject {
  return {
    description,
    content: {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' }, example },
    },
  };
}

/** Documents problem+json error responses for the given statuses (429 everywhere: every route is rate-limited). */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ...[...new Set([...statuses, 429])].map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );

/** An authenticated route: bearer token plus 401 in the docs. */
export const ApiAuth = (...statuses: number[]) => applyDecorators(ApiBearerAuth(), ApiProblems(401, ...statuses));

/** Documents the 500 that a programme failing its own safety check answers (it must never happen). */
export const ApiSafetyFailure = () =>
  ApiResponse({
    status: 500,
    ...problemResponse(
      500,
      'The generated programme failed its safety check (a fault in the service); the violations are listed and nothing is stored',
      toProblem(
        new ProblemException(
          500,
          'The generated programme broke 1 safety rule(s) and was not stored. This is a fault in the service.',
          {
            slug: 'safety-check-failed',
            title: 'Safety Check Failed',
            errors: [{ path: 'week 2 / w2-s3', message: 'recovery: high intensity on consecutive days at age 13' }],
          },
        ),
      ),
    ),
  });
