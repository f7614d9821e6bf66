import { Controller, Get, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { regencyCodeSchema, yearSchema } from '../common/schemas';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { CycleStatusReader } from './cycle-status.service';

const statusParams = z.strictObject({ code: regencyCodeSchema, year: yearSchema });

/** Where a regency's year stands: what TPPS leadership and the province read. */
@ApiTags('status')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/cycles/:year/status')
export class StatusController {
  constructor(
    private readonly regencies: RegencyAccess,
    private readonly status: CycleStatusReader,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Status of the year: per action status and share of stages done, blockers of late stages, overdue tasks and on-time rate by unit, indicator achievement, focus villages, portal milestones',
  })
  async read(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: statusParams }) params: z.infer<typeof statusParams>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    const view = await this.status.read(regency, params.year);
    if (!view) throw new ApiError(HttpStatus.NOT_FOUND, 'CYCLE_NOT_FOUND', `Belum ada siklus tahun ${params.year}.`);
    return view;
  }
}
