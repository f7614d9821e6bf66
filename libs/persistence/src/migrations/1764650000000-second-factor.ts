import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second factor (TOTP authenticators, recovery codes, login challenges) and the step-up
 * instant on sessions and on the AKS identity access log (issue 15).
 */
export class SecondFactor1764650000000 implements MigrationInterface {
  name = 'SecondFactor1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_mfa" ("user_id" uuid NOT NULL, "secret_ciphertext" bytea NOT NULL, "enabled_at" TIMESTAMP WITH TIME ZONE, "last_used_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_user_mfa" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mfa_recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_mfa_recovery_code" UNIQUE ("user_id", "code_hash"), CONSTRAINT "pk_mfa_recovery_code" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mfa_challenge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "user_agent" text, "failed_attempts" integer NOT NULL DEFAULT '0', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_mfa_challenge_token_hash" UNIQUE ("token_hash"), CONSTRAINT "pk_mfa_challenge" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_mfa_challenge_user" ON "mfa_challenge" ("user_id")`);
    await queryRunner.query(`ALTER TABLE "aks_identity_access" ADD "step_up_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "auth_session" ADD "step_up_at" TIMESTAMP WITH TIME ZONE`);
    for (const [table, constraint] of [
      ['user_mfa', 'fk_user_mfa_user'],
      ['mfa_recovery_code', 'fk_mfa_recovery_code_user'],
      ['mfa_challenge', 'fk_mfa_challenge_user'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mfa_challenge" DROP CONSTRAINT "fk_mfa_challenge_user"`);
    await queryRunner.query(`ALTER TABLE "mfa_recovery_code" DROP CONSTRAINT "fk_mfa_recovery_code_user"`);
    await queryRunner.query(`ALTER TABLE "user_mfa" DROP CONSTRAINT "fk_user_mfa_user"`);
    await queryRunner.query(`ALTER TABLE "auth_session" DROP COLUMN "step_up_at"`);
    await queryRunner.query(`ALTER TABLE "aks_identity_access" DROP COLUMN "step_up_at"`);
    await queryRunner.query(`DROP INDEX "ix_mfa_challenge_user"`);
    await queryRunner.query(`DROP TABLE "mfa_challenge"`);
    await queryRunner.query(`DROP TABLE "mfa_recovery_code"`);
    await queryRunner.query(`DROP TABLE "user_mfa"`);
  }
}
