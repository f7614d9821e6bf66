import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { aksAuditWorkflowId, type AksStageEvidence } from '@konvergensi/contracts';
import {
  aksAuditFacts,
  aksIdentityRetention,
  aksRecap,
  identityErasureDueAt,
  isAksTargetGroup,
  type AksPlace,
  type AksRecap,
  type AuditFacts,
} from '@konvergensi/domain';
import {
  AksAuditRecord,
  AksCaseRecord,
  AksDocumentRecord,
  AksStageRecord,
  AksTeamMemberRecord,
  loadAksRetentionMonths,
  RegionRecord,
  uuidFromKey,
} from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { isUniqueViolation } from '../common/database-errors';
import { forbidden } from '../tenancy/regency-access.service';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';
import { canReadAudit, canRunAudit } from './aks-access';
import { AksCommands } from './aks-commands.service';
import { AksPlanner } from './aks-plan.service';

export const auditNotFound = () =>
  new ApiError(HttpStatus.NOT_FOUND, 'AKS_AUDIT_NOT_FOUND', 'Audit kasus stunting tidak ditemukan.');

export function assertAuditOpen(audit: AksAuditRecord): void {
  if (audit.status === 'completed')
    throw new ApiError(
      HttpStatus.CONFLICT,
      'AKS_AUDIT_COMPLETED',
      'Audit ini sudah selesai dan tidak dapat diubah lagi.',
    );
}

