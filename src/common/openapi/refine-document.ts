import type { Type } from '@nestjs/common';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  SchemaObject,
} from '@nestjs/swagger';
import { problemResponse } from '../decorators/api-problems.decorator';
import type { OperationInputs } from './route-inputs';
import { describeProperty, requestProperties } from './request-rules';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const REF_PREFIX = '#/components/schemas/';

/**
 * Makes the generated document say what the service does, with class-validator's
 * decorators as the source of truth for every request schema:
 * - request bodies (and the objects nested in them) get their validators as JSON Schema
 *   (integers, enums, patterns, bounds, lengths, list sizes), `required` only for fields that
 *   are neither optional nor defaulted, and `additionalProperties: false`, since the
 *   ValidationPipe refuses unknown fields;
 * - query parameters get the same, and path parameters the form their pipe accepts;
 * - errors the service answers before any route runs are declared: 400 everywhere (a NUL
 *   byte in the query string is refused on every route), 413 and 415 wherever a body is
 *   taken, 414 wherever the path has a parameter, 431 everywhere.
 * Throws where the document and the validators disagree on which fields exist.
 */
export function refineDocument(
  document: OpenAPIObject,
  inputsOf: (operationId: string) => OperationInputs | undefined,
): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  const described = new Set<string>();

  const describeSchema = (name: string, dto: Type): void => {
    if (dto.name !== name) throw new Error(`The schema ${name} is documented for the class ${dto.name}`);
    if (described.has(name)) return;
    described.add(name);
    const schema = schemas[name] as SchemaObject | undefined;
    if (!schema) throw new Error(`No schema ${name} in the document`);
    const properties = requestProperties(dto);
    const documented = (schema.properties ?? {}) as Record<string, SchemaObject | ReferenceObject>;
    sameNames(name, Object.keys(documented), [...properties.keys()]);
    const required: string[] = [];
    for (const [key, propertySchema] of Object.entries(documented)) {
      const property = properties.get(key)!;
      if (property.required) required.push(key);
      if (property.nested) {
        const refs = refNames(propertySchema);
        if (refs.length !== 1) throw new Error(`${name}.${property.name} should refer to ${property.nested.name}`);
        describeSchema(refs[0], property.nested);
        // A $ref has no siblings in OpenAPI 3.0: list keywords go on the array around it.
        if ('$ref' in propertySchema) continue;
      }
      describeProperty(propertySchema as SchemaObject, property);
    }
    if (required.length > 0) schema.required = required;
    else delete schema.required;
    schema.additionalProperties = false;
  };

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const inputs = inputsOf(operation.operationId ?? '');
      if (!inputs) throw new Error(`${where}: no route found for the operation ${operation.operationId}`);
      const parameters = (operation.parameters ?? []) as ParameterObject[];

      const pathParameters = parameters.filter((p) => p.in === 'path');
      sameNames(
        `${where} path`,
        pathParameters.map((p) => p.name),
        Object.keys(inputs.pathParameters),
      );
      for (const parameter of pathParameters) {
        parameter.schema = { ...(parameter.schema as SchemaObject), ...inputs.pathParameters[parameter.name] };
      }

      const query = parameters.filter((p) => p.in === 'query');
      const properties = inputs.query ? requestProperties(inputs.query) : new Map();
      sameNames(
        `${where} query`,
        query.map((p) => p.name),
        [...properties.keys()],
      );
      for (const parameter of query) {
        const property = properties.get(parameter.name)!;
        const schema = { ...(parameter.schema as SchemaObject) };
        describeProperty(schema, property);
        parameter.schema = schema;
        parameter.required = property.required;
        if (property.itemRules.length > 0) {
          // Lists are comma-separated: `?equipment=balls,cones`.
          parameter.style = 'form';
          parameter.explode = false;
        }
      }

      const body = operation.requestBody as RequestBodyObject | undefined;
      const json = body?.content['application/json']?.schema;
      if (json) {
        const refs = refNames(json);
        if (refs.length === 1 && '$ref' in json) {
          if (!inputs.body) throw new Error(`${where}: the body ${refs[0]} is not read by the route`);
          describeSchema(refs[0], inputs.body);
        } else if (refs.length === 1 && (json as SchemaObject).type === 'array') {
          if (!inputs.bodyItems) throw new Error(`${where}: an array body needs @ApiArrayBody to name its items`);
          describeSchema(refs[0], inputs.bodyItems);
        }
      }

      const responses = operation.responses;
      const declare = (status: number) => {
        responses[status] ??= problemResponse(status);
      };
      declare(400);
      if (body) [413, 415].forEach(declare);
      if (pathParameters.length > 0) declare(414);
      declare(431);
      operation.responses = sortedByStatus(responses);
    }
  }
  return document;
}

function refNames(schema: SchemaObject | ReferenceObject | undefined): string[] {
  if (!schema) return [];
  if ('$ref' in schema) return [schema.$ref.slice(REF_PREFIX.length)];
  return [
    ...refNames(schema.items as SchemaObject | ReferenceObject | undefined),
    ...(schema.allOf ?? []).flatMap(refNames),
    ...(schema.oneOf ?? []).flatMap(refNames),
    ...(schema.anyOf ?? []).flatMap(refNames),
  ];
}

function sameNames(where: string, documented: string[], validated: string[]): void {
  const missing = validated.filter((name) => !documented.includes(name));
  const unvalidated = documented.filter((name) => !validated.includes(name));
  if (missing.length > 0) throw new Error(`${where}: validated but not documented: ${missing.join(', ')}`);
  if (unvalidated.length > 0) {
    throw new Error(`${where}: documented but refused by the ValidationPipe: ${unvalidated.join(', ')}`);
  }
}

function sortedByStatus<T>(responses: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
