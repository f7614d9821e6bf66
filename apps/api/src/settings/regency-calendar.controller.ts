import { Controller, Get, HttpStatus, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { calendarDaysBetween, holidaysIn, regencyHolidayOverrides } from '@konvergensi/domain';
import { loadRegencyCalendarSettings } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { localDateSchema, regencyParams } from '../common/schemas';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';

const rangeQuery = z.strictObject({ from: localDateSchema, to: localDateSchema });

/**
 * The regency's holidays (national ones and its own overrides such as cuti bersama) for a range,
 * so the web app counts "N hari kerja lagi" with the same calendar as the deadlines.
 */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/holidays')
export class RegencyCalendarController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: "The regency's non-working days other than weekends in a range of at most 400 days" })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Query({ schema: rangeQuery }) query: z.infer<typeof rangeQuery>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    const span = calendarDaysBetween(query.from, query.to);
    if (span < 0 || span > 400)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'RANGE_INVALID',
        'Rentang tanggal harus berurutan (dari ≤ sampai) dan paling panjang 400 hari.',
      );
    const settings = await loadRegencyCalendarSettings(this.dataSource, regency.code);
    const overrides = regencyHolidayOverrides(settings);
    const years = [Number(query.from.slice(0, 4)), Number(query.to.slice(0, 4))];
    const days = [...new Set(years)]
      .flatMap((year) => holidaysIn(year, overrides))
      .filter((h) => h.date >= query.from && h.date <= query.to)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((h) => ({ date: h.date, name: h.name, source: h.source }));
    return { timeZone: settings.timeZone ?? 'Asia/Jakarta', from: query.from, to: query.to, days };
  }
}
