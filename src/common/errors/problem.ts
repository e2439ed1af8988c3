import { HttpException, HttpStatus } from '@nestjs/common';

/** One field-level problem, e.g. `{ path: 'dateOfBirth', message: 'must be a date' }`. */
export interface FieldProblem {
  path: string;
  message: string;
  /** Drill uploads: position of the drill in the file (-1 for the file as a whole). */
  index?: number;
  /** Drill uploads: the drill's id, when readable. */
  id?: string;
}

/** RFC 9457 problem details: the single error shape of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
  /** Health checks only: the state of each failing dependency. */
  checks?: Record<string, unknown>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['bad-request', 'Bad Request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not Found'],
  405: ['method-not-allowed', 'Method Not Allowed'],
  408: ['request-timeout', 'Request Timeout'],
  409: ['conflict', 'Conflict'],
  413: ['payload-too-large', 'Payload Too Large'],
  414: ['uri-too-long', 'URI Too Long'],
  415: ['unsupported-media-type', 'Unsupported Media Type'],
  422: ['unprocessable', 'Unprocessable Content'],
  429: ['too-many-requests', 'Too Many Requests'],
  431: ['header-fields-too-large', 'Request Header Fields Too Large'],
  500: ['internal', 'Internal Server Error'],
  503: ['unavailable', 'Service Unavailable'],
};

export function problemType(status: number, slug?: string): string {
  return `/problems/${slug ?? TITLES[status]?.[0] ?? (status >= 500 ? 'internal' : 'bad-request')}`;
}

export function problemTitle(status: number): string {
  return TITLES[status]?.[1] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
}

/**
 * An HttpException that carries its problem-details fields, so services can throw
 * `new ProblemException(409, 'A player with that account already exists')`.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly extra: { slug?: string; title?: string; errors?: FieldProblem[] } = {},
  ) {
    super(detail, status);
  }
}

/**
 * 400: the request breaks its published schema (a type, an enum, a bound, a pattern, an unknown
 * field) or is hostile input. A client that validates against the OpenAPI document never sees one.
 */
export class ValidationProblem extends ProblemException {
  constructor(errors: FieldProblem[], detail = 'The request is not valid.') {
    super(HttpStatus.BAD_REQUEST, detail, { slug: 'validation-error', title: 'Validation Failed', errors });
  }
}

/**
 * 422: the request fits its schema but breaks a rule the schema cannot state: one that relates
 * fields to each other (`from` before `to`, a fit player has no injured regions), to today (no
 * dates in the future) or to stored data (a test date after the player's birth).
 */
export class RuleProblem extends ProblemException {
  constructor(errors: FieldProblem[], detail = 'The request breaks a rule of the data.') {
    super(HttpStatus.UNPROCESSABLE_ENTITY, detail, { slug: 'rule-violation', title: 'Rule Violated', errors });
  }
}
