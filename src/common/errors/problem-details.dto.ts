import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'email' })
  path!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Drill uploads: position of the drill in the file (-1: the whole file)',
  })
  index?: number;

  @ApiPropertyOptional({ description: 'Drill uploads: the id of the drill concerned' })
  id?: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export class ProblemDetailsDto {
  @ApiProperty({ example: '/problems/validation-error' })
  type!: string;

  @ApiProperty({ example: 'Validation Failed' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request is not valid.' })
  detail!: string;

  @ApiPropertyOptional({ example: '/api/v1/players' })
  instance?: string;

  @ApiPropertyOptional({ example: 'b6f3c1d0-2f7e-4c1a-9d0b-8f0e3f1a2b3c' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldProblemDto] })
  errors?: FieldProblemDto[];
}
