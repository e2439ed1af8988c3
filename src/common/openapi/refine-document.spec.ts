import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { IsOmittable } from '../validation/omittable';
import { TEXT_PATTERN } from '../validation/untrusted-input';
import { problemExample } from '../decorators/api-problems.decorator';
import { problemTitle, problemType } from '../errors/problem';
import { ParseObjectIdPipe } from '../validation/parse-object-id.pipe';
import { pathParameterSchema } from './path-parameters';
import { refineDocument } from './refine-document';
import type { OperationInputs } from './route-inputs';

class FixtureDto {
  @IsString()
  date!: string;

  @IsOmittable()
  @IsIn(['normal', 'key'])
  importance: string = 'normal';
}

class CreateDto {
  @IsInt()
  @Min(1)
  weeks!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FixtureDto)
  fixtures!: FixtureDto[];
}

class ListQueryDto {
  @IsOmittable()
  @IsInt()
  page: number = 1;

  @IsOmittable()
  @IsIn(['a', 'b'], { each: true })
  kinds?: string[];
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** What @nestjs/swagger generates for the classes above, with its usual imprecisions. */
function generated(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/things/{id}': {
        post: {
          operationId: 'create',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('CreateDto') } } },
          responses: { '201': { description: '' }, '400': { description: 'x' } },
        },
      },
      '/things': {
        get: {
          operationId: 'list',
          parameters: [
            { name: 'page', in: 'query', required: true, schema: { type: 'number', default: 1 } },
            { name: 'kinds', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: { '200': { description: '' } },
        },
      },
    },
    components: {
      schemas: {
        CreateDto: {
          type: 'object',
          properties: {
            weeks: { type: 'number', minimum: 1 },
            fixtures: { type: 'array', items: ref('FixtureDto') },
          },
          required: ['weeks', 'fixtures'],
        },
        FixtureDto: {
          type: 'object',
          properties: { date: { type: 'string' }, importance: { type: 'string' } },
          required: ['date', 'importance'],
        },
        ThingDto: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      },
    },
  };
}

const INPUTS: Record<string, OperationInputs> = {
  create: { body: CreateDto, pathParameters: { id: pathParameterSchema('id', [ParseObjectIdPipe]) } },
  list: { query: ListQueryDto, pathParameters: {} },
};

const refine = (document = generated(), inputs = INPUTS) => refineDocument(document, (id) => inputs[id]);
const schemaOf = (document: OpenAPIObject, name: string) => document.components!.schemas![name] as SchemaObject;

describe('refineDocument', () => {
  it('states the validators of a request body and the objects nested in it', () => {
    const document = refine();
    expect(schemaOf(document, 'CreateDto')).toEqual({
      type: 'object',
      properties: {
        weeks: { type: 'integer', minimum: 1 },
        fixtures: { type: 'array', items: ref('FixtureDto') },
      },
      required: ['weeks', 'fixtures'],
      additionalProperties: false,
    });
    expect(schemaOf(document, 'FixtureDto')).toEqual({
      type: 'object',
      properties: {
        date: { type: 'string', pattern: TEXT_PATTERN },
        importance: { type: 'string', enum: ['normal', 'key'], default: 'normal' },
      },
      required: ['date'],
      additionalProperties: false,
    });
  });

  it('leaves response schemas open', () => {
    expect(schemaOf(refine(), 'ThingDto')).toEqual(generated().components!.schemas!.ThingDto);
  });

  it('states query parameters: types, defaults, optionality, comma-separated lists', () => {
    const [page, kinds] = refine().paths['/things'].get!.parameters!;
    expect(page).toEqual({
      name: 'page',
      in: 'query',
      required: false,
      schema: { type: 'integer', default: 1 },
    });
    expect(kinds).toEqual({
      name: 'kinds',
      in: 'query',
      required: false,
      style: 'form',
      explode: false,
      schema: { type: 'array', items: { enum: ['a', 'b'], type: 'string' } },
    });
  });

  it('gives path parameters the form their pipe accepts', () => {
    const [id] = refine().paths['/things/{id}'].post!.parameters!;
    expect(id).toMatchObject({ schema: { type: 'string', pattern: '^[0-9a-fA-F]{24}$' } });
  });

  it('declares 400 and 431 everywhere, 413 and 415 where a body is taken, 414 where the path has a parameter', () => {
    const document = refine();
    expect(Object.keys(document.paths['/things/{id}'].post!.responses)).toEqual([
      '201',
      '400',
      '413',
      '414',
      '415',
      '431',
    ]);
    expect(Object.keys(document.paths['/things'].get!.responses)).toEqual(['200', '400', '431']);
  });

  it('keeps an error response an operation declares itself', () => {
    const document = generated();
    document.paths['/things/{id}'].post!.responses['413'] = { description: 'Upload larger than 10 MB' };
    expect(refine(document).paths['/things/{id}'].post!.responses['413']).toEqual({
      description: 'Upload larger than 10 MB',
    });
  });

  it('fails when the document lists a field the validators would refuse', () => {
    const document = generated();
    schemaOf(document, 'FixtureDto').properties!.venue = { type: 'string' };
    expect(() => refine(document)).toThrow('FixtureDto: documented but refused by the ValidationPipe: venue');
  });

  it('fails when a validated field is missing from the document', () => {
    const document = generated();
    document.paths['/things'].get!.parameters!.pop();
    expect(() => refine(document)).toThrow('GET /things query: validated but not documented: kinds');
  });

  it('states the items of an array body as it states a body DTO, and needs them named', () => {
    const withArrayBody = () => {
      const document = generated();
      document.paths['/fixtures'] = {
        post: {
          operationId: 'bulk',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'array', maxItems: 5, items: ref('FixtureDto') } } },
          },
          responses: { '200': { description: '' } },
        },
      };
      return document;
    };
    const document = refine(withArrayBody(), { ...INPUTS, bulk: { bodyItems: FixtureDto, pathParameters: {} } });
    expect(schemaOf(document, 'FixtureDto')).toMatchObject({ required: ['date'], additionalProperties: false });
    expect(() => refine(withArrayBody(), { ...INPUTS, bulk: { pathParameters: {} } })).toThrow(
      'POST /fixtures: an array body needs @ApiArrayBody to name its items',
    );
  });

  it('fails for an operation no route answers', () => {
    expect(() => refine(generated(), { create: INPUTS.create })).toThrow('no route found for the operation list');
  });
});

describe('problemExample', () => {
  it.each([401, 403, 404, 409, 413, 414, 415, 429, 431])('shows the status, type and title of %i', (status) => {
    expect(problemExample(status)).toMatchObject({
      status,
      type: problemType(status),
      title: problemTitle(status),
      detail: expect.any(String),
    });
  });

  it('shows a rule violation for 422', () => {
    expect(problemExample(422)).toMatchObject({
      status: 422,
      type: '/problems/rule-violation',
      errors: [{ path: expect.any(String), message: expect.any(String) }],
    });
  });

  it('shows a validation problem for 400', () => {
    expect(problemExample(400)).toMatchObject({
      status: 400,
      type: '/problems/validation-error',
      errors: [{ path: expect.any(String), message: expect.any(String) }],
    });
  });
});
