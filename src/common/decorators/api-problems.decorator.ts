import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (validation errors listed in `errors`)',
  401: 'Missing, invalid or expired access token',
  403: 'Authenticated but not allowed',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with an existing record',
  413: 'Body larger than the limit',
  415: 'Unsupported content type',
  422: 'Valid input that cannot be processed',
  429: 'Rate limit exceeded; see Retry-After',
};

/** Documents problem+json error responses for the given statuses. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ...[...new Set([...statuses, 429])].map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
      }),
    ),
  );

/** An authenticated route: bearer token plus 401 in the docs. */
export const ApiAuth = (...statuses: number[]) => applyDecorators(ApiBearerAuth(), ApiProblems(401, ...statuses));

/** Documents the 500 that a programme failing its own safety check answers (it must never happen). */
export const ApiSafetyFailure = () =>
  ApiResponse({
    status: 500,
    description:
      'The generated programme failed its safety check (a fault in the service); the violations are listed and nothing is stored',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
  });
