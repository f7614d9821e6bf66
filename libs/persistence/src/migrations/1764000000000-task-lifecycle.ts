import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The task lifecycle: attachments (.ics) and categories on the mail outbox, escalation notices
 * collected for daily digests, and substitutes (delegations) of officers on leave.
 */
export class TaskLifecycle1764000000000 implements MigrationInterface {
  name = 'TaskLifecycle1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "escalation_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idempotency_key" text NOT NULL, "regency_code" text NOT NULL, "task_id" uuid NOT NULL, "recipient_user_id" uuid NOT NULL, "step_kind" text NOT NULL, "level" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "digested_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_escalation_notice" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_escalation_notice_pending" ON "escalation_notice" ("digested_at", "regency_code")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_escalation_notice_key" ON "escalation_notice" ("idempotency_key")`,
    );
    await queryRunner.query(
      `CREATE TABLE "task_delegation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "delegator_user_id" uuid NOT NULL, "substitute_user_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_task_delegation_period" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "pk_task_delegation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_delegation_substitute" ON "task_delegation" ("substitute_user_id", "starts_on", "ends_on")`,
    );
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "attachments" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "category" text`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "task_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_mail_outbox_task" ON "mail_outbox" ("task_id")`);
    await queryRunner.query(
      `ALTER TABLE "escalation_notice" ADD CONSTRAINT "fk_escalation_notice_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "escalation_notice" ADD CONSTRAINT "fk_escalation_notice_recipient" FOREIGN KEY ("recipient_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_delegation" ADD CONSTRAINT "fk_task_delegation_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_delegation" ADD CONSTRAINT "fk_task_delegation_delegator" FOREIGN KEY ("delegator_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_delegation" ADD CONSTRAINT "fk_task_delegation_substitute" FOREIGN KEY ("substitute_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task_delegation" DROP CONSTRAINT "fk_task_delegation_substitute"`);
    await queryRunner.query(`ALTER TABLE "task_delegation" DROP CONSTRAINT "fk_task_delegation_delegator"`);
    await queryRunner.query(`ALTER TABLE "task_delegation" DROP CONSTRAINT "fk_task_delegation_unit"`);
    await queryRunner.query(`ALTER TABLE "escalation_notice" DROP CONSTRAINT "fk_escalation_notice_recipient"`);
    await queryRunner.query(`ALTER TABLE "escalation_notice" DROP CONSTRAINT "fk_escalation_notice_task"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_outbox_task"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "task_id"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "category"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "attachments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_delegation_substitute"`);
    await queryRunner.query(`DROP TABLE "task_delegation"`);
    await queryRunner.query(`DROP INDEX "public"."ux_escalation_notice_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_escalation_notice_pending"`);
    await queryRunner.query(`DROP TABLE "escalation_notice"`);
  }
}
