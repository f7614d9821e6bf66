import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The records of the system: regions, units and their role mapping, users and roles, refresh
 * tokens, regency settings, cycles with actions and stages, tasks and their event trail,
 * submissions with evidence, indicator values, AKS audits and cases, compiled reports.
 * Generated from the entities, then reviewed; `test/migrations.e2e.spec.ts` checks they match.
 */
export class RecordsAndIdentity1763900000000 implements MigrationInterface {
  name = 'RecordsAndIdentity1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "region" ("code" text NOT NULL, "level" text NOT NULL, "name" text NOT NULL, "kind" text, "parent_code" text, "bps_code" text, "time_zone" text, "family_count" integer, CONSTRAINT "ck_region_level" CHECK ("level" IN ('province', 'regency', 'district', 'village')), CONSTRAINT "pk_region" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_region_parent" ON "region" ("parent_code")`);
    await queryRunner.query(
      `CREATE TABLE "unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "role_codes" text array NOT NULL DEFAULT '{}', "email" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_unit_regency_code" UNIQUE ("regency_code", "code"), CONSTRAINT "pk_unit" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_unit_regency" ON "unit" ("regency_code")`);
    await queryRunner.query(
      `CREATE TABLE "cycle" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "year" integer NOT NULL, "template_version" text NOT NULL, "template_snapshot" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'not_started', "workflow_id" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_cycle_regency_year" UNIQUE ("regency_code", "year"), CONSTRAINT "ck_cycle_status" CHECK ("status" IN ('not_started', 'in_progress', 'late', 'done')), CONSTRAINT "pk_cycle" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cycle_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "code" text NOT NULL, "sequence" integer NOT NULL, "title" text NOT NULL, "responsible_unit_id" uuid, "status" text NOT NULL DEFAULT 'not_started', "window_start" date NOT NULL, "window_end" date NOT NULL, CONSTRAINT "uq_cycle_action_code" UNIQUE ("cycle_id", "code"), CONSTRAINT "ck_cycle_action_status" CHECK ("status" IN ('not_started', 'in_progress', 'late', 'done')), CONSTRAINT "pk_cycle_action" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "action_stage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "code" text NOT NULL, "sequence" integer NOT NULL, "title" text NOT NULL, "owner_unit_id" uuid, "status" text NOT NULL DEFAULT 'not_started', "due_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_action_stage_code" UNIQUE ("action_id", "code"), CONSTRAINT "ck_action_stage_status" CHECK ("status" IN ('not_started', 'in_progress', 'late', 'done')), CONSTRAINT "pk_action_stage" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "kind" text NOT NULL, "cycle_id" uuid, "stage_id" uuid, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "assignee_unit_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'open', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "escalation_level" integer NOT NULL DEFAULT '0', "deliverables" jsonb NOT NULL DEFAULT '[]', "workflow_id" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_task_workflow_id" UNIQUE ("workflow_id"), CONSTRAINT "ck_task_escalation_level" CHECK ("escalation_level" BETWEEN 0 AND 4), CONSTRAINT "ck_task_kind" CHECK ("kind" IN ('cycle', 'ad_hoc', 'aks_follow_up')), CONSTRAINT "ck_task_status" CHECK ("status" IN ('open', 'submitted', 'approved', 'returned', 'cancelled', 'reassigned')), CONSTRAINT "pk_task" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_task_stage" ON "task" ("stage_id")`);
    await queryRunner.query(`CREATE INDEX "ix_task_regency_dashboard" ON "task" ("regency_code", "status", "due_at")`);
    await queryRunner.query(`CREATE INDEX "ix_task_inbox" ON "task" ("assignee_unit_id", "status", "due_at")`);
    await queryRunner.query(
      `CREATE TABLE "task_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "kind" text NOT NULL, "actor_user_id" uuid, "on_behalf_of_user_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "idempotency_key" text, CONSTRAINT "uq_task_event_idempotency" UNIQUE ("task_id", "idempotency_key"), CONSTRAINT "pk_task_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_task_event_task" ON "task_event" ("task_id", "occurred_at")`);
    await queryRunner.query(
      `CREATE TABLE "aks_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "year" integer NOT NULL, "semester" smallint NOT NULL, "template_code" text NOT NULL, "current_stage" text, "status" text NOT NULL DEFAULT 'not_started', "workflow_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_aks_audit_period" UNIQUE ("regency_code", "year", "semester"), CONSTRAINT "ck_aks_audit_semester" CHECK ("semester" IN (1, 2)), CONSTRAINT "pk_aks_audit" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "aks_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "audit_id" uuid NOT NULL, "target_group" text NOT NULL, "district_code" text, "village_code" text, "identity_ciphertext" bytea NOT NULL, "nik_hash" text, "measurement" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_aks_case_target_group" CHECK ("target_group" IN ('catin', 'ibu_hamil', 'ibu_nifas', 'baduta', 'balita')), CONSTRAINT "pk_aks_case" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_aks_case_nik_hash" ON "aks_case" ("audit_id", "nik_hash")`);
    await queryRunner.query(`CREATE INDEX "ix_aks_case_audit" ON "aks_case" ("audit_id")`);
    await queryRunner.query(
      `CREATE TABLE "aks_finding" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "text" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_aks_finding_kind" CHECK ("kind" IN ('finding', 'cause')), CONSTRAINT "pk_aks_finding" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_aks_finding_case" ON "aks_finding" ("case_id")`);
    await queryRunner.query(
      `CREATE TABLE "aks_recommendation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "audit_id" uuid NOT NULL, "case_id" uuid, "text" text NOT NULL, "unit_id" uuid, "accepted" boolean NOT NULL DEFAULT false, "follow_up_task_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_aks_recommendation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_aks_recommendation_audit" ON "aks_recommendation" ("audit_id")`);
    await queryRunner.query(
      `CREATE TABLE "aks_identity_access" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "accessed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_aks_identity_access" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aks_identity_access_case" ON "aks_identity_access" ("case_id", "accessed_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "compiled_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "year" integer NOT NULL, "semester" smallint NOT NULL, "format" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "content" bytea, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_compiled_report_status" CHECK ("status" IN ('pending', 'ready', 'failed')), CONSTRAINT "ck_compiled_report_format" CHECK ("format" IN ('xlsx', 'pdf', 'json')), CONSTRAINT "pk_compiled_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_compiled_report_period" ON "compiled_report" ("regency_code", "year", "semester")`,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence_blob" ("sha256" text NOT NULL, "content" bytea NOT NULL, "size_bytes" integer NOT NULL, CONSTRAINT "pk_evidence_blob" PRIMARY KEY ("sha256"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "submission" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "submitted_by" uuid NOT NULL, "note" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_submission" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_submission_task" ON "submission" ("task_id")`);
    await queryRunner.query(
      `CREATE TABLE "evidence_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "task_id" uuid NOT NULL, "submission_id" uuid, "sha256" text NOT NULL, "original_name" text NOT NULL, "media_type" text NOT NULL, "size_bytes" integer NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_evidence_file" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_evidence_file_task" ON "evidence_file" ("task_id")`);
    await queryRunner.query(
      `CREATE TABLE "indicator_value" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "year" integer NOT NULL, "semester" smallint NOT NULL, "indicator_code" text NOT NULL, "numerator" numeric, "denominator" numeric, "count_value" numeric, "answer" text, "percent_value" numeric, "reported_kind" text NOT NULL, "reported_code" text NOT NULL, "submitted_by" uuid NOT NULL, "review_status" text NOT NULL DEFAULT 'submitted', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_indicator_value_period" UNIQUE ("regency_code", "year", "semester", "indicator_code"), CONSTRAINT "ck_indicator_value_review" CHECK ("review_status" IN ('submitted', 'approved', 'returned')), CONSTRAINT "ck_indicator_value_kind" CHECK ("reported_kind" IN ('yesNo', 'count', 'percentage', 'ratePerThousand', 'directPercentage')), CONSTRAINT "ck_indicator_value_answer" CHECK ("answer" IN ('Ya', 'Tidak')), CONSTRAINT "ck_indicator_value_semester" CHECK ("semester" IN (1, 2)), CONSTRAINT "pk_indicator_value" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "holiday_override" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "date" date NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, CONSTRAINT "uq_holiday_override_regency_date" UNIQUE ("regency_code", "date"), CONSTRAINT "ck_holiday_override_kind" CHECK ("kind" IN ('holiday', 'working_day')), CONSTRAINT "pk_holiday_override" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "escalation_setting" ("regency_code" text NOT NULL, "ladder" jsonb NOT NULL, "escalation_delivery" text NOT NULL DEFAULT 'digest', "digest_time" text NOT NULL DEFAULT '07:00', "unit_digest_enabled" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_escalation_setting_delivery" CHECK ("escalation_delivery" IN ('digest', 'immediate')), CONSTRAINT "pk_escalation_setting" PRIMARY KEY ("regency_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "display_name" text NOT NULL, "email" text NOT NULL, "password_hash" text NOT NULL, "regency_code" text, "province_code" text, "unit_id" uuid, "active" boolean NOT NULL DEFAULT true, "failed_login_count" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_app_user" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_app_user_regency" ON "app_user" ("regency_code")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_app_user_username" ON "app_user" ("username")`);
    await queryRunner.query(
      `CREATE TABLE "role_assignment" ("user_id" uuid NOT NULL, "role" text NOT NULL, CONSTRAINT "ck_role_assignment_role" CHECK ("role" IN ('system_admin', 'tpps_chair', 'tpps_secretary', 'opd_officer', 'opd_head', 'aks_technical', 'aks_expert', 'province_viewer')), CONSTRAINT "pk_role_assignment" PRIMARY KEY ("user_id", "role"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_refresh_token" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_user" ON "refresh_token" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_refresh_token_hash" ON "refresh_token" ("token_hash")`);
    await queryRunner.query(
      `ALTER TABLE "region" ADD CONSTRAINT "fk_region_parent" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit" ADD CONSTRAINT "fk_unit_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cycle" ADD CONSTRAINT "fk_cycle_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cycle_action" ADD CONSTRAINT "fk_cycle_action_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cycle_action" ADD CONSTRAINT "fk_cycle_action_unit" FOREIGN KEY ("responsible_unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_stage" ADD CONSTRAINT "fk_action_stage_action" FOREIGN KEY ("action_id") REFERENCES "cycle_action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_stage" ADD CONSTRAINT "fk_action_stage_owner" FOREIGN KEY ("owner_unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_stage" FOREIGN KEY ("stage_id") REFERENCES "action_stage"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_assignee_unit" FOREIGN KEY ("assignee_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_event" ADD CONSTRAINT "fk_task_event_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_audit" ADD CONSTRAINT "fk_aks_audit_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_case" ADD CONSTRAINT "fk_aks_case_audit" FOREIGN KEY ("audit_id") REFERENCES "aks_audit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_finding" ADD CONSTRAINT "fk_aks_finding_case" FOREIGN KEY ("case_id") REFERENCES "aks_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_recommendation" ADD CONSTRAINT "fk_aks_recommendation_audit" FOREIGN KEY ("audit_id") REFERENCES "aks_audit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_recommendation" ADD CONSTRAINT "fk_aks_recommendation_case" FOREIGN KEY ("case_id") REFERENCES "aks_case"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_recommendation" ADD CONSTRAINT "fk_aks_recommendation_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_recommendation" ADD CONSTRAINT "fk_aks_recommendation_task" FOREIGN KEY ("follow_up_task_id") REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aks_identity_access" ADD CONSTRAINT "fk_aks_identity_access_case" FOREIGN KEY ("case_id") REFERENCES "aks_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "compiled_report" ADD CONSTRAINT "fk_compiled_report_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "submission" ADD CONSTRAINT "fk_submission_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_file" ADD CONSTRAINT "fk_evidence_file_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_file" ADD CONSTRAINT "fk_evidence_file_submission" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_file" ADD CONSTRAINT "fk_evidence_file_blob" FOREIGN KEY ("sha256") REFERENCES "evidence_blob"("sha256") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_value" ADD CONSTRAINT "fk_indicator_value_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "holiday_override" ADD CONSTRAINT "fk_holiday_override_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "escalation_setting" ADD CONSTRAINT "fk_escalation_setting_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_province" FOREIGN KEY ("province_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_assignment" ADD CONSTRAINT "fk_role_assignment_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "fk_refresh_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "fk_refresh_token_user"`);
    await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "fk_role_assignment_user"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_unit"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_province"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_regency"`);
    await queryRunner.query(`ALTER TABLE "escalation_setting" DROP CONSTRAINT "fk_escalation_setting_regency"`);
    await queryRunner.query(`ALTER TABLE "holiday_override" DROP CONSTRAINT "fk_holiday_override_regency"`);
    await queryRunner.query(`ALTER TABLE "indicator_value" DROP CONSTRAINT "fk_indicator_value_regency"`);
    await queryRunner.query(`ALTER TABLE "evidence_file" DROP CONSTRAINT "fk_evidence_file_blob"`);
    await queryRunner.query(`ALTER TABLE "evidence_file" DROP CONSTRAINT "fk_evidence_file_submission"`);
    await queryRunner.query(`ALTER TABLE "evidence_file" DROP CONSTRAINT "fk_evidence_file_task"`);
    await queryRunner.query(`ALTER TABLE "submission" DROP CONSTRAINT "fk_submission_task"`);
    await queryRunner.query(`ALTER TABLE "compiled_report" DROP CONSTRAINT "fk_compiled_report_regency"`);
    await queryRunner.query(`ALTER TABLE "aks_identity_access" DROP CONSTRAINT "fk_aks_identity_access_case"`);
    await queryRunner.query(`ALTER TABLE "aks_recommendation" DROP CONSTRAINT "fk_aks_recommendation_task"`);
    await queryRunner.query(`ALTER TABLE "aks_recommendation" DROP CONSTRAINT "fk_aks_recommendation_unit"`);
    await queryRunner.query(`ALTER TABLE "aks_recommendation" DROP CONSTRAINT "fk_aks_recommendation_case"`);
    await queryRunner.query(`ALTER TABLE "aks_recommendation" DROP CONSTRAINT "fk_aks_recommendation_audit"`);
    await queryRunner.query(`ALTER TABLE "aks_finding" DROP CONSTRAINT "fk_aks_finding_case"`);
    await queryRunner.query(`ALTER TABLE "aks_case" DROP CONSTRAINT "fk_aks_case_audit"`);
    await queryRunner.query(`ALTER TABLE "aks_audit" DROP CONSTRAINT "fk_aks_audit_regency"`);
    await queryRunner.query(`ALTER TABLE "task_event" DROP CONSTRAINT "fk_task_event_task"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_assignee_unit"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_stage"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_cycle"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_regency"`);
    await queryRunner.query(`ALTER TABLE "action_stage" DROP CONSTRAINT "fk_action_stage_owner"`);
    await queryRunner.query(`ALTER TABLE "action_stage" DROP CONSTRAINT "fk_action_stage_action"`);
    await queryRunner.query(`ALTER TABLE "cycle_action" DROP CONSTRAINT "fk_cycle_action_unit"`);
    await queryRunner.query(`ALTER TABLE "cycle_action" DROP CONSTRAINT "fk_cycle_action_cycle"`);
    await queryRunner.query(`ALTER TABLE "cycle" DROP CONSTRAINT "fk_cycle_regency"`);
    await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "fk_unit_regency"`);
    await queryRunner.query(`ALTER TABLE "region" DROP CONSTRAINT "fk_region_parent"`);
    await queryRunner.query(`DROP INDEX "public"."ux_refresh_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_user"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP TABLE "role_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."ux_app_user_username"`);
    await queryRunner.query(`DROP INDEX "public"."ix_app_user_regency"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "escalation_setting"`);
    await queryRunner.query(`DROP TABLE "holiday_override"`);
    await queryRunner.query(`DROP TABLE "indicator_value"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_file_task"`);
    await queryRunner.query(`DROP TABLE "evidence_file"`);
    await queryRunner.query(`DROP INDEX "public"."ix_submission_task"`);
    await queryRunner.query(`DROP TABLE "submission"`);
    await queryRunner.query(`DROP TABLE "evidence_blob"`);
    await queryRunner.query(`DROP INDEX "public"."ix_compiled_report_period"`);
    await queryRunner.query(`DROP TABLE "compiled_report"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aks_identity_access_case"`);
    await queryRunner.query(`DROP TABLE "aks_identity_access"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aks_recommendation_audit"`);
    await queryRunner.query(`DROP TABLE "aks_recommendation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aks_finding_case"`);
    await queryRunner.query(`DROP TABLE "aks_finding"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aks_case_audit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aks_case_nik_hash"`);
    await queryRunner.query(`DROP TABLE "aks_case"`);
    await queryRunner.query(`DROP TABLE "aks_audit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_event_task"`);
    await queryRunner.query(`DROP TABLE "task_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_inbox"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_regency_dashboard"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_stage"`);
    await queryRunner.query(`DROP TABLE "task"`);
    await queryRunner.query(`DROP TABLE "action_stage"`);
    await queryRunner.query(`DROP TABLE "cycle_action"`);
    await queryRunner.query(`DROP TABLE "cycle"`);
    await queryRunner.query(`DROP INDEX "public"."ix_unit_regency"`);
    await queryRunner.query(`DROP TABLE "unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_region_parent"`);
    await queryRunner.query(`DROP TABLE "region"`);
  }
}
