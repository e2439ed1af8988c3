import { Injectable } from '@nestjs/common';
import { Sex } from '../common/domain/enums';
import { exactAgeYears, PlayerRecord } from '../players/player.record';
import { estimateVo2max, Vo2Inputs } from '../vo2/domain/vo2-formulas';
import type { Vo2TableReference } from '../vo2/domain/vo2-norms';
import { Vo2Service } from '../vo2/vo2.service';
import { AssessmentRecord } from './assessment.record';
import { bodyMassIndex, MaturityResult, mirwaldMaturityOffset } from './domain/anthropometry';
import { PHYSICAL_TESTS, PhysicalTest } from './domain/assessment-metrics';
import { NormResult, physicalTestNorm } from './domain/norms';
import { AreaScore, areaScores, strengthsAndWeaknesses } from './domain/profile';
import { NormsService } from './norms.service';

export type Vo2FromTest =
  | {
      test: PhysicalTest;
      ok: true;
      vo2max: number;
      protocol: string;
      formula: string;
      reference: string;
      band: string | null;
      percentile: number | null;
      percentileReference: Vo2TableReference | null;
    }
  | { test: PhysicalTest; ok: false; field: string; reason: string };

export interface AssessmentSummary {
  assessmentId: string;
  playerId: string;
  date: Date;
  ageYears: number;
  sex: Sex;
  bmi: number | null;
  maturity: MaturityResult;
  vo2max: Vo2FromTest[];
  norms: Partial<Record<PhysicalTest, NormResult | null>>;
  areas: AreaScore[];
  strengths: AreaScore[];
  weaknesses: AreaScore[];
}

/** Field tests in an assessment that a VO2max protocol can read. */
export function vo2InputsFromTests(
  tests: AssessmentRecord['tests'],
): { test: PhysicalTest; inputs: Omit<Vo2Inputs, 'age' | 'sex'> }[] {
  const found: { test: PhysicalTest; inputs: Omit<Vo2Inputs, 'age' | 'sex'> }[] = [];
  if (tests.yoyoIr1M !== undefined)
    found.push({ test: 'yoyoIr1M', inputs: { protocol: 'yoyo-ir1', distanceM: tests.yoyoIr1M } });
  if (tests.yoyoIr2M !== undefined)
    found.push({ test: 'yoyoIr2M', inputs: { protocol: 'yoyo-ir2', distanceM: tests.yoyoIr2M } });
  if (tests.shuttle20mLevel !== undefined) {
    found.push({
      test: 'shuttle20mLevel',
      inputs: { protocol: 'shuttle-20m', level: tests.shuttle20mLevel, shuttle: tests.shuttle20mShuttle },
    });
  }
  if (tests.cooper12minM !== undefined)
    found.push({ test: 'cooper12minM', inputs: { protocol: 'cooper-12min', distanceM: tests.cooper12minM } });
  return found;
}

/** Turns one assessment into what a coach acts on: age, BMI, maturity, VO2max, norms, strengths and weaknesses. */
@Injectable()
export class AssessmentSummaryService {
  constructor(
    private readonly vo2: Vo2Service,
    private readonly normReferences: NormsService,
  ) {}

  async summarize(assessment: AssessmentRecord, player: PlayerRecord): Promise<AssessmentSummary> {
    const age = exactAgeYears(player.dateOfBirth, assessment.date);
    const wholeAge = Math.floor(age);
    const heightCm = assessment.heightCm ?? player.heightCm;
    const weightKg = assessment.weightKg ?? player.weightKg;
    const classify = await this.vo2.classifier();
    const tables = await this.normReferences.tables();

    const maturity: MaturityResult =
      heightCm !== undefined && weightKg !== undefined && assessment.sittingHeightCm !== undefined
        ? mirwaldMaturityOffset({
            sex: player.sex,
            ageYears: age,
            heightCm,
            sittingHeightCm: assessment.sittingHeightCm,
            weightKg,
          })
        : {
            maturityOffsetYears: null,
            predictedAgeAtPhvYears: null,
            reason: 'needs height, sitting height and weight in the assessment (or height and weight on the profile)',
          };

    const vo2max: Vo2FromTest[] = vo2InputsFromTests(assessment.tests).map(({ test, inputs }) => {
      const estimate = estimateVo2max({ ...inputs, age: wholeAge, sex: player.sex });
      if (!estimate.ok) return { test, ok: false, field: estimate.field, reason: estimate.reason };
      return { test, ...estimate, ...classify(estimate.vo2max, wholeAge, player.sex) };
    });

    const norms: Partial<Record<PhysicalTest, NormResult | null>> = {};
    for (const test of PHYSICAL_TESTS) {
      const value = assessment.tests[test];
      if (value !== undefined) norms[test] = physicalTestNorm(test, value, age, player.sex, tables);
    }

    const areas = areaScores(
      { tests: assessment.tests, ratings: assessment.ratings, ageYears: age, sex: player.sex },
      (test, value, ageYears, sex) => physicalTestNorm(test, value, ageYears, sex, tables),
    );
    const { strengths, weaknesses } = strengthsAndWeaknesses(areas);
    return {
      assessmentId: assessment.id,
      playerId: player.id,
      date: assessment.date,
      ageYears: Math.round(age * 10) / 10,
      sex: player.sex,
      bmi: heightCm !== undefined && weightKg !== undefined ? bodyMassIndex(heightCm, weightKg) : null,
      maturity,
      vo2max,
      norms,
      areas,
      strengths,
      weaknesses,
    };
  }

  /**
   * The weakest areas of many players' assessments, as `summarize` finds them, with the norm tables read
   * once (a squad's dashboard). By assessment id.
   */
  async weaknessesOf(
    items: readonly { assessment: AssessmentRecord; player: PlayerRecord }[],
  ): Promise<Map<string, AreaScore[]>> {
    const weakest = new Map<string, AreaScore[]>();
    if (items.length === 0) return weakest;
    const tables = await this.normReferences.tables();
    for (const { assessment, player } of items) {
      const areas = areaScores(
        {
          tests: assessment.tests,
          ratings: assessment.ratings,
          ageYears: exactAgeYears(player.dateOfBirth, assessment.date),
          sex: player.sex,
        },
        (test, value, ageYears, sex) => physicalTestNorm(test, value, ageYears, sex, tables),
      );
      weakest.set(assessment.id, strengthsAndWeaknesses(areas).weaknesses);
    }
    return weakest;
  }
}