/** Audits: start, read (aggregates only), stage completion, the counts behind it, the facts. */
@Injectable()
export class AksAudits {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
    private readonly planner: AksPlanner,
    private readonly commands: AksCommands,
  ) {}

  async start(
    principal: Principal,
    code: string,
    body: { year: number; semester: number; templateCode: string },
  ): Promise<AksAuditRecord> {
    const regency = await this.regencies.readable(principal, code);
    if (!canRunAudit(principal, regency.code)) throw forbidden();
    const stages = await this.planner.plan(regency, body.templateCode);
    const workflowId = aksAuditWorkflowId(regency.code, body.year, body.semester);
    const repository = this.dataSource.getRepository(AksAuditRecord);
    let audit: AksAuditRecord;
    try {
      // insert, not save: save would update an existing row instead of refusing it.
      await repository.insert({
        // Derived from the workflow id: a retried start after a half-failed one names the same
        // audit the already running workflow writes to.
        id: uuidFromKey(workflowId),
        regencyCode: regency.code,
        year: body.year,
        semester: body.semester,
        templateCode: body.templateCode,
        currentStage: null,
        status: 'running',
        workflowId,
        createdBy: principal.userId,
      });
      audit = await repository.findOneByOrFail({ id: uuidFromKey(workflowId) });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ApiError(
          HttpStatus.CONFLICT,
          'AKS_AUDIT_EXISTS',
          `Audit kasus stunting ${body.year} semester ${body.semester} sudah dimulai.`,
        );
      throw error;
    }
    try {
      await this.commands.start(workflowId, {
        auditId: audit.id,
        regencyCode: regency.code,
        year: body.year,
        semester: body.semester,
        templateCode: body.templateCode,
        stages,
      });
    } catch (error) {
      await repository.delete({ id: audit.id });
      throw error;
    }
    return audit;
  }

  /** The audit of a regency's semester (a repeated start answers it), 404 when there is none. */
  async ofPeriod(principal: Principal, code: string, year: number, semester: number): Promise<AksAuditRecord> {
    const regency = await this.regencies.readable(principal, code);
    const audit = await this.dataSource
      .getRepository(AksAuditRecord)
      .findOneBy({ regencyCode: regency.code, year, semester });
    if (!audit) throw auditNotFound();
    return audit;
  }

  /** Audits of regencies the caller may not read answer 404 like ids that do not exist. */
  async readable(principal: Principal, id: string): Promise<AksAuditRecord> {
    const audit = await this.dataSource.getRepository(AksAuditRecord).findOneBy({ id });
    if (!audit || !canReadAudit(principal, audit.regencyCode)) throw auditNotFound();
    return audit;
  }

  /** 404 when the caller may not read the audit, 403 when they may read but not do this. */
  async allowed(
    principal: Principal,
    id: string,
    allow: (principal: Principal, regencyCode: string) => boolean,
  ): Promise<AksAuditRecord> {
    const audit = await this.readable(principal, id);
    if (!allow(principal, audit.regencyCode)) throw forbidden();
    return audit;
  }

  /** Like `allowed`, for changes: a completed audit is a record and changes no more (409). */
  async writable(
    principal: Principal,
    id: string,
    allow: (principal: Principal, regencyCode: string) => boolean,
  ): Promise<AksAuditRecord> {
    const audit = await this.allowed(principal, id, allow);
    assertAuditOpen(audit);
    return audit;
  }

  async list(principal: Principal, code: string) {
    const regency = await this.regencies.readable(principal, code);
    const audits = await this.dataSource
      .getRepository(AksAuditRecord)
      .find({ where: { regencyCode: regency.code }, order: { year: 'DESC', semester: 'DESC' } });
    // The list reads the records only: asking each running workflow would make the list as slow
    // as the slowest (or an unreachable) worker. The single audit's read adds the live notices.
    return Promise.all(audits.map((a) => this.view(a, { live: false })));
  }

  /** What anyone who may read the regency sees: stages, counts and the recap; no identity. */
  async view(audit: AksAuditRecord, options: { live: boolean } = { live: true }) {
    const stages = await this.dataSource
      .getRepository(AksStageRecord)
      .find({ where: { auditId: audit.id }, order: { stageOrder: 'ASC' } });
    const evidence = await this.evidence(audit);
    const state =
      options.live && audit.workflowId && audit.status === 'running'
        ? await this.commands.state(audit.workflowId)
        : undefined;
    return {
      id: audit.id,
      regencyCode: audit.regencyCode,
      year: audit.year,
      semester: audit.semester,
      templateCode: audit.templateCode,
      status: audit.status,
      currentStage: audit.currentStage,
      reportStatus: audit.reportStatus,
      reportSubmittedAt: audit.reportSubmittedAt?.toISOString() ?? null,
      // From this instant the nightly retention run erases the cases' identities (null: not submitted).
      identityErasureDueAt:
        identityErasureDueAt(
          audit.reportSubmittedAt,
          (await loadAksRetentionMonths(this.dataSource, audit.regencyCode)) ?? aksIdentityRetention.defaultMonths,
        )?.toISOString() ?? null,
      workflowId: audit.workflowId,
      stages: stages.map((s) => ({
        code: s.code,
        order: s.stageOrder,
        title: s.title,
        ownerRole: s.ownerRole,
        status: s.status,
        openedAt: s.openedAt.toISOString(),
        dueAt: s.dueAt.toISOString(),
        completedAt: s.completedAt?.toISOString() ?? null,
        monthsOpen: s.monthsOpen,
      })),
      firedNotices: state?.firedNotices ?? [],
      counts: {
        cases: evidence.cases,
        casesRemeasured: evidence.casesRemeasured,
        casesAnalysed: evidence.casesAnalysed,
        casesSignedOff: evidence.casesSignedOff,
        acceptedRecommendations: evidence.acceptedRecommendations,
        followUpTasks: evidence.recommendationsWithTask,
        technicalMembers: evidence.technicalMembers,
        expertMembers: evidence.expertMembers,
        documents: evidence.documents,
      },
      recap: await this.recap(audit),
    };
  }

  /** The places of a regency as the case rules match them (kecamatan and their kelurahan/desa). */
  async places(regencyCode: string): Promise<{ kecamatan: AksPlace[]; kelurahan: AksPlace[] }> {
    const rows = (await this.dataSource.query(
      `SELECT d.code, d.name, NULL AS parent_code FROM region d WHERE d.parent_code = $1 AND d.level = 'district'
       UNION ALL
       SELECT v.code, v.name, v.parent_code FROM region v JOIN region d ON d.code = v.parent_code
        WHERE d.parent_code = $1 AND d.level = 'district' AND v.level = 'village'
       ORDER BY 1`,
      [regencyCode],
    )) as { code: string; name: string; parent_code: string | null }[];
    return {
      kecamatan: rows.filter((r) => r.parent_code === null).map((r) => ({ code: r.code, name: r.name })),
      kelurahan: rows
        .filter((r) => r.parent_code !== null)
        .map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code ?? undefined })),
    };
  }

  /** 003's recap: cases per kecamatan and target group, from the plain columns (no decryption). */
  async recap(audit: AksAuditRecord): Promise<AksRecap> {
    const { kecamatan } = await this.places(audit.regencyCode);
    const cases = await this.dataSource
      .getRepository(AksCaseRecord)
      .find({ where: { auditId: audit.id }, select: { id: true, districtCode: true, targetGroup: true } });
    const nameOf = new Map(kecamatan.map((k) => [k.code, k.name]));
    return aksRecap(
      cases.flatMap((c) =>
        isAksTargetGroup(c.targetGroup)
          ? [{ kecamatan: nameOf.get(c.districtCode ?? '') ?? 'Tidak diketahui', targetGroup: c.targetGroup }]
          : [],
      ),
      kecamatan.map((k) => k.name),
    );
  }

  /** Counts of what the audit's records hold, for the workflow's stage validator. */
  async evidence(audit: AksAuditRecord): Promise<AksStageEvidence> {
    const [row] = (await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM aks_team_member m WHERE m.audit_id = $1 AND m.team = 'technical')::int AS technical,
         (SELECT count(*) FROM aks_team_member m WHERE m.audit_id = $1 AND m.team = 'expert')::int AS expert,
         (SELECT count(*) FROM aks_team_member m WHERE m.audit_id = $1 AND m.lead)::int AS leads,
         (SELECT count(*) FROM aks_team_member m JOIN app_user u ON u.id = m.user_id
           WHERE m.audit_id = $1 AND NOT (u.active AND u.regency_code = $2 AND EXISTS (
             SELECT 1 FROM role_assignment r WHERE r.user_id = u.id
              AND r.role = CASE m.team WHEN 'technical' THEN 'aks_technical' ELSE 'aks_expert' END)))::int AS without_account,
         (SELECT count(*) FROM aks_case c WHERE c.audit_id = $1)::int AS cases,
         (SELECT count(*) FROM aks_case c WHERE c.audit_id = $1 AND c.remeasurement IS NOT NULL)::int AS remeasured,
         (SELECT count(*) FROM aks_case c WHERE c.audit_id = $1
             AND EXISTS (SELECT 1 FROM aks_finding f WHERE f.case_id = c.id AND f.kind = 'finding')
             AND EXISTS (SELECT 1 FROM aks_finding f WHERE f.case_id = c.id AND f.kind = 'cause')
             AND EXISTS (SELECT 1 FROM aks_recommendation r WHERE r.case_id = c.id))::int AS analysed,
         (SELECT count(*) FROM aks_case c WHERE c.audit_id = $1 AND c.signed_off_at IS NOT NULL)::int AS signed_off,
         (SELECT count(*) FROM aks_recommendation r WHERE r.audit_id = $1 AND r.accepted)::int AS accepted,
         (SELECT count(*) FROM aks_recommendation r WHERE r.audit_id = $1 AND r.accepted
             AND r.follow_up_task_id IS NOT NULL)::int AS with_task,
         (SELECT coalesce(max(s.months_open), 0) FROM aks_stage s WHERE s.audit_id = $1 AND s.status = 'open')::int AS months_open`,
      [audit.id, audit.regencyCode],
    )) as Record<string, number>[];
    const monthsOpen = row?.months_open ?? 0;
    const [monitored] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM aks_case c WHERE c.audit_id = $1
         AND (SELECT count(DISTINCT m.month) FROM aks_monitoring m WHERE m.case_id = c.id AND m.month <= $2) >= $2`,
      [audit.id, monthsOpen],
    )) as { n: number }[];
    const documents = await this.dataSource
      .getRepository(AksDocumentRecord)
      .createQueryBuilder('d')
      .select('DISTINCT d.deliverable_code', 'code')
      .where('d.audit_id = :id', { id: audit.id })
      .getRawMany<{ code: string }>();
    return {
      documents: documents.map((d) => d.code).sort(),
      technicalMembers: row?.technical ?? 0,
      expertMembers: row?.expert ?? 0,
      membersWithoutAccount: row?.without_account ?? 0,
      leads: row?.leads ?? 0,
      cases: row?.cases ?? 0,
      casesRemeasured: row?.remeasured ?? 0,
      casesAnalysed: row?.analysed ?? 0,
      casesSignedOff: row?.signed_off ?? 0,
      acceptedRecommendations: row?.accepted ?? 0,
      recommendationsWithTask: row?.with_task ?? 0,
      casesMonitored: monitored?.n ?? 0,
      monitoringMonthsOpen: monthsOpen,
      reportStatus: audit.reportStatus,
    };
  }

  async completeStage(principal: Principal, audit: AksAuditRecord, stageCode: string, requestId: string) {
    if (!audit.workflowId) throw auditNotFound();
    const evidence = await this.evidence(audit);
    return this.commands.completeStage(audit.workflowId, {
      requestId,
      stageCode,
      actorUserId: principal.userId,
      evidence,
    });
  }

  /** Is the caller the AKS lead of this audit (the roster's technical member flagged lead)? */
  async isLead(principal: Principal, audit: AksAuditRecord): Promise<boolean> {
    return this.dataSource
      .getRepository(AksTeamMemberRecord)
      .existsBy({ auditId: audit.id, userId: principal.userId, lead: true, team: 'technical' });
  }

  /** AuditFacts of a regency for the semester report, from completed stages and follow-up tasks. */
  async facts(principal: Principal, code: string, year: number, semester: number): Promise<AuditFacts> {
    const regency = await this.regencies.readable(principal, code);
    const rows = (await this.dataSource.query(
      `SELECT a.year, a.semester,
              coalesce((SELECT jsonb_agg(DISTINCT m) FROM aks_stage s, jsonb_array_elements_text(s.milestones) m
                         WHERE s.audit_id = a.id AND s.status = 'done'), '[]'::jsonb) AS milestones,
              (SELECT count(*) FROM aks_recommendation r WHERE r.audit_id = a.id AND r.follow_up_task_id IS NOT NULL)::int
                AS follow_up_tasks,
              (EXISTS (SELECT 1 FROM aks_team_member m WHERE m.audit_id = a.id AND m.team = 'technical')
                AND EXISTS (SELECT 1 FROM aks_team_member m WHERE m.audit_id = a.id AND m.team = 'expert')) AS roster
         FROM aks_audit a WHERE a.regency_code = $1 AND a.year = $2`,
      [regency.code, year],
    )) as { year: number; semester: number; milestones: string[]; follow_up_tasks: number; roster: boolean }[];
    return aksAuditFacts(
      rows.map((r) => ({
        year: r.year,
        semester: r.semester,
        milestones: r.milestones,
        followUpTasks: r.follow_up_tasks,
        hasTeamRoster: r.roster,
      })),
      year,
      semester,
    );
  }

  async regencyName(code: string): Promise<string> {
    return (await this.dataSource.getRepository(RegionRecord).findOneBy({ code }))?.name ?? code;
  }
}
