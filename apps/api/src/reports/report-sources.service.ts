import { Inject, Injectable } from '@nestjs/common';
import { semesterCollectionPlan, type CollectingUnit, type CollectionPlan } from '@konvergensi/domain';
import { IndicatorValueRecord, UnitRecord, type RegionRecord } from '@konvergensi/persistence';
import {
  compileSemesterReport,
  type ActionProgress,
  type AuditProgress,
  type ReportedValue,
  type SemesterReport,
} from '@konvergensi/reporting';
import type { DataSource } from 'typeorm';
import { CycleViews } from '../cycles/cycle-views.service';
import { storedInput } from '../indicators/indicator-entry';
import { IndicatorPlausibility, plausibilityOf } from '../indicators/indicator-plausibility.service';
import { loadPlannedActivities } from '../planned-activities/planned-activity-records';
import { DATA_SOURCE } from '../tokens';
import { LokusSource } from './lokus-source.service';

interface AuditRow {
  id: string;
  semester: number;
  template_code: string | null;
  current_stage: string | null;
  status: string | null;
  follow_up_tasks: number | null;
  roster: boolean | null;
}

/** Reads the live data of a semester report and compiles it with libs/reporting. */
@Injectable()
export class ReportSources {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly cycles: CycleViews,
    private readonly lokus: LokusSource,
    private readonly plausibility: IndicatorPlausibility,
  ) {}

  async units(regencyCode: string): Promise<CollectingUnit[]> {
    const units = await this.dataSource
      .getRepository(UnitRecord)
      .find({ where: { regencyCode, active: true }, order: { code: 'ASC' } });
    return units.map((u) => ({ code: u.code, name: u.name, roles: u.roleCodes }));
  }

  async collectionPlan(regencyCode: string): Promise<CollectionPlan> {
    return semesterCollectionPlan(await this.units(regencyCode));
  }

  async compile(regency: RegionRecord, year: number, semester: 1 | 2, now = new Date()): Promise<SemesterReport> {
    const [units, values, audits, cycle, plannedActivities, lokus] = await Promise.all([
      this.units(regency.code),
      this.values(regency.code, year, semester as 1 | 2),
      this.audits(regency.code, year),
      this.cycles.view(regency, year, now),
      loadPlannedActivities(this.dataSource.manager, regency.code, year),
      this.lokus.lokusFor(regency, year),
    ]);
    const actions: ActionProgress[] | null = cycle
      ? cycle.actions.map((a) => ({
          code: a.code,
          number: a.number,
          title: a.title,
          statusLabel: a.statusLabel,
          stagesDone: a.progress.stagesDone,
          stagesTotal: a.progress.stagesTotal,
          responsibleUnitCode: a.responsibleUnitCode,
        }))
      : null;
    return compileSemesterReport({
      regency: { code: regency.code, name: regency.name },
      year,
      semester,
      generatedAt: now.toISOString(),
      units,
      values,
      audits,
      actions,
      plannedActivities,
      lokus,
    });
  }

  private async values(regencyCode: string, year: number, semester: 1 | 2): Promise<ReportedValue[]> {
    const [rows, context] = await Promise.all([
      this.dataSource.getRepository(IndicatorValueRecord).findBy({ regencyCode, year, semester }),
      this.plausibility.contextOf(regencyCode, year, semester),
    ]);
    return rows.map((row) => {
      const { warnings, confirmation } = plausibilityOf(row, context);
      return {
        code: row.indicatorCode,
        reportedCode: row.reportedCode,
        reportedKind: row.reportedKind,
        input: storedInput(row),
        warnings: warnings.map((w) => w.message),
        confirmationNote: confirmation?.note ?? null,
      };
    });
  }

  /**
   * The year's stunting case audits. The AKS workflow owns `aks_audit` (and, once it lands,
   * `aks_stage` with the milestones of each done stage); both are read with plain SQL, columns by
   * name, so a schema still in flux yields fewer facts rather than a failed report.
   */
  private async audits(regencyCode: string, year: number): Promise<AuditProgress[]> {
    let rows: AuditRow[];
    try {
      rows = (await this.dataSource.query(
        `SELECT a.*,
                (SELECT count(*) FROM aks_recommendation r
                  WHERE r.audit_id = a.id AND r.follow_up_task_id IS NOT NULL)::int AS follow_up_tasks,
                (EXISTS (SELECT 1 FROM aks_team_member m WHERE m.audit_id = a.id AND m.team = 'technical')
                  AND EXISTS (SELECT 1 FROM aks_team_member m WHERE m.audit_id = a.id AND m.team = 'expert')) AS roster
           FROM aks_audit a WHERE a.regency_code = $1 AND a.year = $2`,
        [regencyCode, year],
      )) as AuditRow[];
    } catch {
      return [];
    }
    const milestones = await this.stageMilestones(rows.map((r) => r.id));
    return rows.map((row) => ({
      semester: Number(row.semester),
      templateCode: row.template_code ?? '',
      currentStage: row.current_stage ?? null,
      status: row.status ?? 'not_started',
      followUpTasks: Number(row.follow_up_tasks ?? 0),
      hasTeamRoster: row.roster === true,
      ...(milestones.has(row.id) ? { milestones: milestones.get(row.id) } : {}),
    }));
  }

  private async stageMilestones(auditIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (auditIds.length === 0) return result;
    try {
      const present = (await this.dataSource.query(
        `SELECT to_regclass('public.aks_stage') IS NOT NULL AS present`,
      )) as {
        present: boolean;
      }[];
      if (!present[0]?.present) return result;
      const stages = (await this.dataSource.query(
        `SELECT audit_id, milestones FROM aks_stage WHERE audit_id = ANY($1) AND status = 'done'`,
        [auditIds],
      )) as { audit_id: string; milestones: string[] | null }[];
      for (const stage of stages) {
        result.set(stage.audit_id, [...(result.get(stage.audit_id) ?? []), ...(stage.milestones ?? [])]);
      }
    } catch {
      // Stage rows in another shape: fall back to the audit's current stage.
    }
    return result;
  }
}
