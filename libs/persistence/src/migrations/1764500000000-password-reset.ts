import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Forgotten-password tokens: hashed, expiring, single use. */
export class PasswordReset1764500000000 implements MigrationInterface {
  name = 'PasswordReset1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_reset_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_password_reset_token" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_password_reset_token_user" ON "password_reset_token" ("user_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_password_reset_token_hash" ON "password_reset_token" ("token_hash")`,
    );
    await queryRunner.query(
      `ALTER TABLE "password_reset_token" ADD CONSTRAINT "fk_password_reset_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset_token" DROP CONSTRAINT "fk_password_reset_token_user"`);
    await queryRunner.query(`DROP INDEX "public"."ux_password_reset_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_password_reset_token_user"`);
    await queryRunner.query(`DROP TABLE "password_reset_token"`);
  }
}
