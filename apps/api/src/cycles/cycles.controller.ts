import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { localDateSchema, regencyCodeSchema, regencyParams, yearSchema } from '../common/schemas';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { CycleLauncher } from './cycle-launcher.service';
import { CycleViews } from './cycle-views.service';
import { IdempotentReplay } from '../idempotency/idempotent-replay';
import { idempotencyHeaderDoc } from '../tasks/task-requests';

const createCycleBody = z.strictObject({
  year: z.number().int().min(2020).max(2100),
  /** Tests and demos only: play the year on the compressed clock from this day. */
  playFrom: localDateSchema.optional(),
});
const cycleParams = z.strictObject({ code: regencyCodeSchema, year: yearSchema });

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/cycles')
export class CyclesController {
  constructor(
    private readonly regencies: RegencyAccess,
    private readonly cycles: CycleViews,
    private readonly launcher: CycleLauncher,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({
    ...idempotencyHeaderDoc,
    required: false,
    description:
      'Recommended: a repeat with the same key and body (after a timeout) answers the cycle it started instead of 409.',
  })
  @ApiBody({ schema: schemaFor(createCycleBody) })
  @ApiOperation({
    summary:
      "Starts the regency's year of the eight actions from the template (TPPS secretary or admin): records and the annualCycleWorkflow",
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Body({ schema: createCycleBody }) body: z.infer<typeof createCycleBody>,
    @IdempotentReplay() replay: boolean,
  ) {
    const regency = await this.regencies.writable(principal, params.code, ['tpps_secretary']);
    // A repeat of the request that started it (same Idempotency-Key and body): the same answer.
    if (replay) return this.read(principal, { code: params.code, year: body.year });
    if (body.playFrom !== undefined && body.playFrom.slice(0, 4) !== String(body.year))
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'PLAY_FROM_OUTSIDE_YEAR',
        `Tanggal mulai pemutaran (${body.playFrom}) harus berada di tahun ${body.year}.`,
      );
    await this.launcher.launch(regency, body.year, principal.userId, body.playFrom);
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
