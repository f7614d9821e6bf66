import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request each Idempotency-Key was first used for (a reuse with another body is refused);
 * failed logins counted per username whether or not an account has it (a lockout must not tell
 * which accounts exist); and each login session with its start and last activity (idle and
 * absolute limits, a list of one's own sessions).
 */
export class RequestSafety1764600000000 implements MigrationInterface {
  name = 'RequestSafety1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("scope" text NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_idempotency_key" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "login_failure" ("username" text NOT NULL, "failed_count" integer NOT NULL DEFAULT 0, "locked_until" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_login_failure" PRIMARY KEY ("username"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("family_id" uuid NOT NULL, "user_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, "ended_reason" text, "user_agent" text, CONSTRAINT "pk_auth_session" PRIMARY KEY ("family_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_auth_session_user" ON "auth_session" ("user_id")`);
    await queryRunner.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "fk_auth_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "fk_auth_session_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_auth_session_user"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP TABLE "login_failure"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
