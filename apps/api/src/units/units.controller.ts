import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { roleCodes } from '@konvergensi/domain';
import { UnitRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { nameSchema, regencyCodeSchema, regencyParams, unitCodeSchema } from '../common/schemas';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';

const roleCodeSchema = z.enum(roleCodes);

const createUnitBody = z.strictObject({
  code: unitCodeSchema,
  name: nameSchema(2, 200),
  roleCodes: z.array(roleCodeSchema).max(20).default([]),
  email: z.email().optional(),
});

const updateUnitBody = z
  .strictObject({
    name: nameSchema(2, 200).optional(),
    roleCodes: z.array(roleCodeSchema).max(20).optional(),
    email: z.email().nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'tidak ada perubahan yang dikirim');

const unitParams = z.strictObject({ code: regencyCodeSchema, unitCode: unitCodeSchema });

export function presentUnit(unit: UnitRecord) {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    roleCodes: unit.roleCodes,
    email: unit.email,
    active: unit.active,
  };
}

/** The regency's units (OPD) and the role mapping: which unit plays which role of the guide. */
@ApiTags('units')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/units')
export class UnitsController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: "The regency's units with their role mapping" })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
  ) {
    await this.regencies.readable(principal, params.code);
    const units = await this.dataSource
      .getRepository(UnitRecord)
      .find({ where: { regencyCode: params.code }, order: { code: 'ASC' } });
    return units.map(presentUnit);
  }

  @Post()
  @AllowRoles('system_admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ schema: schemaFor(createUnitBody) })
  @ApiOperation({ summary: 'Adds a unit to the regency (admin)' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Body({ schema: createUnitBody }) body: z.infer<typeof createUnitBody>,
  ) {
    await this.regencies.writable(principal, params.code, []);
    const repository = this.dataSource.getRepository(UnitRecord);
    if (await repository.existsBy({ regencyCode: params.code, code: body.code })) {
      throw new ApiError(HttpStatus.CONFLICT, 'UNIT_EXISTS', `Unit dengan kode ${body.code} sudah ada.`);
    }
    const unit = repository.create({
      regencyCode: params.code,
      code: body.code,
      name: body.name,
      roleCodes: body.roleCodes,
      email: body.email ?? null,
      active: true,
    });
    await repository.insert(unit);
    return presentUnit(unit);
  }

  @Patch(':unitCode')
  @AllowRoles('system_admin')
  @ApiBody({ schema: schemaFor(updateUnitBody) })
  @ApiOperation({ summary: "Changes a unit's name, e-mail, active flag or role mapping (admin)" })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: unitParams }) params: z.infer<typeof unitParams>,
    @Body({ schema: updateUnitBody }) body: z.infer<typeof updateUnitBody>,
  ) {
    await this.regencies.writable(principal, params.code, []);
    const repository = this.dataSource.getRepository(UnitRecord);
    const unit = await repository.findOneBy({ regencyCode: params.code, code: params.unitCode });
    if (!unit) throw new ApiError(HttpStatus.NOT_FOUND, 'UNIT_NOT_FOUND', 'Unit tidak ditemukan.');
    Object.assign(unit, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.roleCodes !== undefined && { roleCodes: body.roleCodes }),
      ...(body.email !== undefined && { email: body.email }),
      ...(body.active !== undefined && { active: body.active }),
    });
    await repository.save(unit);
    return presentUnit(unit);
  }
}
