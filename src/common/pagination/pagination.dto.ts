import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '../validation/omittable';

export const MAX_PAGE_SIZE = 100;
/** A million records at the largest page size; a larger page number is a typo or a probe. */
export const MAX_PAGE = 10_000;

export class PaginationQueryDto {
  /** 1-based page number. */
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  /** Items per page. */
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** Base for each resource's page DTO, so Swagger shows the concrete item type. */
export abstract class PageDto {
  @ApiProperty({ type: 'integer', example: 42 })
  total!: number;

  @ApiProperty({ type: 'integer', example: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', example: 20 })
  limit!: number;
}

export function skipFor(query: { page: number; limit: number }): number {
  return (query.page - 1) * query.limit;
}

/** One page of a list read whole (a team's schedule in a window: a season's worth at most). */
export function pageOf<T>(items: readonly T[], query: { page: number; limit: number }): Page<T> {
  const start = skipFor(query);
  return { items: items.slice(start, start + query.limit), total: items.length, page: query.page, limit: query.limit };
}
