import { applyDecorators, SetMetadata, Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';

/** Where `ApiArrayBody` records the class of each item, for the document's refinement. */
export const ARRAY_BODY_ITEMS = 'openapi:array-body-items';

/**
 * A JSON array body whose items are `items` (a bulk log's rows). The route reads the raw body and checks
 * each item itself (so one bad row does not refuse the rest); this documents the items with the same
 * class-validator rules as any body DTO, `additionalProperties: false` included.
 */
export function ApiArrayBody(items: Type, bounds: { minItems: number; maxItems: number }) {
  return applyDecorators(
    ApiExtraModels(items),
    ApiBody({ schema: { type: 'array', ...bounds, items: { $ref: getSchemaPath(items) } } }),
    SetMetadata(ARRAY_BODY_ITEMS, items),
  );
}
