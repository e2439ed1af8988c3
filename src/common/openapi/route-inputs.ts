import { INestApplication, PipeTransform, Type } from '@nestjs/common';
import { PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner } from '@nestjs/core';
import type { NestContainer } from '@nestjs/core/injector/container';
import { DECORATORS, SchemaObject } from '@nestjs/swagger';
import { ARRAY_BODY_ITEMS } from './api-array-body';
import { pathParameterSchema } from './path-parameters';

/** What a route takes in: the DTO classes the ValidationPipe checks, and its path parameters. */
export interface OperationInputs {
  body?: Type;
  /** A JSON array body (`ApiArrayBody`): the class of its items. */
  bodyItems?: Type;
  query?: Type;
  pathParameters: Record<string, SchemaObject>;
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: (Type<PipeTransform> | PipeTransform)[];
}

/**
 * Every controller method's inputs, keyed `Controller.method`, read from the metadata Nest
 * routes with (the same that @nestjs/swagger reads to list parameters).
 */
export function routeInputs(app: INestApplication): Map<string, OperationInputs> {
  const container = (app as unknown as { container: NestContainer }).container;
  const scanner = new MetadataScanner();
  const inputs = new Map<string, OperationInputs>();
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of scanner.getAllMethodNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
          string,
          RouteArgument
        >;
        const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype, method) ?? []) as Type[];
        const found: OperationInputs = { pathParameters: {} };
        for (const [key, arg] of Object.entries(args)) {
          const paramtype = Number(key.split(':')[0]);
          if (paramtype === RouteParamtypes.BODY && arg.data === undefined) found.body = types[arg.index];
          if (paramtype === RouteParamtypes.QUERY && arg.data === undefined) found.query = types[arg.index];
          if (paramtype === RouteParamtypes.PARAM && typeof arg.data === 'string') {
            found.pathParameters[arg.data] = pathParameterSchema(arg.data, arg.pipes ?? []);
          }
        }
        // A query DTO read by a custom decorator is named to Swagger with @ApiQuery({ type }).
        const explicit = (Reflect.getMetadata(DECORATORS.API_PARAMETERS, controller.prototype[method]) ?? []) as {
          in?: string;
          type?: unknown;
        }[];
        const queryDto = explicit.find((p) => p.in === 'query' && typeof p.type === 'function')?.type;
        if (queryDto) found.query = queryDto as Type;
        const bodyItems = Reflect.getMetadata(ARRAY_BODY_ITEMS, controller.prototype[method]) as Type | undefined;
        if (bodyItems) found.bodyItems = bodyItems;
        inputs.set(`${controller.name}.${method}`, found);
      }
    }
  }
  return inputs;
}
