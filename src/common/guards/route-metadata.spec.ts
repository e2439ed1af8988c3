import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RouteMetadata } from './route-metadata';

const Mark = (value: string) => SetMetadata('mark', value);

@Mark('base')
class BaseController {
  @Mark('own')
  marked(): void {}
  plain(): void {}
}

@Mark('derived')
class DerivedController extends BaseController {}

const contextOf = (controller: object, handler: () => void) =>
  ({ getClass: () => controller, getHandler: () => handler }) as unknown as ExecutionContext;

describe('RouteMetadata', () => {
  it("reads the handler's value, else its controller's, once per route", () => {
    const reflector = new Reflector();
    const lookups = jest.spyOn(reflector, 'getAllAndOverride');
    const mark = new RouteMetadata<string>(reflector, 'mark');
    const { marked, plain } = BaseController.prototype;
    expect(mark.of(contextOf(BaseController, marked))).toBe('own');
    expect(mark.of(contextOf(BaseController, plain))).toBe('base');
    expect(mark.of(contextOf(BaseController, plain))).toBe('base');
    expect(lookups).toHaveBeenCalledTimes(2);
  });

  it('keeps controllers that share an inherited handler apart', () => {
    const mark = new RouteMetadata<string>(new Reflector(), 'mark');
    const { plain } = BaseController.prototype;
    expect(mark.of(contextOf(BaseController, plain))).toBe('base');
    expect(mark.of(contextOf(DerivedController, plain))).toBe('derived');
  });
});
