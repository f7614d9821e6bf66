import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The walking skeleton's tables: pipe checks and the mail outbox. */
export class Init1763800000000 implements MigrationInterface {
  name = 'Init1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pipe_check" (
        "id" uuid NOT NULL,
        "workflow_id" text NOT NULL,
        "status" text NOT NULL,
        "mail_message_id" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz,
        CONSTRAINT "pk_pipe_check" PRIMARY KEY ("id"),
        CONSTRAINT "ck_pipe_check_status" CHECK ("status" IN ('started', 'recorded', 'completed'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "mail_outbox" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "idempotency_key" text NOT NULL,
        "recipients" text[] NOT NULL,
        "subject" text NOT NULL,
        "body_text" text NOT NULL,
        "body_html" text,
        "message_id" text NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mail_outbox" PRIMARY KEY ("id"),
        CONSTRAINT "ck_mail_outbox_status" CHECK ("status" IN ('pending', 'sent', 'failed'))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_mail_outbox_idempotency_key" ON "mail_outbox" ("idempotency_key")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_mail_outbox_pending" ON "mail_outbox" ("status", "next_attempt_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`DROP TABLE "pipe_check"`);
  }
}
