import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { aksDocumentCodes, aksStageRequirements } from '@konvergensi/domain';
import {
  AksAuditRecord,
  AksDocumentRecord,
  AksRecommendationRecord,
  AksStageRecord,
  AksTeamMemberRecord,
  EvidenceBlobRecord,
  RegionRecord,
  TaskRecord,
  UnitRecord,
  UserRecord,
  uuidFromKey,
} from '@konvergensi/persistence';
import { In, type DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { isUniqueViolation } from '../common/database-errors';
import type { ReceivedEvidence } from '../evidence/evidence-upload';
import { TaskCommands } from '../tasks/task-commands.service';
import { TaskScheduler } from '../tasks/task-scheduler.service';
import { DATA_SOURCE } from '../tokens';
import { AksAudits } from './aks-audits.service';
import { findAksTemplate } from './aks-plan.service';
import { UploadQuota } from '../evidence/upload-quota';

export interface TeamMemberInput {
  username: string;
  team: 'technical' | 'expert';
  lead: boolean;
  specialty?: string | undefined;
}

export interface FollowUpItem {
  recommendationId: string;
  unitCode: string;
  dueDate: string;
}

/** The outputs of the stages other than cases: roster, documents, the follow-up plan, the report. */
@Injectable()
export class AksStageWork {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audits: AksAudits,
    private readonly scheduler: TaskScheduler,
    private readonly tasks: TaskCommands,
    private readonly quota: UploadQuota,
  ) {}

  /** Replaces the roster. Each member is an active account of the regency with the team's AKS role. */
  async setTeam(audit: AksAuditRecord, members: TeamMemberInput[]) {
    if (members.filter((m) => m.lead).length !== 1 || members.some((m) => m.lead && m.team !== 'technical'))
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_LEAD_INVALID',
        'Tetapkan tepat satu ketua (lead), dari anggota Tim Teknis.',
      );
    const users = await this.dataSource
      .getRepository(UserRecord)
      .find({ where: { username: In(members.map((m) => m.username)), regencyCode: audit.regencyCode, active: true } });
    const roles = (await this.dataSource.query(`SELECT user_id, role FROM role_assignment WHERE user_id = ANY($1)`, [
      users.map((u) => u.id),
    ])) as { user_id: string; role: string }[];
    const problems: string[] = [];
    const rows = members.flatMap((m) => {
      const user = users.find((u) => u.username === m.username);
      const needed = m.team === 'technical' ? 'aks_technical' : 'aks_expert';
      if (!user || !roles.some((r) => r.user_id === user.id && r.role === needed)) {
        problems.push(
          `${m.username} bukan akun aktif kabupaten/kota ini dengan peran ${m.team === 'technical' ? 'Tim Teknis AKS' : 'Tim Pakar AKS'}.`,
        );
        return [];
      }
      return [{ auditId: audit.id, userId: user.id, team: m.team, lead: m.lead, specialty: m.specialty ?? null }];
    });
    if (problems.length > 0) throw new ApiError(HttpStatus.BAD_REQUEST, 'AKS_TEAM_INVALID', problems.join(' '));
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AksTeamMemberRecord).delete({ auditId: audit.id });
      await manager.getRepository(AksTeamMemberRecord).insert(rows);
    });
    return this.team(audit);
  }

  async team(audit: AksAuditRecord) {
    const rows = (await this.dataSource.query(
      `SELECT u.username, u.display_name, m.team, m.lead, m.specialty
         FROM aks_team_member m JOIN app_user u ON u.id = m.user_id WHERE m.audit_id = $1 ORDER BY m.team DESC, u.username`,
      [audit.id],
    )) as { username: string; display_name: string; team: string; lead: boolean; specialty: string | null }[];
    return rows.map((r) => ({
      username: r.username,
      displayName: r.display_name,
      team: r.team,
      lead: r.lead,
      specialty: r.specialty,
    }));
  }

  /** The document deliverable codes of the audit's template (those its stages ask to be uploaded). */
  documentCodes(audit: AksAuditRecord): string[] {
    const template = findAksTemplate(audit.templateCode);
    return (template?.stages ?? []).flatMap((stage) =>
      aksDocumentCodes(
        aksStageRequirements(stage.deliverables.map((d) => ({ code: d.code, kind: d.kind, title: d.title.id }))),
      ),
    );
  }

  checkDocumentCode(audit: AksAuditRecord, code: string): void {
    const codes = this.documentCodes(audit);
    if (!codes.includes(code))
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_DOCUMENT_CODE_UNKNOWN',
        `Dokumen ${code} tidak ada pada templat ${audit.templateCode}. Pilih salah satu: ${codes.join(', ')}.`,
      );
  }

  async storeDocument(audit: AksAuditRecord, principal: Principal, code: string, file: ReceivedEvidence) {
    const record = await this.dataSource.transaction(async (manager) => {
      await this.quota.ensureRoom(manager, audit.regencyCode, file.sizeBytes);
      await manager
        .createQueryBuilder()
        .insert()
        .into(EvidenceBlobRecord)
        .values({ sha256: file.sha256, content: file.content, sizeBytes: file.sizeBytes })
        .orIgnore()
        .execute();
      return manager.getRepository(AksDocumentRecord).save(
        manager.getRepository(AksDocumentRecord).create({
          auditId: audit.id,
          deliverableCode: code,
          sha256: file.sha256,
          originalName: file.originalName.slice(0, 255),
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          uploadedBy: principal.userId,
        }),
      );
    });
    return this.presentDocument(record);
  }

  presentDocument(d: AksDocumentRecord) {
    return {
      id: d.id,
      deliverableCode: d.deliverableCode,
      originalName: d.originalName,
      mediaType: d.mediaType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      uploadedAt: d.uploadedAt.toISOString(),
    };
  }

  async documents(audit: AksAuditRecord) {
    const rows = await this.dataSource
      .getRepository(AksDocumentRecord)
      .find({ where: { auditId: audit.id }, order: { uploadedAt: 'ASC' } });
    return rows.map((d) => this.presentDocument(d));
  }

  async recommendations(audit: AksAuditRecord) {
    const rows = await this.dataSource
      .getRepository(AksRecommendationRecord)
      .find({ where: { auditId: audit.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      text: r.text,
      accepted: r.accepted,
      unitId: r.unitId,
      followUpTaskId: r.followUpTaskId,
    }));
  }

  /**
   * The RTL: each accepted recommendation becomes an `aks_follow_up` task for a unit, started on the
   * same path as an ad-hoc task (TaskScheduler for the due instant and the regency's ladder,
   * TaskCommands to record it and start its taskWorkflow). Everything is checked before the first
   * task starts; the task id derives from the recommendation, so a repeated request starts none twice.
   */
  async followUpPlan(audit: AksAuditRecord, principal: Principal, items: FollowUpItem[]) {
    const regency = await this.dataSource.getRepository(RegionRecord).findOneByOrFail({ code: audit.regencyCode });
    const recommendations = await this.dataSource
      .getRepository(AksRecommendationRecord)
      .findBy({ auditId: audit.id, id: In(items.map((i) => i.recommendationId)) });
    const units = await this.dataSource
      .getRepository(UnitRecord)
      .findBy({ regencyCode: audit.regencyCode, code: In(items.map((i) => i.unitCode)), active: true });
    const planned = [];
    for (const item of items) {
      const recommendation = recommendations.find((r) => r.id === item.recommendationId);
      if (!recommendation)
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'AKS_RECOMMENDATION_NOT_FOUND',
          `Rekomendasi ${item.recommendationId} tidak ada pada audit ini.`,
        );
      const unit = units.find((u) => u.code === item.unitCode);
      if (!unit)
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'UNIT_NOT_FOUND',
          `Unit ${item.unitCode} tidak ada di kabupaten/kota ini.`,
        );
      const schedule = await this.scheduler.scheduleFor(regency, item.dueDate);
      planned.push({ recommendation, unit, schedule });
    }
    for (const { recommendation, unit, schedule } of planned) {
      if (recommendation.followUpTaskId) continue;
      const taskId = uuidFromKey(`aks-follow-up:${recommendation.id}`);
      const exists = await this.dataSource.getRepository(TaskRecord).existsBy({ id: taskId });
      if (!exists) {
        try {
          await this.tasks.start({
            taskId,
            regencyCode: audit.regencyCode,
            kind: 'aks_follow_up',
            // Titles travel in mails: codes only, never anything about the case.
            title: `Tindak lanjut AKS ${audit.year} semester ${audit.semester} (rekomendasi ${recommendation.id.slice(0, 8)})`,
            description: `Rencana Tindak Lanjut Audit Kasus Stunting:\n${recommendation.text}`,
            deliverables: [{ kind: 'document', title: 'Laporan pelaksanaan tindak lanjut' }],
            assigneeUnitId: unit.id,
            schedule,
            createdBy: principal.userId,
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      await this.dataSource
        .getRepository(AksRecommendationRecord)
        .update({ id: recommendation.id }, { accepted: true, unitId: unit.id, followUpTaskId: taskId });
    }
    return this.recommendations(audit);
  }

  /** Compiles the report from the stages: aggregates only (recap, counts, stages, follow-up tasks). */
  async compileReport(audit: AksAuditRecord) {
    if (audit.reportStatus === 'approved' || audit.reportStatus === 'submitted')
      throw new ApiError(
        HttpStatus.CONFLICT,
        'AKS_REPORT_STATE',
        'Laporan yang sudah disetujui tidak dapat disusun ulang.',
      );
    const view = await this.audits.view(audit);
    const tasks = (await this.dataSource.query(
      `SELECT t.id, t.status, t.due_at, t.escalation_level, u.code AS unit_code, u.name AS unit_name
         FROM aks_recommendation r JOIN task t ON t.id = r.follow_up_task_id JOIN unit u ON u.id = t.assignee_unit_id
        WHERE r.audit_id = $1 ORDER BY t.due_at, t.id`,
      [audit.id],
    )) as {
      id: string;
      status: string;
      due_at: Date;
      escalation_level: number;
      unit_code: string;
      unit_name: string;
    }[];
    const report = {
      compiledAt: new Date().toISOString(),
      regency: { code: audit.regencyCode, name: await this.audits.regencyName(audit.regencyCode) },
      year: audit.year,
      semester: audit.semester,
      templateCode: audit.templateCode,
      stages: view.stages,
      counts: view.counts,
      recap: view.recap,
      followUpTasks: tasks.map((t) => ({
        taskId: t.id,
        status: t.status,
        dueAt: new Date(t.due_at).toISOString(),
        escalationLevel: t.escalation_level,
        unitCode: t.unit_code,
        unitName: t.unit_name,
      })),
    };
    await this.dataSource
      .getRepository(AksAuditRecord)
      .update({ id: audit.id }, { report, reportStatus: 'compiled', reportUpdatedAt: new Date() });
    return { reportStatus: 'compiled', report };
  }

  async moveReport(audit: AksAuditRecord, from: AksAuditRecord['reportStatus'], to: AksAuditRecord['reportStatus']) {
    if (audit.reportStatus === to) return { reportStatus: to, report: audit.report };
    if (audit.reportStatus !== from)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'AKS_REPORT_STATE',
        to === 'approved'
          ? 'Laporan AKS harus disusun sebelum disetujui.'
          : 'Laporan AKS harus disetujui Ketua TPPS sebelum dikirim.',
      );
    await this.dataSource.getRepository(AksAuditRecord).update(
      { id: audit.id, reportStatus: from },
      // The submission starts the retention period of the audit's identities.
      {
        reportStatus: to,
        reportUpdatedAt: new Date(),
        ...(to === 'submitted' ? { reportSubmittedAt: new Date() } : {}),
      },
    );
    return { reportStatus: to, report: audit.report };
  }

  async stageRows(audit: AksAuditRecord) {
    return this.dataSource.getRepository(AksStageRecord).find({ where: { auditId: audit.id } });
  }
}
