import { Inject, Injectable } from '@nestjs/common';
import {
  actionProgress,
  overallGrade,
  prefillRubric,
  rubricFor,
  stageWasLate,
  type ActionRubricFacts,
  type Grade,
  type Rubric,
} from '@konvergensi/domain';
import type { RegionRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { CycleFactsLoader, type CycleFacts } from '../status/cycle-facts.service';
import { DATA_SOURCE } from '../tokens';

/** The rubric's measures of each action, read from a cycle's records. */
export function rubricFacts(facts: CycleFacts): ActionRubricFacts[] {
  return facts.actions.map((action) => {
    const stages = facts.stages.filter((s) => s.actionId === action.id);
    const progress = actionProgress(
      { code: action.code, status: action.status, windowEnd: action.windowEnd, stages },
      facts.now,
      facts.today,
    );
    return {
      actionCode: action.code,
      stageShare: progress.share,
      lateStages: stages.filter((s) => stageWasLate(s, facts.now)).length,
      portalMilestones: facts.milestones.filter((m) => m.actionId === action.id).length,
      approvedDeliverables: facts.approvedFilesByAction.get(action.id) ?? 0,
    };
  });
}

/**
 * A regency's yearly performance assessment: every indicator of the year's rubric with the grade
 * pre-filled from the facts and, beside it, the final grade a province viewer set (if any).
 */
@Injectable()
export class AssessmentReader {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly loader: CycleFactsLoader,
  ) {}

  async read(regency: RegionRecord, year: number, facts?: CycleFacts | null, now = new Date()) {
    const rubric = rubricFor(year);
    const cycleFacts = facts === undefined ? await this.loader.load(regency, year, now) : facts;
    const manual = await this.dataSource.query(
      `SELECT g.indicator_code, g.grade, g.note, g.graded_by, g.graded_at, u.display_name
         FROM rubric_grade g LEFT JOIN app_user u ON u.id = g.graded_by
        WHERE g.regency_code = $1 AND g.year = $2`,
      [regency.code, year],
    );
    return present(regency, year, rubric, cycleFacts ?? null, manual as ManualRow[]);
  }
}

interface ManualRow {
  indicator_code: string;
  grade: Grade;
  note: string;
  graded_by: string;
  graded_at: Date;
  display_name: string | null;
}

function present(
  regency: RegionRecord,
  year: number,
  rubric: Rubric | undefined,
  facts: CycleFacts | null,
  manual: ManualRow[],
) {
  if (!rubric) {
    return { regencyCode: regency.code, regencyName: regency.name, year, rubric: null, indicators: [], overall: null };
  }
  const prefilled = prefillRubric(rubric, facts ? rubricFacts(facts) : []);
  const indicators = prefilled.map((p) => {
    const final = manual.find((m) => m.indicator_code === p.indicatorCode);
    return {
      code: p.indicatorCode,
      actionCode: p.actionCode,
      title: p.title,
      rule: p.rule,
      measure: p.measure,
      value: p.value,
      prefilledGrade: p.grade,
      finalGrade: final
        ? {
            grade: final.grade,
            note: final.note,
            gradedBy: { userId: final.graded_by, displayName: final.display_name ?? '' },
            gradedAt: new Date(final.graded_at).toISOString(),
          }
        : null,
      grade: final?.grade ?? p.grade,
    };
  });
  return {
    regencyCode: regency.code,
    regencyName: regency.name,
    year,
    hasCycle: facts !== null,
    rubric: {
      id: rubric.id,
      title: rubric.title.id,
      fromYear: rubric.fromYear,
      provenance: rubric.provenance,
      rulesProvenance: rubric.indicators[0]?.provenance ?? null,
    },
    indicators,
    overall: {
      prefilled: overallGrade(indicators.map((i) => i.prefilledGrade)),
      final: overallGrade(indicators.map((i) => i.grade)),
      manualGrades: indicators.filter((i) => i.finalGrade !== null).length,
    },
  };
}
