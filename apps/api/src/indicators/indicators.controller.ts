import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { findIndicator, notAvailableReasonMaxLength } from '@konvergensi/domain';
import { IndicatorValueRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { nameSchema, regencyCodeSchema, yearSchema } from '../common/schemas';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';
import {
  achievementOf,
  checkIndicatorEntries,
  confirmationNoteMaxLength,
  notAvailableMark,
  storedInput,
} from './indicator-entry';
import { IndicatorPlausibility, plausibilityOf } from './indicator-plausibility.service';
import { storeIndicatorValues } from './indicator-values.store';

export const periodParams = z.strictObject({
  code: regencyCodeSchema,
  year: yearSchema,
  semester: z.enum(['1', '2'], 'semester harus 1 atau 2').transform(Number),
});

const indicatorCode = z.string().trim().min(1).max(120);
/** A count of people or events: a JSON number (the domain rejects negatives and fractions). */
const amount = z.number().max(1e12, 'angka terlalu besar');

/** Why the data is not available; the domain requires one (an empty reason gets a clear 422). */
const notAvailableReason = nameSchema(0, notAvailableReasonMaxLength);

const valueFields = ['numerator', 'denominator', 'count', 'percent', 'answer'] as const;

/**
 * `{"code": …, "count": "NA", "reason": …}` is read as `{"code": …, "notAvailable": true, …}` when
 * every value field it carries is such a mark; a mark beside a number stays a refused string.
 */
function readNotAvailableMarks(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
  const record = entry as Record<string, unknown>;
  const present = valueFields.filter((field) => Object.hasOwn(record, field));
  const isMark = (value: unknown) => typeof value === 'string' && notAvailableMark.test(value.trim());
  if (present.length === 0 || !present.every((field) => isMark(record[field]))) return entry;
  const rest = { ...record };
  for (const field of present) delete rest[field];
  return { ...rest, notAvailable: true };
}

/** The officer's note confirming a value its plausibility warnings question. */
const confirmationNote = nameSchema(1, confirmationNoteMaxLength);
const common = { code: indicatorCode, note: confirmationNote.optional() };

const indicatorValueShapes = z.union([
  z.strictObject({ ...common, numerator: amount, denominator: amount }),
  z.strictObject({ ...common, answer: z.enum(['Ya', 'Tidak']), count: amount.optional() }),
  z.strictObject({ ...common, count: amount }),
  z.strictObject({ ...common, percent: amount }),
  z.strictObject({ ...common, notAvailable: z.literal(true), reason: notAvailableReason.optional() }),
]);
const indicatorValue = z.preprocess(readNotAvailableMarks, indicatorValueShapes);

const indicatorValuesBody = z.strictObject({
  values: z.array(indicatorValue).min(1).max(500),
});

const confirmationBody = z.strictObject({ code: indicatorCode, note: confirmationNote });

export const indicatorEditors = ['tpps_secretary', 'opd_officer', 'opd_head'] as const;

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/indicators/:year/:semester')
export class IndicatorsController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
    private readonly plausibility: IndicatorPlausibility,
  ) {}

  @Put()
  // The preprocessing of NA marks has no JSON Schema: the docs show the shapes it leads to.
  @ApiBody({ schema: schemaFor(z.strictObject({ values: z.array(indicatorValueShapes).min(1).max(500) })) })
  @ApiOperation({
    summary: 'Submits indicator values of the semester report in bulk (all or nothing)',
    description:
      'Codes as the national form prints them (e.g. `Pilar 3. A7`, `RAN PASTI Operasional 39`); the other printed codes (`Blok 1A Indikator 2`) are accepted as aliases. Each value is checked against the kind of its code. A sub-row (`Pilar 1. A3_a`) is stored beside its parent\'s Ya/Tidak, never over it. A Ya/Tidak may carry `count` (times held); a bare `count` on a Ya/Tidak code means Ya when above 0. `{"notAvailable": true, "reason": …}` (or `NA`, `#VALUE!`, `#DIV/0!` in a value field, with `reason`) records "data tidak tersedia". Values that look wrong are stored with `warnings`; an entry\'s `note` confirms them.',
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
    await this.dataSource.transaction((manager) =>
      storeIndicatorValues(
        manager,
        { regencyCode: params.code, year: params.year, semester: params.semester },
        principal.userId,
        accepted,
      ),
    );
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
    const context = await this.plausibility.contextOf(params.code, params.year, params.semester as 1 | 2);
    const values = rows.map((row) => {
      const indicator = findIndicator(row.indicatorCode)?.indicator;
      return {
        code: row.indicatorCode,
        ...(indicator?.parent === undefined ? {} : { parent: indicator.parent }),
        reportedCode: row.reportedCode,
        name: indicator?.name ?? row.indicatorCode,
        kind: row.reportedKind,
        input: storedInput(row),
        achievement: achievementOf(row),
        nationalTarget: indicator?.nationalTarget?.text ?? null,
        ...plausibilityOf(row, context),
        reviewStatus: row.reviewStatus,
        submittedAt: row.submittedAt.toISOString(),
      };
    });
    return {
      regencyCode: params.code,
      year: params.year,
      semester: params.semester,
      needsConfirmation: values.filter((v) => v.needsConfirmation).length,
      values,
    };
  }

  @Post('confirmations')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Confirms a stored value its plausibility warnings question, with a note',
    description:
      'Warnings (a count above the regency’s villages or kecamatan, a numerator above its denominator, a jump from the semester before) never refuse a value; the officer settles them with a note. 404 without a stored value, 409 `NOTHING_TO_CONFIRM` when the value has no warning.',
  })
  async confirm(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: periodParams }) params: z.infer<typeof periodParams>,
    @Body({ schema: confirmationBody }) body: z.infer<typeof confirmationBody>,
  ) {
    await this.regencies.writable(principal, params.code, indicatorEditors);
    const primaryCode = findIndicator(body.code)?.indicator.code ?? body.code;
    const row = await this.dataSource.getRepository(IndicatorValueRecord).findOneBy({
      regencyCode: params.code,
      year: params.year,
      semester: params.semester,
      indicatorCode: primaryCode,
    });
    if (!row) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'INDICATOR_VALUE_NOT_FOUND',
        `Belum ada nilai ${body.code} untuk semester ${params.semester} tahun ${params.year}.`,
      );
    }
    const context = await this.plausibility.contextOf(params.code, params.year, params.semester as 1 | 2);
    if (plausibilityOf(row, context).warnings.length === 0) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'NOTHING_TO_CONFIRM',
        `Nilai ${body.code} tidak memiliki peringatan yang perlu dikonfirmasi.`,
      );
    }
    await this.dataSource
      .getRepository(IndicatorValueRecord)
      .update({ id: row.id }, { confirmationNote: body.note, confirmedBy: principal.userId, confirmedAt: new Date() });
    return this.get(principal, params);
  }
}
