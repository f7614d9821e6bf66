import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status reporting and the national portal: the Aksi Bangda milestones of each action, and the
 * final grades a province sets in its yearly performance assessment of a regency.
 */
export class StatusPortal1764400000000 implements MigrationInterface {
  name = 'StatusPortal1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "portal_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "milestone" text NOT NULL, "reached_on" date NOT NULL, "note" text NOT NULL DEFAULT '', "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_portal_milestone_action" UNIQUE ("action_id", "milestone"), CONSTRAINT "ck_portal_milestone_code" CHECK ("milestone" IN ('data_entered', 'documents_uploaded', 'verified_by_bappeda', 'reviewed_by_province')), CONSTRAINT "pk_portal_milestone" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "rubric_grade" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regency_code" text NOT NULL, "year" integer NOT NULL, "rubric_id" text NOT NULL, "indicator_code" text NOT NULL, "grade" text NOT NULL, "note" text NOT NULL DEFAULT '', "graded_by" uuid NOT NULL, "graded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_rubric_grade_indicator" UNIQUE ("regency_code", "year", "indicator_code"), CONSTRAINT "ck_rubric_grade_grade" CHECK ("grade" IN ('A', 'B', 'C', 'D')), CONSTRAINT "pk_rubric_grade" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "portal_milestone" ADD CONSTRAINT "fk_portal_milestone_action" FOREIGN KEY ("action_id") REFERENCES "cycle_action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "portal_milestone" ADD CONSTRAINT "fk_portal_milestone_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rubric_grade" ADD CONSTRAINT "fk_rubric_grade_regency" FOREIGN KEY ("regency_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rubric_grade" ADD CONSTRAINT "fk_rubric_grade_graded_by" FOREIGN KEY ("graded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rubric_grade" DROP CONSTRAINT "fk_rubric_grade_graded_by"`);
    await queryRunner.query(`ALTER TABLE "rubric_grade" DROP CONSTRAINT "fk_rubric_grade_regency"`);
    await queryRunner.query(`ALTER TABLE "portal_milestone" DROP CONSTRAINT "fk_portal_milestone_recorded_by"`);
    await queryRunner.query(`ALTER TABLE "portal_milestone" DROP CONSTRAINT "fk_portal_milestone_action"`);
    await queryRunner.query(`DROP TABLE "rubric_grade"`);
    await queryRunner.query(`DROP TABLE "portal_milestone"`);
  }
}
