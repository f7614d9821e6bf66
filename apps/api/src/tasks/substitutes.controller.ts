import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TaskDelegationRecord, UserRecord } from '@konvergensi/persistence';
import { IsNull, type DataSource } from 'typeorm';
import { z } from 'zod';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { idParams, localDateSchema } from '../common/schemas';
import { DATA_SOURCE } from '../tokens';

const substituteBody = z
  .strictObject({
    substituteUsername: z.string().trim().toLowerCase().min(3).max(64),
    startsOn: localDateSchema,
    endsOn: localDateSchema,
  })
  .refine((b) => b.endsOn >= b.startsOn, {
    message: 'tanggal selesai tidak boleh sebelum tanggal mulai',
    path: ['endsOn'],
  });

/** An officer on leave names a substitute (pengganti) who handles the unit's tasks meanwhile. */
@ApiTags('substitutes')
@ApiBearerAuth()
@AllowRoles('opd_officer', 'opd_head')
@Controller('api/v1/me/substitutes')
export class SubstitutesController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The substitutes you named' })
  async list(@CurrentPrincipal() principal: Principal) {
    const rows = await this.dataSource.getRepository(TaskDelegationRecord).find({
      where: { delegatorUserId: principal.userId, revokedAt: IsNull() },
      order: { startsOn: 'ASC' },
    });
    const users = await this.dataSource.getRepository(UserRecord).findBy(rows.map((r) => ({ id: r.substituteUserId })));
    return rows.map((r) => ({
      id: r.id,
      substituteUsername: users.find((u) => u.id === r.substituteUserId)?.username ?? null,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
    }));
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ schema: schemaFor(substituteBody) })
  @ApiOperation({ summary: 'Names a substitute of your regency for a period; every event records both of you' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: substituteBody }) body: z.infer<typeof substituteBody>,
  ) {
    if (!principal.unitId || !principal.regencyCode) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'NO_UNIT', 'Akun Anda tidak terikat pada unit.');
    }
    const substitute = await this.dataSource
      .getRepository(UserRecord)
      .findOneBy({ username: body.substituteUsername, active: true });
    if (!substitute || substitute.regencyCode !== principal.regencyCode) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'SUBSTITUTE_NOT_FOUND',
        'Pengganti harus pengguna aktif di kabupaten/kota yang sama.',
      );
    }
    if (substitute.id === principal.userId) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'SUBSTITUTE_IS_SELF',
        'Anda tidak dapat menunjuk diri sendiri sebagai pengganti.',
      );
    }
    const record = await this.dataSource.getRepository(TaskDelegationRecord).save({
      unitId: principal.unitId,
      delegatorUserId: principal.userId,
      substituteUserId: substitute.id,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
    });
    return { id: record.id, substituteUsername: substitute.username, startsOn: record.startsOn, endsOn: record.endsOn };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ends a substitution early' })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    const result = await this.dataSource
      .getRepository(TaskDelegationRecord)
      .update({ id: params.id, delegatorUserId: principal.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected)
      throw new ApiError(HttpStatus.NOT_FOUND, 'SUBSTITUTE_NOT_FOUND', 'Penunjukan pengganti tidak ditemukan.');
  }
}
