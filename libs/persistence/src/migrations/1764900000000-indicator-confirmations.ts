import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plausibility warnings settled by a note (issue 17): a value that looks wrong (30 kelurahan in a
 * regency of 22, coverage above 100%, a jump from the semester before) is stored when sent and
 * confirmed by the officer with a note, who and when. The warnings themselves are computed on
 * read, as the achievement is, because the master data and the semester before may change.
 */
export class IndicatorConfirmations1764900000000 implements MigrationInterface {
  name = 'IndicatorConfirmations1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "indicator_value" ADD "confirmation_note" text, ADD "confirmed_by" uuid, ADD "confirmed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_value" ADD CONSTRAINT "ck_indicator_value_confirmation" CHECK (num_nonnulls("confirmation_note", "confirmed_by", "confirmed_at") IN (0, 3))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Going back would drop what officers wrote to confirm their values: refuse instead.
    const [{ blocking }] = (await queryRunner.query(
      `SELECT count(*)::int AS blocking FROM "indicator_value" WHERE "confirmation_note" IS NOT NULL`,
    )) as [{ blocking: number }];
    if (blocking > 0) {
      throw new Error(
        `${blocking} indicator values carry a confirmation note the previous schema cannot hold; not reverting`,
      );
    }
    await queryRunner.query(`ALTER TABLE "indicator_value" DROP CONSTRAINT "ck_indicator_value_confirmation"`);
    await queryRunner.query(
      `ALTER TABLE "indicator_value" DROP COLUMN "confirmed_at", DROP COLUMN "confirmed_by", DROP COLUMN "confirmation_note"`,
    );
  }
}
