import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { respondIn } from '../common/http/content-language';
import { ParseSlugPipe } from '../common/validation/parse-slug.pipe';
import { ValidatedQuery } from '../common/validation/validated-query.decorator';
import {
  BodyPartCountDto,
  CreateExerciseDto,
  ExerciseDto,
  ExercisePageDto,
  ListExercisesQueryDto,
  ModalityCountDto,
  UpdateExerciseDto,
} from './dto/exercise.dto';
import { ExercisesService } from './exercises.service';

const ACCEPT_LANGUAGE = ApiHeader({
  name: 'Accept-Language',
  required: false,
  description: '`ar` for the Arabic name and description; English otherwise',
});

@ApiTags('exercises')
@Controller({ path: 'exercises', version: '1' })
export class ExercisesController {
  constructor(private readonly exercises: ExercisesService) {}

  @ApiOperation({
    summary: 'Search the exercise library (system and custom), by name',
    description: 'Archived exercises are left out unless `archived=true`.',
  })
  @ACCEPT_LANGUAGE
  @ApiAuth(400)
  @ApiQuery({ type: ListExercisesQueryDto })
  @Get()
  async list(
    @CurrentUser() caller: AuthUser,
    @ValidatedQuery(ListExercisesQueryDto) query: ListExercisesQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExercisePageDto> {
    const language = respondIn(acceptLanguage, reply);
    const page = await this.exercises.list(caller, query);
    return { ...page, items: page.items.map((e) => ExerciseDto.from(e, language)), language };
  }

  @ApiOperation({ summary: 'Every body part with how many (non-archived) exercises name it' })
  @ApiAuth()
  @ApiOkResponse({ type: [BodyPartCountDto] })
  @Get('body-parts')
  bodyParts(): Promise<BodyPartCountDto[]> {
    return this.exercises.bodyPartCounts();
  }

  @ApiOperation({ summary: 'Every modality with how many (non-archived) exercises use it' })
  @ApiAuth()
  @ApiOkResponse({ type: [ModalityCountDto] })
  @Get('modalities')
  modalities(): Promise<ModalityCountDto[]> {
    return this.exercises.modalityCounts();
  }

  @ApiOperation({ summary: 'One exercise (archived ones too)' })
  @ACCEPT_LANGUAGE
  @ApiAuth(400, 404)
  @Get(':id')
  async get(
    @Param('id', ParseSlugPipe) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExerciseDto> {
    const language = respondIn(acceptLanguage, reply);
    return ExerciseDto.from(await this.exercises.get(id), language);
  }

  @ApiOperation({
    summary: 'Create a custom exercise (owned by the caller)',
    description: 'A name the caller already uses (case and accents aside) is a 409.',
  })
  @ACCEPT_LANGUAGE
  @ApiAuth(400, 409, 422)
  @Roles('coach', 'admin')
  @Post()
  async create(
    @CurrentUser() caller: AuthUser,
    @Body() dto: CreateExerciseDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExerciseDto> {
    const language = respondIn(acceptLanguage, reply);
    return ExerciseDto.from(await this.exercises.create(caller, dto), language);
  }

  @ApiOperation({
    summary: 'Change an exercise (its owner or an admin; system exercises admins only)',
    description: '`archived: false` restores an archived exercise.',
  })
  @ACCEPT_LANGUAGE
  @ApiAuth(400, 404, 409, 422)
  @Roles('coach', 'admin')
  @Patch(':id')
  async update(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseSlugPipe) id: string,
    @Body() dto: UpdateExerciseDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExerciseDto> {
    const language = respondIn(acceptLanguage, reply);
    return ExerciseDto.from(await this.exercises.update(caller, id, dto), language);
  }

  @ApiOperation({
    summary: 'Archive an exercise (same permissions as a change)',
    description: 'It stays readable by id, for the history that uses it; archiving twice is fine.',
  })
  @ApiNoContentResponse({ description: 'Archived' })
  @ApiAuth(400, 404)
  @Roles('coach', 'admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete(':id')
  async archive(@CurrentUser() caller: AuthUser, @Param('id', ParseSlugPipe) id: string): Promise<void> {
    await this.exercises.archive(caller, id);
  }
}
