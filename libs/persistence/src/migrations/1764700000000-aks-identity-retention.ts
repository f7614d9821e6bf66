import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of AKS identities (UU PDP): an erased case keeps its aggregates but neither its
 * ciphertext nor its NIK hash; a dated erasure record per case; the report's submission instant
 * that starts the period; each regency's period (issue 15).
 */
export class AksIdentityRetention1764700000000 implements MigrationInterface {
  name = 'AksIdentityRetention1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "aks_audit" ADD "report_submitted_at" TIMESTAMP WITH TIME ZONE`);
    // Reports submitted before this column existed: their last change was the submission.
    await queryRunner.query(
      `UPDATE "aks_audit" SET "report_submitted_at" = "report_updated_at" WHERE "report_status" = 'submitted'`,
    );
    await queryRunner.query(`ALTER TABLE "aks_case" ALTER COLUMN "identity_ciphertext" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "aks_case" ADD "identity_erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "aks_case" ADD CONSTRAINT "ck_aks_case_identity_erased" CHECK (("identity_ciphertext" IS NULL) = ("identity_erased_at" IS NOT NULL) AND ("identity_erased_at" IS NULL OR "nik_hash" IS NULL))`,
    );
    await queryRunner.query(
      `CREATE TABLE "aks_identity_erasure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "audit_id" uuid NOT NULL, "case_id" uuid NOT NULL, "reason" text NOT NULL, "fields" text array NOT NULL, "erased_by" uuid, "note" text NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_aks_identity_erasure_case" UNIQUE ("case_id"), CONSTRAINT "ck_aks_identity_erasure_reason" CHECK ("reason" IN ('retention', 'data_subject_request')), CONSTRAINT "pk_aks_identity_erasure" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aks_identity_erasure_audit" ON "aks_identity_erasure" ("audit_id", "erased_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_identity_erasure" ADD CONSTRAINT "fk_aks_identity_erasure_audit" FOREIGN KEY ("audit_id") REFERENCES "aks_audit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_identity_erasure" ADD CONSTRAINT "fk_aks_identity_erasure_case" FOREIGN KEY ("case_id") REFERENCES "aks_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "aks_retention_setting" ("regency_code" text NOT NULL, "retention_months" smallint NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_aks_retention_setting_months" CHECK ("retention_months" BETWEEN 1 AND 120), CONSTRAINT "pk_aks_retention_setting" PRIMARY KEY ("regency_code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_retention_setting" ADD CONSTRAINT "fk_aks_retention_setting_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // An erased identity cannot come back, and the old schema requires one on every case: going
    // back would mean deleting those cases, so it is refused instead.
    const erased = (await queryRunner.query(
      `SELECT count(*)::int AS n FROM "aks_case" WHERE "identity_ciphertext" IS NULL`,
    )) as { n: number }[];
    if ((erased[0]?.n ?? 0) > 0)
      throw new Error(`${erased[0]?.n} AKS cases have erased identities; this migration cannot be reverted`);
    await queryRunner.query(`ALTER TABLE "aks_retention_setting" DROP CONSTRAINT "fk_aks_retention_setting_regency"`);
    await queryRunner.query(`DROP TABLE "aks_retention_setting"`);
    await queryRunner.query(`ALTER TABLE "aks_identity_erasure" DROP CONSTRAINT "fk_aks_identity_erasure_case"`);
    await queryRunner.query(`ALTER TABLE "aks_identity_erasure" DROP CONSTRAINT "fk_aks_identity_erasure_audit"`);
    await queryRunner.query(`DROP INDEX "ix_aks_identity_erasure_audit"`);
    await queryRunner.query(`DROP TABLE "aks_identity_erasure"`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP CONSTRAINT "ck_aks_case_identity_erased"`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP COLUMN "identity_erased_at"`);
    await queryRunner.query(`ALTER TABLE "aks_case" ALTER COLUMN "identity_ciphertext" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "aks_audit" DROP COLUMN "report_submitted_at"`);
  }
}
