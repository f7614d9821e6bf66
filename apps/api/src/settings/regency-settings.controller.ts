import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { defaultEscalationLadder, escalationLadderSchema } from '@konvergensi/domain';
import { EscalationSettingRecord, HolidayOverrideRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { localDateSchema, nameSchema, regencyCodeSchema, regencyParams } from '../common/schemas';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';

const settingsEditors = ['tpps_secretary'] as const;

const holidayOverridesBody = z.strictObject({
  overrides: z
    .array(
      z.strictObject({
        date: localDateSchema,
        kind: z.enum(['holiday', 'working_day']),
        name: nameSchema(2, 200),
      }),
    )
    .max(366)
    .refine(
      (list) => new Set(list.map((o) => o.date)).size === list.length,
      'setiap tanggal hanya boleh muncul sekali',
    ),
});

const holidayDateParams = z.strictObject({ code: regencyCodeSchema, date: localDateSchema });

const escalationSettingsBody = z.strictObject({
  ladder: escalationLadderSchema,
  escalationDelivery: z.enum(['digest', 'immediate']),
  digestTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'jam berformat HH:MM'),
  unitDigestEnabled: z.boolean(),
});

/** A regency's calendar overrides (cuti bersama) and its escalation ladder. */
@ApiTags('regency settings')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code')
export class RegencySettingsController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
  ) {}

  @Get('holiday-overrides')
  @ApiOperation({ summary: 'Joint-leave days and other overrides of the national holiday calendar' })
  async holidayOverrides(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
  ) {
    await this.regencies.readable(principal, params.code);
    const rows = await this.dataSource
      .getRepository(HolidayOverrideRecord)
      .find({ where: { regencyCode: params.code }, order: { date: 'ASC' } });
    return rows.map(({ date, kind, name }) => ({ date, kind, name }));
  }

  @Put('holiday-overrides')
  @ApiBody({ schema: schemaFor(holidayOverridesBody) })
  @ApiOperation({ summary: 'Adds or replaces overrides by date (TPPS secretary or admin)' })
  async putHolidayOverrides(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Body({ schema: holidayOverridesBody }) body: z.infer<typeof holidayOverridesBody>,
  ) {
    await this.regencies.writable(principal, params.code, settingsEditors);
    await this.dataSource.transaction(async (manager) => {
      for (const override of body.overrides) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(HolidayOverrideRecord)
          .values({ regencyCode: params.code, ...override })
          .orUpdate(['kind', 'name'], ['regency_code', 'date'])
          .execute();
      }
    });
    return this.holidayOverrides(principal, params);
  }

  @Delete('holiday-overrides/:date')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Removes the override of one date (TPPS secretary or admin)' })
  async deleteHolidayOverride(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: holidayDateParams }) params: z.infer<typeof holidayDateParams>,
  ) {
    await this.regencies.writable(principal, params.code, settingsEditors);
    const result = await this.dataSource
      .getRepository(HolidayOverrideRecord)
      .delete({ regencyCode: params.code, date: params.date });
    if (!result.affected)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'HOLIDAY_OVERRIDE_NOT_FOUND',
        'Tidak ada pengecualian pada tanggal itu.',
      );
  }

  @Get('escalation-settings')
  @ApiOperation({ summary: 'The escalation ladder and mail cadence (defaults when never set)' })
  async escalationSettings(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
  ) {
    await this.regencies.readable(principal, params.code);
    const row = await this.dataSource.getRepository(EscalationSettingRecord).findOneBy({ regencyCode: params.code });
    return row
      ? {
          ladder: row.ladder,
          escalationDelivery: row.escalationDelivery,
          digestTime: row.digestTime,
          unitDigestEnabled: row.unitDigestEnabled,
          isDefault: false,
        }
      : {
          ladder: defaultEscalationLadder,
          escalationDelivery: 'digest',
          digestTime: '07:00',
          unitDigestEnabled: true,
          isDefault: true,
        };
  }

  @Put('escalation-settings')
  @ApiBody({ schema: schemaFor(escalationSettingsBody) })
  @ApiOperation({ summary: 'Sets the escalation ladder and mail cadence (TPPS secretary or admin)' })
  async putEscalationSettings(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Body({ schema: escalationSettingsBody }) body: z.infer<typeof escalationSettingsBody>,
  ) {
    await this.regencies.writable(principal, params.code, settingsEditors);
    await this.dataSource.getRepository(EscalationSettingRecord).save({ regencyCode: params.code, ...body });
    return this.escalationSettings(principal, params);
  }
}
