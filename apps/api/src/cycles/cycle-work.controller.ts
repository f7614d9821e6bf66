import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { findIndicator, kecamatanOf, mainCoverageIndicators, situationAnalysis, villagesOf } from '@konvergensi/domain';
import {
  CycleRecord,
  LokusVillageRecord,
  ReviewRecommendationRecord,
  UnitRecord,
  VillageSituationRecord,
  type RegionRecord,
} from '@konvergensi/persistence';
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { idParams, nameSchema, regencyCodeSchema, unitCodeSchema, yearSchema } from '../common/schemas';
import { canCoordinate, hasRole } from '../tenancy/access-policy';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';

const cycleParams = z.strictObject({ code: regencyCodeSchema, year: yearSchema });
const recommendationParams = cycleParams.extend({ id: idParams.shape.id });
const villageCode = z.string().trim().min(3).max(60);
const percent = z.number().min(0, 'persentase minimal 0').max(100, 'persentase maksimal 100');

const situationBody = z.strictObject({
  /** The secretary may enter a unit's data on its behalf; unit staff always enter their own. */
  unitCode: unitCodeSchema.optional(),
  rows: z
    .array(
      z.strictObject({
        villageCode,
        prevalence: percent.nullable().default(null),
        cases: z.number().int().min(0).max(100_000).nullable().default(null),
        coverage: z.record(z.string().max(40), percent).default({}),
      }),
    )
    .min(1)
    .max(500),
});
const lokusDecisionBody = z
  .strictObject({
    confirm: z.array(villageCode).max(200).default([]),
    remove: z.array(villageCode).max(200).default([]),
    add: z.array(villageCode).max(200).default([]),
  })
  .refine((b) => b.confirm.length + b.remove.length + b.add.length > 0, 'sebutkan desa/kelurahan yang diputuskan');
const recommendationBody = z.strictObject({
  // Carried into next year's Aksi 1 and shown on pages and exports: no markup, no formulas.
  text: nameSchema(5, 2000).refine(
    // With the u flag this matches only unpaired surrogates, which the database would store as U+FFFD.
    (text) => !/[\uD800-\uDFFF]/u.test(text),
    'teks berisi karakter Unicode yang rusak',
  ),
  unitCode: unitCodeSchema.optional(),
});

const mainCoverageCodes = new Set(mainCoverageIndicators.map((i) => i.code));

/**
 * The work of particular actions that is data rather than documents (004): Aksi 1's village data,
 * its analysis and the lokus list the secretary confirms; Aksi 8's review recommendations, whose
 * unresolved ones the next year's cycle carries into Aksi 1.
 */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/cycles/:year')
