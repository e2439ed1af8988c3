import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * The field may be left out; when present it is validated, and `null` is refused like any
 * other wrong type. class-validator's IsOptional skips `null` too, which lets a `null` through
 * to overwrite a default or be stored; keep IsOptional for the fields where `null` means
 * "remove the value" (assessment PATCHes), where the OpenAPI document then says `nullable`.
 */
export function IsOmittable(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, validationOptions);
}
