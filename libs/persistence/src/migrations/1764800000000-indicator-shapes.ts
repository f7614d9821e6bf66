import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indicator values as the forms are filled (issue 17): a sub-row (`Pilar 1. A3_a`) is stored under
 * its own code instead of replacing its parent's Ya/Tidak; Ya may carry a count of times; "data
 * tidak tersedia" carries a reason; one shape per row.
 *
 * Rows a sub-row once overwrote keep the sub-row's value and move to the sub-row's code (the
 * parent's earlier answer was already lost and cannot be recovered here). The sub-row codes are
 * the catalogue's at the time of writing, frozen as a migration must be.
 */
const subRowCodes = ['Pilar 1. A3_a', 'Pilar 1. A3_b', 'Pilar 2. C1_b'];

const shape = `CASE WHEN "not_available_reason" IS NOT NULL THEN num_nonnulls("answer", "count_value", "numerator", "denominator", "percent_value") = 0 WHEN "answer" IS NOT NULL THEN num_nonnulls("numerator", "denominator", "percent_value") = 0 ELSE num_nonnulls("count_value", "percent_value", "numerator") = 1 AND ("numerator" IS NULL) = ("denominator" IS NULL) END`;

export class IndicatorShapes1764800000000 implements MigrationInterface {
  name = 'IndicatorShapes1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator_value" ADD "not_available_reason" text`);
    await queryRunner.query(
      `UPDATE "indicator_value" SET "indicator_code" = "reported_code" WHERE "reported_code" = ANY($1) AND "indicator_code" <> "reported_code"`,
      [subRowCodes],
    );
    await queryRunner.query(`ALTER TABLE "indicator_value" ADD CONSTRAINT "ck_indicator_value_shape" CHECK (${shape})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Going back would lose a reason, a Ya's count or a parent's answer: refuse instead.
    const [{ blocking }] = (await queryRunner.query(
      `SELECT count(*)::int AS blocking FROM "indicator_value"
        WHERE "not_available_reason" IS NOT NULL OR ("answer" IS NOT NULL AND "count_value" IS NOT NULL)
           OR "indicator_code" = ANY($1)`,
      [subRowCodes],
    )) as [{ blocking: number }];
    if (blocking > 0) {
      throw new Error(
        `${blocking} indicator values use shapes the previous schema cannot hold (NA with a reason, Ya with a count, sub-rows); not reverting`,
      );
    }
    await queryRunner.query(`ALTER TABLE "indicator_value" DROP CONSTRAINT "ck_indicator_value_shape"`);
    await queryRunner.query(`ALTER TABLE "indicator_value" DROP COLUMN "not_available_reason"`);
  }
}
