import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request each Idempotency-Key was first used for (a reuse with another body is refused), and
 * failed logins counted per username whether or not an account has it (a lockout must not tell
 * which accounts exist).
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_failure"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
