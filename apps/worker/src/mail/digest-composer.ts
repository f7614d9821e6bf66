import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { IndonesianTimeZone } from '@konvergensi/domain';
import { enqueueMail, renderEscalationDigest, renderUnitDigest } from '@konvergensi/notifications';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE } from '../tokens';

interface PendingNotice {
  id: string;
  recipient_user_id: string;
  email: string;
  regency_code: string;
  regency_name: string;
  time_zone: IndonesianTimeZone;
  local_date: string;
  task_id: string;
  title: string;
  unit_name: string;
  due_at: Date;
  level: number;
}

interface UnitDue {
  unit_id: string;
  unit_name: string;
  unit_email: string | null;
  regency_code: string;
  time_zone: IndonesianTimeZone;
  local_date: string;
}

/** Defaults when a regency never saved escalation settings (see libs/domain escalation ladder). */
const settingsJoin = `
  JOIN region r ON r.code = REGENCY
  LEFT JOIN escalation_setting es ON es.regency_code = r.code`;
const digestTimePassed = `(now() AT TIME ZONE COALESCE(r.time_zone, 'Asia/Jakarta'))::time >= COALESCE(es.digest_time, '07:00')::time`;
const localDate = `to_char((now() AT TIME ZONE COALESCE(r.time_zone, 'Asia/Jakarta'))::date, 'YYYY-MM-DD')`;

/**
 * Once a day per regency, at its digest time: one mail per head or TPPS officer with every
 * escalation that reached them since their last digest, and one mail per unit with its open and
 * overdue tasks. Keys per person (or unit) and local date make each at most once a day.
 */
@Injectable()
export class DigestComposer {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async composeDue(): Promise<number> {
    return (await this.composeEscalationDigests()) + (await this.composeUnitDigests());
  }

  private async composeEscalationDigests(): Promise<number> {
    const pending = (await this.dataSource.query(
      `SELECT n.id, n.recipient_user_id, u.email, r.code AS regency_code, r.name AS regency_name,
              COALESCE(r.time_zone, 'Asia/Jakarta') AS time_zone, ${localDate} AS local_date,
              t.id AS task_id, t.title, un.name AS unit_name, t.due_at, n.level
         FROM escalation_notice n
         JOIN app_user u ON u.id = n.recipient_user_id
         JOIN task t ON t.id = n.task_id
         JOIN unit un ON un.id = t.assignee_unit_id
         ${settingsJoin.replace('REGENCY', 'n.regency_code')}
        WHERE n.digested_at IS NULL AND ${digestTimePassed}
          AND NOT EXISTS (SELECT 1 FROM mail_outbox m
                           WHERE m.idempotency_key = 'digest:' || n.recipient_user_id || ':' || ${localDate})
        ORDER BY n.recipient_user_id, n.created_at`,
    )) as PendingNotice[];
    const byRecipient = new Map<string, PendingNotice[]>();
    for (const notice of pending)
      byRecipient.set(notice.recipient_user_id, [...(byRecipient.get(notice.recipient_user_id) ?? []), notice]);
    for (const [recipientId, notices] of byRecipient) {
      const first = notices[0] as PendingNotice;
      const mail = renderEscalationDigest(
        notices.map((n) => ({
          taskTitle: n.title,
          unitName: n.unit_name,
          dueAt: new Date(n.due_at),
          level: n.level,
          taskUrl: `${this.config.APP_BASE_URL}/tugas/${n.task_id}`,
        })),
        { regencyName: first.regency_name, date: first.local_date, timeZone: first.time_zone },
      );
      await this.dataSource.transaction(async (manager) => {
        await enqueueMail(manager, {
          idempotencyKey: `digest:${recipientId}:${first.local_date}`,
          to: [first.email],
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          category: 'escalation_digest',
        });
        await manager.query(`UPDATE escalation_notice SET digested_at = now() WHERE id = ANY($1::uuid[])`, [
          notices.map((n) => n.id),
        ]);
      });
    }
    return byRecipient.size;
  }

  private async composeUnitDigests(): Promise<number> {
    const units = (await this.dataSource.query(
      `SELECT DISTINCT un.id AS unit_id, un.name AS unit_name, un.email AS unit_email, r.code AS regency_code,
              COALESCE(r.time_zone, 'Asia/Jakarta') AS time_zone, ${localDate} AS local_date
         FROM unit un
         JOIN task t ON t.assignee_unit_id = un.id AND t.status IN ('open', 'returned')
         ${settingsJoin.replace('REGENCY', 'un.regency_code')}
        WHERE COALESCE(es.unit_digest_enabled, true) AND un.email IS NOT NULL AND ${digestTimePassed}
          AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.idempotency_key = 'unit-digest:' || un.id || ':' || ${localDate})`,
    )) as UnitDue[];
    for (const unit of units) {
      const tasks = (await this.dataSource.query(
        `SELECT id, title, due_at, due_at < now() AS overdue FROM task
          WHERE assignee_unit_id = $1 AND status IN ('open', 'returned') ORDER BY overdue DESC, due_at ASC LIMIT 100`,
        [unit.unit_id],
      )) as { id: string; title: string; due_at: Date; overdue: boolean }[];
      const mail = renderUnitDigest(
        tasks.map((t) => ({
          taskTitle: t.title,
          dueAt: new Date(t.due_at),
          overdue: t.overdue,
          taskUrl: `${this.config.APP_BASE_URL}/tugas/${t.id}`,
        })),
        { unitName: unit.unit_name, date: unit.local_date, timeZone: unit.time_zone },
      );
      await enqueueMail(this.dataSource, {
        idempotencyKey: `unit-digest:${unit.unit_id}:${unit.local_date}`,
        to: [unit.unit_email as string],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        category: 'unit_digest',
      });
    }
    return units.length;
  }
}
