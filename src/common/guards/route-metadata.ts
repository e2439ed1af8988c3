import type { ExecutionContext, Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * A decorator's value for a route (the handler's, else its controller's), read once per
 * route: metadata is fixed once the application is built, while the reflection lookups
 * cost each global guard about half a microsecond on every request.
 */
export class RouteMetadata<T> {
  private readonly byController = new WeakMap<Type, Map<ReturnType<ExecutionContext['getHandler']>, T | undefined>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly key: string,
  ) {}

  of(context: ExecutionContext): T | undefined {
    const controller = context.getClass();
    const handler = context.getHandler();
    let routes = this.byController.get(controller);
    if (!routes) this.byController.set(controller, (routes = new Map()));
    if (routes.has(handler)) return routes.get(handler);
    const value = this.reflector.getAllAndOverride<T | undefined>(this.key, [handler, controller]);
    routes.set(handler, value);
    return value;
  }
}
