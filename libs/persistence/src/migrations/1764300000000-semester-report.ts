import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The semester report: Aksi 2's planned activities with their integration into RKPD, Renja OPD,
 * KUA-PPAS and RKA, and the lifecycle of a compiled report (snapshot, reviewed, approved, sent).
 */
export class SemesterReport1764300000000 implements MigrationInterface {
  name = 'SemesterReport1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "planned_activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "year" integer NOT NULL, "unit_id" uuid NOT NULL, "name" text NOT NULL, "intervention" text NOT NULL, "target" text NOT NULL, "location" text NOT NULL, "budget" bigint NOT NULL, "funding_source" text NOT NULL, "rkpd_status" text NOT NULL DEFAULT 'belum', "rkpd_reference" text, "renja_status" text NOT NULL DEFAULT 'belum', "renja_reference" text, "kua_ppas_status" text NOT NULL DEFAULT 'belum', "kua_ppas_reference" text, "rka_status" text NOT NULL DEFAULT 'belum', "rka_reference" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_planned_activity_tracking" CHECK ("rkpd_status" IN ('belum', 'diusulkan', 'tercantum') AND "renja_status" IN ('belum', 'diusulkan', 'tercantum') AND "kua_ppas_status" IN ('belum', 'diusulkan', 'tercantum') AND "rka_status" IN ('belum', 'diusulkan', 'tercantum')), CONSTRAINT "ck_planned_activity_budget" CHECK ("budget" >= 0), CONSTRAINT "ck_planned_activity_funding_source" CHECK ("funding_source" IN ('apbd_kabupaten_kota', 'apbd_provinsi', 'apbn', 'dak_fisik', 'dak_non_fisik', 'dana_desa', 'lainnya')), CONSTRAINT "ck_planned_activity_intervention" CHECK ("intervention" IN ('spesifik', 'sensitif')), CONSTRAINT "pk_planned_activity" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_planned_activity_unit" ON "planned_activity" ("unit_id")`);
    await queryRunner.query(`CREATE INDEX "ix_planned_activity_cycle" ON "planned_activity" ("regency_code", "year")`);
    await queryRunner.query(`ALTER TABLE "compiled_report" ADD "snapshot" jsonb`);
    await queryRunner.query(`ALTER TABLE "compiled_report" ADD "lifecycle" text NOT NULL DEFAULT 'compiled'`);
    await queryRunner.query(`ALTER TABLE "compiled_report" ADD "reviewed_by" uuid`);
    await queryRunner.query(`ALTER TABLE "compiled_report" ADD "reviewed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "compiled_report" ADD "approved_by" uuid`);
    await queryRunner.query(`ALTER TABLE "compiled_report" ADD "approved_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "compiled_report" ADD "sent_by" uuid`);
    await queryRunner.query(`ALTER TABLE "compiled_report" ADD "sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_compiled_report_snapshot" ON "compiled_report" ("regency_code", "year", "semester") WHERE "format" = 'json'`,
    );
    await queryRunner.query(
      `ALTER TABLE "compiled_report" ADD CONSTRAINT "ck_compiled_report_lifecycle" CHECK ("lifecycle" IN ('compiled', 'reviewed', 'approved', 'sent'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "planned_activity" ADD CONSTRAINT "fk_planned_activity_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "planned_activity" ADD CONSTRAINT "fk_planned_activity_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "planned_activity" DROP CONSTRAINT "fk_planned_activity_unit"`);
    await queryRunner.query(`ALTER TABLE "planned_activity" DROP CONSTRAINT "fk_planned_activity_regency"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP CONSTRAINT "ck_compiled_report_lifecycle"`);
    await queryRunner.query(`DROP INDEX "public"."ux_compiled_report_snapshot"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP COLUMN "sent_at"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP COLUMN "sent_by"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP COLUMN "approved_at"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP COLUMN "approved_by"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP COLUMN "reviewed_at"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP COLUMN "reviewed_by"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP COLUMN "lifecycle"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP COLUMN "snapshot"`);
    await queryRunner.query(`DROP INDEX "public"."ix_planned_activity_cycle"`);
    await queryRunner.query(`DROP INDEX "public"."ix_planned_activity_unit"`);
    await queryRunner.query(`DROP TABLE "planned_activity"`);
  }
}