export class CycleWorkController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
  ) {}

  @Put('village-situation')
  @ApiBody({ schema: schemaFor(situationBody) })
  @ApiOperation({
    summary:
      "Aksi 1: a unit's data per village (prevalence and cases from the health office, coverage of the main indicators of Tabel 1.1); all rows or none",
  })
  async putSituation(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
    @Body({ schema: situationBody }) body: z.infer<typeof situationBody>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    const cycle = await this.cycle(regency, params.year);
    const unit = await this.reportingUnit(principal, regency, body.unitCode);
    const villages = new Set(villagesOf(regency.code).map((v) => v.id));
    const problems: string[] = [];
    const rows = body.rows.map((row, index) => {
      if (!villages.has(row.villageCode))
        problems.push(`baris ${index + 1}: ${row.villageCode} bukan desa/kelurahan ${regency.name}`);
      const coverage: Record<string, number> = {};
      for (const [code, value] of Object.entries(row.coverage)) {
        const indicator = findIndicator(code)?.indicator;
        if (!indicator || !mainCoverageCodes.has(indicator.code))
          problems.push(`baris ${index + 1}: ${code} bukan indikator cakupan utama Tabel 1.1`);
        else coverage[indicator.code] = value;
      }
      if (row.prevalence === null && row.cases === null && Object.keys(coverage).length === 0)
        problems.push(`baris ${index + 1}: tidak ada nilai yang diisi`);
      return { ...row, coverage };
    });
    if (problems.length > 0)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'VILLAGE_DATA_INVALID', `Data desa ditolak: ${problems.join('; ')}.`);
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows) {
        await manager.query(
          `INSERT INTO village_situation (cycle_id, village_code, unit_id, prevalence, cases, coverage, submitted_by)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
           ON CONFLICT ON CONSTRAINT uq_village_situation_cycle_village_unit DO UPDATE
             SET prevalence = EXCLUDED.prevalence, cases = EXCLUDED.cases, coverage = EXCLUDED.coverage,
                 submitted_by = EXCLUDED.submitted_by, updated_at = now()`,
          [
            cycle.id,
            row.villageCode,
            unit.id,
            row.prevalence,
            row.cases,
            JSON.stringify(row.coverage),
            principal.userId,
          ],
        );
      }
    });
    return { unitCode: unit.code, rows: rows.length };
  }

  @Get('situation-analysis')
  @ApiOperation({
    summary: 'Aksi 1: hotspot and focus-village analysis of the village data submitted so far (004 §Aksi 1)',
  })
  async analysis(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    const cycle = await this.cycle(regency, params.year);
    const rows = await this.dataSource.getRepository(VillageSituationRecord).findBy({ cycleId: cycle.id });
    const villages = villagesOf(regency.code);
    const result = situationAnalysis(
      rows.map((r) => ({
        villageCode: r.villageCode,
        prevalence: r.prevalence === null ? null : Number(r.prevalence),
        cases: r.cases,
        coverage: r.coverage,
      })),
      villages.map((v) => v.id),
    );
    const named = (id: string) => this.villageName(regency.code, id);
    return {
      villagesReported: result.villagesReported,
      villagesTotal: result.villagesTotal,
      hotspots: result.hotspots,
      focusVillages: result.focus.selected.map((v, i) => ({ rank: i + 1, ...named(v.id), ...v })),
    };
  }

  @Get('lokus')
  @ApiOperation({ summary: 'Aksi 1: the lokus villages, proposed by the analysis and confirmed by the secretary' })
  async lokus(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    const cycle = await this.cycle(regency, params.year);
    return this.lokusList(regency, cycle);
  }

  @Post('lokus/decision')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(lokusDecisionBody) })
  @ApiOperation({ summary: 'Aksi 1: the TPPS secretary confirms, removes or adds lokus villages' })
  async decideLokus(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
    @Body({ schema: lokusDecisionBody }) body: z.infer<typeof lokusDecisionBody>,
  ) {
    const regency = await this.regencies.writable(principal, params.code, ['tpps_secretary']);
    const cycle = await this.cycle(regency, params.year);
    const villages = new Set(villagesOf(regency.code).map((v) => v.id));
    const unknown = [...body.confirm, ...body.remove, ...body.add].filter((code) => !villages.has(code));
    if (unknown.length > 0)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'VILLAGE_NOT_FOUND',
        `Bukan desa/kelurahan ${regency.name}: ${unknown.join(', ')}.`,
      );
    const proposed = await this.dataSource
      .getRepository(LokusVillageRecord)
      .findBy({ cycleId: cycle.id, villageCode: In([...body.confirm, ...body.remove]) });
    const missing = [...body.confirm, ...body.remove].filter((code) => !proposed.some((p) => p.villageCode === code));
    if (missing.length > 0)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'LOKUS_NOT_PROPOSED',
        `Desa/kelurahan berikut tidak ada dalam usulan lokus (tambahkan dengan "add"): ${missing.join(', ')}.`,
      );
    await this.dataSource.transaction(async (manager) => {
      const decide = (codes: string[], status: 'confirmed' | 'removed') =>
        codes.length === 0
          ? Promise.resolve()
          : manager.query(
              `UPDATE lokus_village SET status = $3, decided_by = $4, decided_at = now()
                WHERE cycle_id = $1 AND village_code = ANY($2)`,
              [cycle.id, codes, status, principal.userId],
            );
      await decide(body.confirm, 'confirmed');
      await decide(body.remove, 'removed');
      for (const code of body.add) {
        await manager.query(
          `INSERT INTO lokus_village (cycle_id, village_code, rank, basis, status, decided_by, decided_at)
           VALUES ($1, $2, NULL, '{"addedBy":"secretary"}'::jsonb, 'confirmed', $3, now())
           ON CONFLICT ON CONSTRAINT uq_lokus_village_cycle_village DO UPDATE
             SET status = 'confirmed', decided_by = EXCLUDED.decided_by, decided_at = now()`,
          [cycle.id, code, principal.userId],
        );
      }
    });
    return this.lokusList(regency, cycle);
  }

  @Get('review-recommendations')
  @ApiOperation({
    summary: "Aksi 8: the annual review's recommendations, with those carried over from last year",
  })
  async recommendations(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    const cycle = await this.cycle(regency, params.year);
    const rows = await this.dataSource
      .getRepository(ReviewRecommendationRecord)
      .find({ where: { cycleId: cycle.id }, order: { createdAt: 'ASC' } });
    const units = await this.dataSource.getRepository(UnitRecord).findBy({ regencyCode: regency.code });
    return {
      items: rows.map((r) => ({
        id: r.id,
        text: r.text,
        unitCode: units.find((u) => u.id === r.unitId)?.code ?? null,
        carriedFromLastYear: r.carriedFromId !== null,
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
      })),
    };
  }

  @Post('review-recommendations')
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ schema: schemaFor(recommendationBody) })
  @ApiOperation({ summary: 'Aksi 8: records a recommendation of the annual review (TPPS secretary)' })
  async recommend(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
    @Body({ schema: recommendationBody }) body: z.infer<typeof recommendationBody>,
  ) {
    const regency = await this.regencies.writable(principal, params.code, ['tpps_secretary']);
    const cycle = await this.cycle(regency, params.year);
    const unit = body.unitCode ? await this.unitOf(regency, body.unitCode) : null;
    const saved = await this.dataSource.getRepository(ReviewRecommendationRecord).save({
      cycleId: cycle.id,
      text: body.text,
      unitId: unit?.id ?? null,
      createdBy: principal.userId,
    });
    return { id: saved.id, text: saved.text, unitCode: unit?.code ?? null, resolvedAt: null };
  }

  @Post('review-recommendations/:id/resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Aksi 8: marks a recommendation resolved, so it is not carried into next year' })
  async resolve(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: recommendationParams }) params: z.infer<typeof recommendationParams>,
  ) {
    const regency = await this.regencies.writable(principal, params.code, ['tpps_secretary']);
    const cycle = await this.cycle(regency, params.year);
    const row = await this.dataSource
      .getRepository(ReviewRecommendationRecord)
      .findOneBy({ id: params.id, cycleId: cycle.id });
    if (!row)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'RECOMMENDATION_NOT_FOUND',
        'Rekomendasi tidak ditemukan pada siklus ini.',
      );
    if (!row.resolvedAt)
      await this.dataSource.getRepository(ReviewRecommendationRecord).update(row.id, { resolvedAt: new Date() });
    return { id: row.id, resolved: true };
  }

  private async cycle(regency: RegionRecord, year: number): Promise<CycleRecord> {
    const cycle = await this.dataSource.getRepository(CycleRecord).findOneBy({ regencyCode: regency.code, year });
    if (!cycle) throw new ApiError(HttpStatus.NOT_FOUND, 'CYCLE_NOT_FOUND', `Belum ada siklus tahun ${year}.`);
    return cycle;
  }

  private async unitOf(regency: RegionRecord, code: string): Promise<UnitRecord> {
    const unit = await this.dataSource
      .getRepository(UnitRecord)
      .findOneBy({ regencyCode: regency.code, code, active: true });
    if (!unit)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'UNIT_NOT_FOUND', `Unit ${code} tidak ada di kabupaten/kota ini.`);
    return unit;
  }

  /** Unit staff report for their own unit; the secretary names the unit. */
  private async reportingUnit(principal: Principal, regency: RegionRecord, unitCode?: string): Promise<UnitRecord> {
    if (canCoordinate(principal, regency.code)) {
      if (!unitCode)
        throw new ApiError(HttpStatus.BAD_REQUEST, 'UNIT_REQUIRED', 'Sebutkan unit (unitCode) yang datanya diisikan.');
      return this.unitOf(regency, unitCode);
    }
    if (!hasRole(principal, 'opd_officer', 'opd_head') || !principal.unitId || principal.regencyCode !== regency.code)
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Hanya petugas unit atau Sekretaris TPPS yang dapat mengisi data desa.',
      );
    const unit = await this.dataSource.getRepository(UnitRecord).findOneByOrFail({ id: principal.unitId });
    if (unitCode && unitCode !== unit.code)
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN_UNIT',
        'Petugas unit hanya dapat mengisi data unitnya sendiri.',
      );
    return unit;
  }

  private villageName(regencyCode: string, id: string) {
    const village = villagesOf(regencyCode).find((v) => v.id === id);
    const district = kecamatanOf(regencyCode).find((k) => k.id === village?.kecamatanId);
    return { villageCode: id, villageName: village?.name ?? id, districtName: district?.name ?? null };
  }

  private async lokusList(regency: RegionRecord, cycle: CycleRecord) {
    const rows = await this.dataSource
      .getRepository(LokusVillageRecord)
      .find({ where: { cycleId: cycle.id }, order: { rank: 'ASC', villageCode: 'ASC' } });
    return {
      confirmed: rows.filter((r) => r.status === 'confirmed').length,
      items: rows.map((r) => ({
        ...this.villageName(regency.code, r.villageCode),
        rank: r.rank,
        status: r.status,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        basis: r.basis,
      })),
    };
  }
}
