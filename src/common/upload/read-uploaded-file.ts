import { HttpStatus } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ProblemException, ValidationProblem } from '../errors/problem';

/** Fastify route config of routes that read a multipart upload (every other route refuses multipart: 415). */
export const ACCEPTS_UPLOAD = 'acceptsUpload';

/** Marks a route that reads its file with readUploadedFile. */
export const AcceptsUpload = () => RouteConfig({ [ACCEPTS_UPLOAD]: true });

export interface UploadRules {
  /** The multipart field that must hold the file. */
  field: string;
  maxBytes: number;
  /** Accepted media types of the file part. */
  mediaTypes: readonly string[];
}

/**
 * Reads the single file of a multipart/form-data request into memory, answering every
 * way it can be wrong with a 4xx: not multipart (415), no boundary, no file or another
 * field (400), a file of another type (415), over the limit (413). The route must be marked
 * with @AcceptsUpload().
 */
export async function readUploadedFile(request: FastifyRequest, rules: UploadRules): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new ProblemException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      `Send the file as multipart/form-data in the field "${rules.field}".`,
    );
  }
  if (!/;\s*boundary=/i.test(request.headers['content-type'] ?? '')) {
    throw new ValidationProblem(
      [{ path: 'content-type', message: 'multipart/form-data needs its boundary parameter' }],
      'The multipart body has no boundary.',
    );
  }
  let part;
  try {
    part = await request.file({ limits: { fileSize: rules.maxBytes, files: 1, fields: 0, parts: 1 } });
  } catch (error) {
    throw asUploadProblem(error, rules);
  }
  if (!part) throw new ValidationProblem([{ path: rules.field, message: 'a file is required' }], 'No file was sent.');
  if (part.fieldname !== rules.field) {
    part.file.resume();
    throw new ValidationProblem(
      [{ path: part.fieldname, message: `send the file in the field "${rules.field}"` }],
      'Unexpected field.',
    );
  }
  const mediaType = part.mimetype.split(';')[0].trim().toLowerCase();
  if (!rules.mediaTypes.includes(mediaType)) {
    part.file.resume();
    throw new ProblemException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      `The file must be ${rules.mediaTypes.join(' or ')}, not ${mediaType || 'untyped'}.`,
    );
  }
  try {
    return await part.toBuffer();
  } catch (error) {
    throw asUploadProblem(error, rules);
  }
}

function asUploadProblem(error: unknown, rules: UploadRules): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, `The file is larger than ${rules.maxBytes} bytes.`);
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new ValidationProblem(
      [{ path: rules.field, message: 'send exactly one file and no other fields' }],
      'Too many parts.',
    );
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_NO_FORM_DATA') {
    return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'The request is not valid multipart/form-data.');
  }
  return error;
}
