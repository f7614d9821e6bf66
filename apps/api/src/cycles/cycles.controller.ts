import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { nationalTemplate, planCycle, type IndonesianTimeZone } from '@konvergensi/domain';
import { ActionRecord, CycleRecord, StageRecord, UnitRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { regencyCodeSchema, regencyParams, yearSchema } from '../common/schemas';
import { isUniqueViolation } from '../common/database-errors';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { CycleViews } from './cycle-views.service';
import { DATA_SOURCE } from '../tokens';

const createCycleBody = z.strictObject({ year: z.number().int().min(2020).max(2100) });
const cycleParams = z.strictObject({ code: regencyCodeSchema, year: yearSchema });

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/cycles')
export class CyclesController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
    private readonly cycles: CycleViews,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ schema: schemaFor(createCycleBody) })
  @ApiOperation({
    summary: "Creates the regency's cycle of the eight actions for a year from the template (TPPS secretary or admin)",
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Body({ schema: createCycleBody }) body: z.infer<typeof createCycleBody>,
  ) {
    const regency = await this.regencies.writable(principal, params.code, ['tpps_secretary']);
    const units = await this.dataSource
      .getRepository(UnitRecord)
      .find({ where: { regencyCode: params.code, active: true }, order: { code: 'ASC' } });
    const plan = planCycle(nationalTemplate, {
      regencyCode: params.code,
      year: body.year,
      timeZone: (regency.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone,
      unitsForRole: (role) => units.filter((u) => u.roleCodes.includes(role)).map((u) => u.code),
    });
    const unitIdByCode = new Map(units.map((u) => [u.code, u.id]));
    const exists = () =>
      new ApiError(
        HttpStatus.CONFLICT,
        'CYCLE_EXISTS',
        `Siklus tahun ${body.year} untuk kabupaten/kota ini sudah ada.`,
      );
    if (await this.dataSource.getRepository(CycleRecord).existsBy({ regencyCode: params.code, year: body.year }))
      throw exists();
    try {
      await this.dataSource.transaction(async (manager) => {
        const cycle = await manager.getRepository(CycleRecord).save({
          regencyCode: params.code,
          year: body.year,
          templateVersion: `${plan.templateId}@${plan.templateVersion}`,
          templateSnapshot: plan as unknown as Record<string, unknown>,
          createdBy: principal.userId,
        });
        for (const action of plan.actions) {
          const actionRow = await manager.getRepository(ActionRecord).save({
            cycleId: cycle.id,
            code: action.code,
            sequence: action.number,
            title: action.title.id,
            responsibleUnitId: action.responsibleUnitCode
              ? (unitIdByCode.get(action.responsibleUnitCode) ?? null)
              : null,
            windowStart: action.window.start,
            windowEnd: action.window.end,
          });
          await manager.getRepository(StageRecord).insert(
            action.stages.map((stage) => ({
              actionId: actionRow.id,
              code: stage.code,
              sequence: stage.order,
              title: stage.title.id,
              ownerUnitId: stage.ownerUnitCode ? (unitIdByCode.get(stage.ownerUnitCode) ?? null) : null,
            })),
          );
        }
      });
    } catch (error) {
      // Two secretaries clicking at once: the unique (regency, year) constraint decides.
      if (isUniqueViolation(error)) throw exists();
      throw error;
    }
    return this.read(principal, { code: params.code, year: body.year });
  }

  @Get(':year')
  @ApiOperation({
    summary: 'The cycle of a year: the eight actions with status (belum mulai/berjalan/terlambat/selesai) and progress',
  })
  async read(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    const view = await this.cycles.view(regency, params.year);
    if (!view) throw new ApiError(HttpStatus.NOT_FOUND, 'CYCLE_NOT_FOUND', `Belum ada siklus tahun ${params.year}.`);
    return view;
  }
}
