import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The AKS workflow's records: stages as the workflow runs them, the team roster (with the AKS lead),
 * stage documents, monthly monitoring; re-measurement and expert sign-off per case; the report's
 * status; one case per NIK hash and audit; the target group `ibu_nifas_menyusui` as the CSV names it.
 */
export class AksAudit1764200000000 implements MigrationInterface {
  name = 'AksAudit1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_aks_case_nik_hash"`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP CONSTRAINT "ck_aks_case_target_group"`);
    await queryRunner.query(
      `ALTER TABLE "aks_case" ADD CONSTRAINT "ck_aks_case_target_group" CHECK ("target_group" IN ('catin', 'ibu_hamil', 'ibu_nifas_menyusui', 'baduta', 'balita'))`,
    );
    await queryRunner.query(
      `CREATE TABLE "aks_stage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "audit_id" uuid NOT NULL, "code" text NOT NULL, "stage_order" integer NOT NULL, "title" text NOT NULL, "owner_role" text NOT NULL, "milestones" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL DEFAULT 'open', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "months_open" integer NOT NULL DEFAULT '0', "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by" uuid, CONSTRAINT "uq_aks_stage_code" UNIQUE ("audit_id", "code"), CONSTRAINT "ck_aks_stage_status" CHECK ("status" IN ('open', 'done')), CONSTRAINT "pk_aks_stage" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "aks_team_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "audit_id" uuid NOT NULL, "user_id" uuid NOT NULL, "team" text NOT NULL, "lead" boolean NOT NULL DEFAULT false, "specialty" text, CONSTRAINT "uq_aks_team_member" UNIQUE ("audit_id", "user_id"), CONSTRAINT "ck_aks_team_member_team" CHECK ("team" IN ('technical', 'expert')), CONSTRAINT "pk_aks_team_member" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "aks_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "audit_id" uuid NOT NULL, "deliverable_code" text NOT NULL, "sha256" text NOT NULL, "original_name" text NOT NULL, "media_type" text NOT NULL, "size_bytes" integer NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_aks_document" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_aks_document_audit" ON "aks_document"("audit_id", "deliverable_code")`);
    await queryRunner.query(
      `CREATE TABLE "aks_monitoring" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "month" smallint NOT NULL, "measurement" jsonb NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_aks_monitoring_month" UNIQUE ("case_id", "month"), CONSTRAINT "ck_aks_monitoring_month" CHECK ("month" BETWEEN 1 AND 12), CONSTRAINT "pk_aks_monitoring" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "aks_audit" ADD "report_status" text NOT NULL DEFAULT 'none'`);
    await queryRunner.query(`ALTER TABLE "aks_audit" ADD "report" jsonb`);
    await queryRunner.query(`ALTER TABLE "aks_audit" ADD "report_updated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "aks_audit" ADD "created_by" uuid`);
    await queryRunner.query(`ALTER TABLE "aks_case" ADD "remeasurement" jsonb`);
    await queryRunner.query(`ALTER TABLE "aks_case" ADD "signed_off_by" uuid`);
    await queryRunner.query(`ALTER TABLE "aks_case" ADD "signed_off_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "aks_case" ADD "created_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "aks_audit" ADD CONSTRAINT "ck_aks_audit_report_status" CHECK ("report_status" IN ('none', 'compiled', 'approved', 'submitted'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_case" ADD CONSTRAINT "uq_aks_case_nik_hash" UNIQUE ("audit_id", "nik_hash")`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_stage" ADD CONSTRAINT "fk_aks_stage_audit" FOREIGN KEY ("audit_id") REFERENCES "aks_audit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_team_member" ADD CONSTRAINT "fk_aks_team_member_audit" FOREIGN KEY ("audit_id") REFERENCES "aks_audit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_team_member" ADD CONSTRAINT "fk_aks_team_member_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_document" ADD CONSTRAINT "fk_aks_document_audit" FOREIGN KEY ("audit_id") REFERENCES "aks_audit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_document" ADD CONSTRAINT "fk_aks_document_blob" FOREIGN KEY ("sha256") REFERENCES "evidence_blob"("sha256") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_monitoring" ADD CONSTRAINT "fk_aks_monitoring_case" FOREIGN KEY ("case_id") REFERENCES "aks_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "aks_monitoring" DROP CONSTRAINT "fk_aks_monitoring_case"`);
    await queryRunner.query(`ALTER TABLE "aks_document" DROP CONSTRAINT "fk_aks_document_blob"`);
    await queryRunner.query(`ALTER TABLE "aks_document" DROP CONSTRAINT "fk_aks_document_audit"`);
    await queryRunner.query(`ALTER TABLE "aks_team_member" DROP CONSTRAINT "fk_aks_team_member_user"`);
    await queryRunner.query(`ALTER TABLE "aks_team_member" DROP CONSTRAINT "fk_aks_team_member_audit"`);
    await queryRunner.query(`ALTER TABLE "aks_stage" DROP CONSTRAINT "fk_aks_stage_audit"`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP CONSTRAINT "uq_aks_case_nik_hash"`);
    await queryRunner.query(`ALTER TABLE "aks_audit" DROP CONSTRAINT "ck_aks_audit_report_status"`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP COLUMN "signed_off_at"`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP COLUMN "signed_off_by"`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP COLUMN "remeasurement"`);
    await queryRunner.query(`ALTER TABLE "aks_audit" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "aks_audit" DROP COLUMN "report_updated_at"`);
    await queryRunner.query(`ALTER TABLE "aks_audit" DROP COLUMN "report"`);
    await queryRunner.query(`ALTER TABLE "aks_audit" DROP COLUMN "report_status"`);
    await queryRunner.query(`DROP TABLE "aks_monitoring"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aks_document_audit"`);
    await queryRunner.query(`DROP TABLE "aks_document"`);
    await queryRunner.query(`DROP TABLE "aks_team_member"`);
    await queryRunner.query(`DROP TABLE "aks_stage"`);
    await queryRunner.query(`CREATE INDEX "ix_aks_case_nik_hash" ON "aks_case" ("audit_id", "nik_hash")`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP CONSTRAINT "ck_aks_case_target_group"`);
    await queryRunner.query(
      `ALTER TABLE "aks_case" ADD CONSTRAINT "ck_aks_case_target_group" CHECK ("target_group" IN ('catin', 'ibu_hamil', 'ibu_nifas', 'baduta', 'balita'))`,
    );
  }
}
