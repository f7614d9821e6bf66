import type { DataSource, EntityManager } from 'typeorm';
import { AksRetentionSettingRecord } from '../entities/aks.entity';

/** The regency's own retention period of AKS identities in months, or null (libs/domain's default applies). */
export async function loadAksRetentionMonths(
  db: DataSource | EntityManager,
  regencyCode: string,
): Promise<number | null> {
  const setting = await db.getRepository(AksRetentionSettingRecord).findOneBy({ regencyCode });
  return setting?.retentionMonths ?? null;
}

/**
 * Erases, in one statement, the identity of every case of the regency whose audit report was
 * submitted at or before `submittedBy`, and writes one dated erasure record per case. Only cases
 * that still hold an identity are touched, so running it twice (a retried activity, a schedule
 * fired twice) erases and records nothing the second time.
 */
export async function eraseAksIdentitiesSubmittedBy(
  db: DataSource | EntityManager,
  input: { regencyCode: string; submittedBy: Date; erasedAt: Date; fields: readonly string[]; note: string },
): Promise<{ erasedCases: number; audits: number }> {
  const rows = (await db.query(
    `WITH due AS (
       SELECT c.id, c.audit_id FROM aks_case c JOIN aks_audit a ON a.id = c.audit_id
        WHERE a.regency_code = $1 AND a.report_submitted_at IS NOT NULL AND a.report_submitted_at <= $2
          AND c.identity_ciphertext IS NOT NULL
        FOR UPDATE OF c
     ), erased AS (
       UPDATE aks_case c SET identity_ciphertext = NULL, nik_hash = NULL, identity_erased_at = $3
         FROM due WHERE c.id = due.id AND c.identity_ciphertext IS NOT NULL
       RETURNING c.id, c.audit_id
     )
     INSERT INTO aks_identity_erasure (audit_id, case_id, reason, fields, note, erased_at)
     SELECT audit_id, id, 'retention', $4::text[], $5, $3 FROM erased
     ON CONFLICT (case_id) DO NOTHING
     RETURNING audit_id`,
    [input.regencyCode, input.submittedBy, input.erasedAt, [...input.fields], input.note],
  )) as { audit_id: string }[];
  return { erasedCases: rows.length, audits: new Set(rows.map((r) => r.audit_id)).size };
}
