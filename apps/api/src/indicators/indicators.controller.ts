import { Body, Controller, Get, HttpStatus, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { findIndicator } from '@konvergensi/domain';
import { IndicatorValueRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { regencyCodeSchema, yearSchema } from '../common/schemas';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';
import { achievementOf, checkIndicatorEntries, storedInput } from './indicator-entry';

const periodParams = z.strictObject({
  code: regencyCodeSchema,
  year: yearSchema,
  semester: z.enum(['1', '2'], 'semester harus 1 atau 2').transform(Number),
});

const indicatorCode = z.string().trim().min(1).max(120);
/** A count of people or events: a JSON number (the domain rejects negatives and fractions). */
const amount = z.number().max(1e12, 'angka terlalu besar');

const indicatorValuesBody = z.strictObject({
  values: z
    .array(
      z.union([
        z.strictObject({ code: indicatorCode, numerator: amount, denominator: amount }),
        z.strictObject({ code: indicatorCode, answer: z.enum(['Ya', 'Tidak']) }),
        z.strictObject({ code: indicatorCode, count: amount }),
        z.strictObject({ code: indicatorCode, percent: amount }),
      ]),
    )
    .min(1)
    .max(500),
});

const indicatorEditors = ['tpps_secretary', 'opd_officer', 'opd_head'] as const;

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/indicators/:year/:semester')
export class IndicatorsController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
  ) {}

  @Put()
  @ApiBody({ schema: schemaFor(indicatorValuesBody) })
  @ApiOperation({
    summary: 'Submits indicator values of the semester report in bulk (all or nothing)',
    description:
      'Codes as the national form prints them (e.g. `Pilar 3. A7`, `RAN PASTI Operasional 39`); the other printed codes (`Blok 1A Indikator 2`) are accepted as aliases. Each value is checked against the kind of its code.',
  })
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: periodParams }) params: z.infer<typeof periodParams>,
    @Body({ schema: indicatorValuesBody }) body: z.infer<typeof indicatorValuesBody>,
  ) {
    await this.regencies.writable(principal, params.code, indicatorEditors);
    const { accepted, rejected } = checkIndicatorEntries(body.values);
    if (rejected.length > 0) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'INDICATOR_VALUES_INVALID',
        `${rejected.length} nilai indikator tidak valid; tidak ada yang disimpan. ` +
          rejected.map((r) => `${r.code}: ${r.issues.map((i) => i.message).join(' ')}`).join(' '),
        rejected,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      for (const entry of accepted) {
        const input = entry.input;
        await manager
          .createQueryBuilder()
          .insert()
          .into(IndicatorValueRecord)
          .values({
            regencyCode: params.code,
            year: params.year,
            semester: params.semester,
            indicatorCode: entry.primaryCode,
            reportedCode: entry.reportedCode,
            reportedKind: entry.reportedKind,
            numerator: input.kind === 'fraction' ? String(input.numerator) : null,
            denominator: input.kind === 'fraction' ? String(input.denominator) : null,
            countValue: input.kind === 'count' ? String(input.value) : null,
            answer: input.kind === 'yesNo' ? (input.value ? 'Ya' : 'Tidak') : null,
            percentValue: input.kind === 'directPercentage' ? String(input.value) : null,
            submittedBy: principal.userId,
            reviewStatus: 'submitted',
          })
          .orUpdate(
            [
              'reported_code',
              'reported_kind',
              'numerator',
              'denominator',
              'count_value',
              'answer',
              'percent_value',
              'submitted_by',
              'review_status',
              'submitted_at',
            ],
            ['regency_code', 'year', 'semester', 'indicator_code'],
          )
          .execute();
      }
    });
    return this.get(principal, params);
  }

  @Get()
  @ApiOperation({ summary: 'The submitted values of a semester with the computed achievement of each' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: periodParams }) params: z.infer<typeof periodParams>,
  ) {
    await this.regencies.readable(principal, params.code);
    const rows = await this.dataSource.getRepository(IndicatorValueRecord).find({
      where: { regencyCode: params.code, year: params.year, semester: params.semester },
      order: { indicatorCode: 'ASC' },
    });
    return {
      regencyCode: params.code,
      year: params.year,
      semester: params.semester,
      values: rows.map((row) => {
        const indicator = findIndicator(row.indicatorCode)?.indicator;
        return {
          code: row.indicatorCode,
          reportedCode: row.reportedCode,
          name: indicator?.name ?? row.indicatorCode,
          kind: row.reportedKind,
          input: storedInput(row),
          achievement: achievementOf(row),
          nationalTarget: indicator?.nationalTarget?.text ?? null,
          reviewStatus: row.reviewStatus,
          submittedAt: row.submittedAt.toISOString(),
        };
      }),
    };
  }
}
