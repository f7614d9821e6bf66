import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual cycle as workflows: the compressed clock of a played year, Aksi 1's village data and
 * lokus list, and Aksi 8's review recommendations carried into the next year.
 */
export class AnnualCycle1764100000000 implements MigrationInterface {
  name = 'AnnualCycle1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "village_situation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "village_code" text NOT NULL, "unit_id" uuid NOT NULL, "prevalence" numeric(6,2), "cases" integer, "coverage" jsonb NOT NULL DEFAULT '{}', "submitted_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_village_situation_cycle_village_unit" UNIQUE ("cycle_id", "village_code", "unit_id"), CONSTRAINT "pk_village_situation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "lokus_village" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "village_code" text NOT NULL, "rank" integer, "basis" jsonb NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'proposed', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_lokus_village_cycle_village" UNIQUE ("cycle_id", "village_code"), CONSTRAINT "ck_lokus_village_status" CHECK ("status" IN ('proposed', 'confirmed', 'removed')), CONSTRAINT "pk_lokus_village" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "review_recommendation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "unit_id" uuid, "text" text NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "carried_from_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_review_recommendation_carried" UNIQUE ("cycle_id", "carried_from_id"), CONSTRAINT "pk_review_recommendation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_review_recommendation_cycle" ON "review_recommendation"  ("cycle_id")`);
    await queryRunner.query(`ALTER TABLE "cycle" ADD "clock" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "village_situation" ADD CONSTRAINT "fk_village_situation_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "village_situation" ADD CONSTRAINT "fk_village_situation_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lokus_village" ADD CONSTRAINT "fk_lokus_village_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_recommendation" ADD CONSTRAINT "fk_review_recommendation_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_recommendation" ADD CONSTRAINT "fk_review_recommendation_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_recommendation" ADD CONSTRAINT "fk_review_recommendation_carried_from" FOREIGN KEY ("carried_from_id") REFERENCES "review_recommendation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "review_recommendation" DROP CONSTRAINT "fk_review_recommendation_carried_from"`,
    );
    await queryRunner.query(`ALTER TABLE "review_recommendation" DROP CONSTRAINT "fk_review_recommendation_unit"`);
    await queryRunner.query(`ALTER TABLE "review_recommendation" DROP CONSTRAINT "fk_review_recommendation_cycle"`);
    await queryRunner.query(`ALTER TABLE "lokus_village" DROP CONSTRAINT "fk_lokus_village_cycle"`);
    await queryRunner.query(`ALTER TABLE "village_situation" DROP CONSTRAINT "fk_village_situation_unit"`);
    await queryRunner.query(`ALTER TABLE "village_situation" DROP CONSTRAINT "fk_village_situation_cycle"`);
    await queryRunner.query(`ALTER TABLE "cycle" DROP COLUMN "clock"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_recommendation_cycle"`);
    await queryRunner.query(`DROP TABLE "review_recommendation"`);
    await queryRunner.query(`DROP TABLE "lokus_village"`);
    await queryRunner.query(`DROP TABLE "village_situation"`);
  }
}
