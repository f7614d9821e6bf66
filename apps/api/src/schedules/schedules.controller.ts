import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { scheduleKinds } from '@konvergensi/contracts';
import { z } from 'zod';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { schemaFor } from '../common/openapi';
import { regencyCodeSchema, regencyParams } from '../common/schemas';
import { reasonSchema } from '../status/note-schema';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { RegencySchedules } from './regency-schedules.service';

const scheduleParams = z.strictObject({ code: regencyCodeSchema, kind: z.enum(scheduleKinds) });
// The reason is shown to admins beside the schedule: no control or invisible characters (noteSchema).
const noteBody = z.strictObject({
  note: reasonSchema,
});

/** The regency's Temporal Schedules: year start and semester data collection (admin). */
@ApiTags('schedules')
@ApiBearerAuth()
@AllowRoles('system_admin')
@Controller('api/v1/regencies/:code/schedules')
export class SchedulesController {
  constructor(
    private readonly regencies: RegencyAccess,
    private readonly schedules: RegencySchedules,
  ) {}

  @Get()
  @ApiOperation({ summary: "The regency's schedules (year start, semester collection): paused or not, next runs" })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
  ) {
    return { items: await this.schedules.list(await this.regencies.readable(principal, params.code)) };
  }

  @Post(':kind/pause')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(noteBody) })
  @ApiOperation({ summary: 'Pauses a schedule with a reason (admin)' })
  async pause(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: scheduleParams }) params: z.infer<typeof scheduleParams>,
    @Body({ schema: noteBody }) body: z.infer<typeof noteBody>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    return this.schedules.pause(regency, params.kind, body.note);
  }

  @Post(':kind/resume')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(noteBody) })
  @ApiOperation({ summary: 'Resumes a paused schedule (admin)' })
  async resume(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: scheduleParams }) params: z.infer<typeof scheduleParams>,
    @Body({ schema: noteBody }) body: z.infer<typeof noteBody>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    return this.schedules.resume(regency, params.kind, body.note);
  }

  @Post(':kind/trigger')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Runs a schedule's action once now, e.g. for a regency joining mid-year (admin)" })
  async trigger(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: scheduleParams }) params: z.infer<typeof scheduleParams>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    return this.schedules.trigger(regency, params.kind);
  }
}
