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
  /** Accepted media types of the file part; without it any (for files recognised by their content). */
  mediaTypes?: readonly string[];
}

export interface FormRules extends UploadRules {
  /** Text fields the form may carry besides the file, each at most once. */
  fields: readonly string[];
}

export interface UploadedForm {
  file: Buffer;
  /** The file name the client gave, if any. */
  filename?: string;
  fields: Record<string, string>;
}

/** Longest text field of a form, in bytes: forms carry short values (a title, an id). */
const MAX_FIELD_BYTES = 1024;

/**
 * Reads the single file of a multipart/form-data request into memory, answering every
 * way it can be wrong with a 4xx: not multipart (415), no boundary, no file or another
 * field (400), a file of another type (415), over the limit (413). The route must be marked
 * with @AcceptsUpload().
 */
export async function readUploadedFile(request: FastifyRequest, rules: UploadRules): Promise<Buffer> {
  return (await readUploadedForm(request, { ...rules, fields: [] })).file;
}

/**
 * readUploadedFile for a form that also carries a few text fields (`rules.fields`): an unknown,
 * repeated or over-long field is a 400 naming it. The fields are returned as sent, for the route's
 * DTO to validate.
 */
export async function readUploadedForm(request: FastifyRequest, rules: FormRules): Promise<UploadedForm> {
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
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; filename?: string } | undefined;
  const limits = {
    fileSize: rules.maxBytes,
    files: 1,
    fields: rules.fields.length,
    parts: rules.fields.length + 1,
    fieldSize: MAX_FIELD_BYTES,
  };
  try {
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        if (part.fieldname !== rules.field) {
          part.file.resume();
          throw new ValidationProblem(
            [{ path: part.fieldname, message: `send the file in the field "${rules.field}"` }],
            'Unexpected field.',
          );
        }
        const mediaType = part.mimetype.split(';')[0].trim().toLowerCase();
        if (rules.mediaTypes && !rules.mediaTypes.includes(mediaType)) {
          part.file.resume();
          throw new ProblemException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            `The file must be ${rules.mediaTypes.join(' or ')}, not ${mediaType || 'untyped'}.`,
          );
        }
        file = { bytes: await part.toBuffer(), filename: part.filename || undefined };
        continue;
      }
      if (!rules.fields.includes(part.fieldname)) {
        throw new ValidationProblem(
          [{ path: part.fieldname, message: fieldsHint(rules) }],
          part.fieldname === rules.field ? 'The file was sent as text.' : 'Unexpected field.',
        );
      }
      if (part.fieldname in fields) {
        throw new ValidationProblem([{ path: part.fieldname, message: 'send each field once' }], 'Repeated field.');
      }
      if (part.valueTruncated) {
        throw new ValidationProblem(
          [{ path: part.fieldname, message: `at most ${MAX_FIELD_BYTES} bytes` }],
          'A field is too long.',
        );
      }
      fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    throw asUploadProblem(error, rules);
  }
  if (!file) throw new ValidationProblem([{ path: rules.field, message: 'a file is required' }], 'No file was sent.');
  return { file: file.bytes, filename: file.filename, fields };
}

function fieldsHint(rules: FormRules): string {
  return rules.fields.length === 0
    ? `send only the file, in the field "${rules.field}"`
    : `send the file in "${rules.field}" and only these fields: ${rules.fields.join(', ')}`;
}

function asUploadProblem(error: unknown, rules: FormRules): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, `The file is larger than ${rules.maxBytes} bytes.`);
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new ValidationProblem(
      [{ path: rules.field, message: `send exactly one file; ${fieldsHint(rules)}` }],
      'Too many parts.',
    );
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_NO_FORM_DATA') {
    return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'The request is not valid multipart/form-data.');
  }
  return error;
}
