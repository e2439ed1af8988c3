import { Injectable, Logger } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AssessmentSummaryService } from '../assessments/assessment-summary.service';
import { AssessmentsService } from '../assessments/assessments.service';
import { AuthUser } from '../auth/domain/auth-user';
import { ProblemException, RuleProblem } from '../common/errors/problem';
import { toCalendarDate } from '../common/validation/calendar-date';
import { DrillProvider } from '../drills/drill-provider';
import { PlayerAccessService } from '../players/player-access.service';
import { GenerationResult, GeneratorInput } from './domain/generate-program';
import { TrainingPlayer } from './domain/program';
import { trainingPlayerOn } from './domain/training-player';
import { checkProgramSafety, SafetyReport } from './domain/program-safety';
import { CreateProgramDto } from './dto/program.dto';
import { ProgramRecord } from './program.record';
import { ProgramsRepository } from './programs.repository';

/** One kind of programme: who may have it, and how it is generated. */
export interface ProgramGenerator<R extends CreateProgramDto = CreateProgramDto> {
  /** Why this player cannot have this kind of programme (422), checked before anything is loaded. */
  refusal(player: TrainingPlayer): string | null;
  /** Cross-field request problems (400). */
  requestProblems?(request: R): { path: string; message: string }[];
  generate(input: GeneratorInput, request: R): GenerationResult;
}

/** A safety violation is a bug in the generator: 500 with every violation listed, and nothing stored. */
export function safetyFailure(report: SafetyReport): ProblemException {
  return new ProblemException(
    500,
    `The generated programme broke ${report.violations.length} safety rule(s) and was not stored. This is a fault in the service.`,
    {
      slug: 'safety-check-failed',
      title: 'Safety Check Failed',
      errors: report.violations.map((v) => ({
        path: [v.week !== undefined ? `week ${v.week}` : '', v.sessionId ?? '', v.drillId ?? '']
          .filter(Boolean)
          .join(' / '),
        message: `${v.rule}: ${v.message}`,
      })),
    },
  );
}

/**
 * The path every programme takes: access, the kind's own refusals, the latest assessment, the
 * drills DrillProvider serves, generation, the independent safety check, and only then storage.
 */
@Injectable()
export class ProgramPlanner {
  private readonly logger = new Logger(ProgramPlanner.name);

  constructor(
    private readonly programs: ProgramsRepository,
    private readonly access: PlayerAccessService,
    private readonly assessments: AssessmentsService,
    private readonly summaries: AssessmentSummaryService,
    private readonly drills: DrillProvider,
  ) {}

  async plan<R extends CreateProgramDto>(
    caller: AuthUser,
    playerId: string,
    request: R,
    generator: ProgramGenerator<R>,
  ): Promise<ProgramRecord> {
    const player = await this.access.findManageable(caller, playerId);
    const problems = [...daysProblems(request), ...(generator.requestProblems?.(request) ?? [])];
    if (problems.length > 0) throw new RuleProblem(problems);
    const trainingPlayer = trainingPlayerOn(player, request.startDate);
    const refusal = generator.refusal(trainingPlayer);
    if (refusal) throw new ProblemException(422, refusal, { slug: 'program-refused' });

    const assessment = await this.assessments.latest(playerId);
    if (!assessment) {
      // The player exists (a 404 would say it does not): what is missing is an assessment.
      throw new ProblemException(
        422,
        'This player has no assessment yet: record one (POST /players/:playerId/assessments) before generating a programme.',
        { slug: 'assessment-required' },
      );
    }
    const summary = await this.summaries.summarize(assessment, player);
    const set = await this.drills.current();
    const seed = request.seed ?? randomInt(0, 2 ** 32);
    const result = generator.generate(
      {
        player: trainingPlayer,
        request: { ...request, seed },
        weaknesses: summary.weaknesses,
        assessmentDate: toCalendarDate(assessment.date),
        drills: set.catalog.drills,
      },
      request,
    );
    if (!result.ok) throw new ProblemException(422, result.reason, { slug: 'program-refused' });

    const report = checkProgramSafety(result.program, trainingPlayer, set.catalog.byId);
    if (!report.passed) {
      this.logger.error(
        { playerId, seed, violations: report.violations },
        'Generated programme failed its safety check',
      );
      throw safetyFailure(report);
    }
    const { program } = result;
    return this.programs.create({
      ...program,
      playerId,
      seed,
      assessmentId: assessment.id,
      ageYears: trainingPlayer.ageYears,
      drillSource: set.source,
      ...(set.version !== undefined ? { drillVersion: set.version } : {}),
      totalPlannedLoad: program.weeks.reduce((s, w) => s + w.plannedLoad, 0),
      safety: { passed: report.passed, checks: report.checks },
      createdBy: caller.id,
    });
  }
}

function daysProblems(request: CreateProgramDto): { path: string; message: string }[] {
  return request.sessionsPerWeek > request.availableDays.length
    ? [{ path: 'sessionsPerWeek', message: 'sessionsPerWeek must not exceed the number of availableDays' }]
    : [];
}
