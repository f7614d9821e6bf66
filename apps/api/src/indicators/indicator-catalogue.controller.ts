import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  semesterCollectionPlan,
  semesterReportIndicators,
  subRowsOf,
  type Indicator,
  type IndicatorBlock,
  type IndicatorKind,
} from '@konvergensi/domain';
import { UnitRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { DATA_SOURCE } from '../tokens';

const catalogueQuery = z.strictObject({
  semester: z.enum(['1', '2'], 'semester harus 1 atau 2').transform(Number).optional(),
  unit: z.enum(['me'], 'unit hanya dapat bernilai "me"').optional(),
});

export interface CatalogueIndicator {
  code: string;
  aliases: readonly string[];
  name: string;
  kind: IndicatorKind;
  block: IndicatorBlock;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  responsibleRole: string;
  nationalTarget: string | null;
  /** Filled from workflow facts (AKS); never typed in. */
  derived: boolean;
  /** The rows the form prints beneath this one (`Pilar 1. A3_a`), entered beside its answer. */
  subRows: CatalogueSubRow[];
}

export interface CatalogueSubRow {
  code: string;
  name: string;
  kind: IndicatorKind;
}

/** One report indicator as the entry form needs it: the kind and block under its primary code. */
export function catalogueEntry(indicator: Indicator): CatalogueIndicator {
  const primary = indicator.codes.find((c) => c.code === indicator.code) ?? indicator.codes[0];
  return {
    code: indicator.code,
    aliases: indicator.aliases,
    name: indicator.name,
    kind: indicator.kind,
    block: primary?.block ?? '1A',
    numeratorLabel: indicator.numeratorLabel ?? null,
    denominatorLabel: indicator.denominatorLabel ?? null,
    responsibleRole: indicator.responsible.value,
    nationalTarget: indicator.nationalTarget?.text ?? null,
    derived: indicator.derived !== undefined,
    subRows: subRowsOf(indicator.code).map((row) => ({ code: row.code, name: row.name, kind: row.kind })),
  };
}

/**
 * The semester report's indicators (blocks 1–3) for the entry form: any logged-in user may read
 * the national catalogue. `unit=me` narrows it to what the caller's unit answers for, by the same
 * collection plan the semester data-collection tasks use (units and role mapping from the DB).
 */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('api/v1/indicators')
export class IndicatorCatalogueController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get('catalogue')
  @ApiOperation({
    summary: 'The report indicators of blocks 1–3 with kind, block, labels and responsible role',
    description:
      '`unit=me` keeps the indicators the caller’s unit answers for in the semester collection (empty without a unit); derived (AKS) indicators are flagged and never asked of a unit.',
  })
  async catalogue(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: catalogueQuery }) query: z.infer<typeof catalogueQuery>,
  ) {
    const all = semesterReportIndicators();
    if (query.unit !== 'me') {
      return { semester: query.semester ?? null, unit: null, indicators: all.map(catalogueEntry) };
    }
    const own =
      principal.unitId && principal.regencyCode
        ? await this.dataSource.getRepository(UnitRecord).findOneBy({ id: principal.unitId, active: true })
        : null;
    if (!own) return { semester: query.semester ?? null, unit: null, indicators: [] };
    const units = await this.dataSource
      .getRepository(UnitRecord)
      .find({ where: { regencyCode: own.regencyCode, active: true }, order: { code: 'ASC' } });
    const plan = semesterCollectionPlan(units.map((u) => ({ code: u.code, name: u.name, roles: u.roleCodes })));
    const codes = new Set(plan.units.find((u) => u.unitCode === own.code)?.indicatorCodes ?? []);
    return {
      semester: query.semester ?? null,
      unit: { code: own.code, name: own.name },
      indicators: all.filter((i) => codes.has(i.code)).map(catalogueEntry),
    };
  }
}
