import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { AksActivities, AksStageNoticeKind, AksStagePlan } from '@konvergensi/contracts';
import { formatDateTimeId, type IndonesianTimeZone } from '@konvergensi/domain';
import { enqueueMail, escapeHtml, htmlFrame } from '@konvergensi/notifications';
import { AksAuditRecord, AksStageRecord, RegionRecord } from '@konvergensi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE } from '../tokens';

const subjects: Record<AksStageNoticeKind, (title: string, month?: number) => string> = {
  opened: (title) => `Tahap AKS dimulai: ${title}`,
  reminder: (title) => `Pengingat tahap AKS: ${title}`,
  overdue: (title) => `Tahap AKS terlambat: ${title}`,
  monitoring_month: (title, month) => `Pemantauan AKS bulan ke-${month ?? 0}: ${title}`,
};

/**
 * The AKS workflow's I/O. Keyed writes (one stage row per audit and code, outbox keys per notice and
 * recipient), so a retried activity changes nothing twice. Mails carry the stage, the period and a
 * link: never anything about a case.
 */
@Injectable()
export class AksActivitiesProvider implements AksActivities {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async openAksStage(input: { auditId: string; stage: AksStagePlan; openedAt: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager
        .createQueryBuilder()
        .insert()
        .into(AksStageRecord)
        .values({
          auditId: input.auditId,
          code: input.stage.code,
          stageOrder: input.stage.order,
          title: input.stage.title,
          ownerRole: input.stage.ownerRole,
          milestones: input.stage.milestones,
          status: 'open',
          openedAt: new Date(input.openedAt),
          dueAt: new Date(input.stage.dueAt),
        })
        .orIgnore()
        .returning(['id'])
        .execute()) as { raw: unknown[] };
      await manager
        .getRepository(AksAuditRecord)
        .update({ id: input.auditId }, { currentStage: input.stage.code, status: 'running' });
      if (inserted.raw.length > 0) await this.notify(manager, input.auditId, input.stage.code, 'opened');
    });
  }

  async fireAksStageNotice(input: {
    auditId: string;
    stageCode: string;
    kind: AksStageNoticeKind;
    month?: number;
  }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (input.kind === 'monitoring_month' && input.month !== undefined)
        await manager.query(
          `UPDATE aks_stage SET months_open = GREATEST(months_open, $3) WHERE audit_id = $1 AND code = $2`,
          [input.auditId, input.stageCode, input.month],
        );
      await this.notify(manager, input.auditId, input.stageCode, input.kind, input.month);
    });
  }

  async completeAksStage(input: {
    auditId: string;
    stageCode: string;
    actorUserId: string;
    requestId: string;
  }): Promise<void> {
    await this.dataSource.query(
      `UPDATE aks_stage SET status = 'done', completed_at = now(), completed_by = $3
        WHERE audit_id = $1 AND code = $2 AND status = 'open'`,
      [input.auditId, input.stageCode, input.actorUserId],
    );
  }

  async finishAksAudit(input: { auditId: string }): Promise<void> {
    await this.dataSource
      .getRepository(AksAuditRecord)
      .update({ id: input.auditId }, { status: 'completed', currentStage: null });
  }

  /**
   * The stage owner's people: the TPPS secretary and the AKS technical team of the regency, and the
   * officers of the units the template role of the owner maps to.
   */
  private async notify(
    manager: EntityManager,
    auditId: string,
    stageCode: string,
    kind: AksStageNoticeKind,
    month?: number,
  ): Promise<void> {
    const audit = await manager.getRepository(AksAuditRecord).findOneByOrFail({ id: auditId });
    const stage = await manager.getRepository(AksStageRecord).findOneByOrFail({ auditId, code: stageCode });
    const regency = await manager.getRepository(RegionRecord).findOneByOrFail({ code: audit.regencyCode });
    const recipients = (await manager.query(
      `SELECT DISTINCT u.email FROM app_user u JOIN role_assignment r ON r.user_id = u.id
        WHERE u.regency_code = $1 AND u.active
          AND (r.role IN ('tpps_secretary', 'aks_technical')
               OR (r.role = 'opd_officer' AND u.unit_id IN (
                    SELECT id FROM unit WHERE regency_code = $1 AND active AND $2 = ANY(role_codes))))
        ORDER BY u.email`,
      [audit.regencyCode, stage.ownerRole],
    )) as { email: string }[];
    const timeZone = (regency.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone;
    const due = formatDateTimeId(stage.dueAt, timeZone);
    const link = `${this.config.APP_BASE_URL}/aks/${audit.id}`;
    const subject = subjects[kind](stage.title, month);
    const period = `Audit Kasus Stunting ${regency.name} tahun ${audit.year} semester ${audit.semester}`;
    const lead =
      kind === 'opened'
        ? `Tahap "${stage.title}" pada ${period} telah dimulai dengan batas waktu ${due}.`
        : kind === 'reminder'
          ? `Tahap "${stage.title}" pada ${period} jatuh tempo ${due}. Mohon lengkapi keluarannya.`
          : kind === 'overdue'
            ? `Batas waktu tahap "${stage.title}" pada ${period} (${due}) telah terlewati.`
            : `Bulan ke-${month ?? 0} pemantauan pada ${period} telah berjalan. Catat hasil pemantauan setiap kasus.`;
    const text = `${lead}\n\nRincian kasus hanya dapat dilihat Tim AKS di aplikasi: ${link}\n`;
    const html = htmlFrame(subject, [escapeHtml(lead), 'Rincian kasus hanya dapat dilihat Tim AKS di aplikasi.'], {
      url: link,
      label: 'Buka audit',
    });
    const key = `aks:${audit.id}:${stage.code}:${kind}${month === undefined ? '' : `:${month}`}`;
    for (const { email } of recipients) {
      await enqueueMail(manager, {
        idempotencyKey: `${key}:${email}`,
        to: [email],
        subject,
        text,
        html,
        category: 'aks',
      });
    }
  }
}
