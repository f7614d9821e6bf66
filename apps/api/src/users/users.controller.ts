import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { userRoles, type UserRole } from '@konvergensi/contracts';
import {
  RefreshTokenRecord,
  RegionRecord,
  RoleAssignmentRecord,
  UnitRecord,
  UserRecord,
} from '@konvergensi/persistence';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AllowRoles } from '../auth/access.decorators';
import { hashPassword } from '../auth/password-hasher';
import { newPasswordSchema } from '../auth/password-policy';
import { ApiError } from '../common/api-error';
import { isUniqueViolation } from '../common/database-errors';
import { schemaFor } from '../common/openapi';
import { idParams, nameSchema, regencyCodeSchema, unitCodeSchema } from '../common/schemas';
import { DATA_SOURCE } from '../tokens';

const password = newPasswordSchema;
// A role named twice would reach the role-assignment key and fail there (once a 500, or a
// USERNAME_TAKEN for a free name): refused here with the field named.
const roleList = z
  .array(z.enum(userRoles))
  .min(1)
  .max(userRoles.length)
  .refine((roles) => new Set(roles).size === roles.length, 'setiap peran hanya boleh disebut sekali');

const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'huruf kecil, angka, titik, garis bawah atau tanda hubung (3–64)'),
  displayName: nameSchema(2, 200),
  email: z.email(),
  password,
  roles: roleList,
  regencyCode: regencyCodeSchema.optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  unitCode: unitCodeSchema.optional(),
});

const updateUserBody = z
  .strictObject({
    displayName: nameSchema(2, 200).optional(),
    email: z.email().optional(),
    password: password.optional(),
    roles: roleList.optional(),
    unitCode: unitCodeSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'tidak ada perubahan yang dikirim');

const listQuery = z.strictObject({
  regencyCode: regencyCodeSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

const badScope = (message: string) => new ApiError(HttpStatus.BAD_REQUEST, 'INVALID_USER_SCOPE', message);

/**
 * The scope each role needs: regency roles a regency, unit roles also a unit of it, the
 * province viewer a province, the system admin nothing.
 */
export function checkUserScope(
  roles: readonly UserRole[],
  scope: { regencyCode: string | null; provinceCode: string | null; unitId: string | null },
): void {
  const needsRegency = roles.some((r) => r !== 'system_admin' && r !== 'province_viewer');
  if (needsRegency && !scope.regencyCode) throw badScope('Peran ini memerlukan kabupaten/kota (regencyCode).');
  if (roles.some((r) => r === 'opd_officer' || r === 'opd_head') && !scope.unitId) {
    throw badScope('Petugas dan kepala OPD memerlukan unit (unitCode).');
  }
  if (roles.includes('province_viewer') && !scope.provinceCode)
    throw badScope('Pemantau provinsi memerlukan provinceCode.');
  if (roles.includes('system_admin') && (scope.regencyCode || scope.unitId)) {
    throw badScope('Admin sistem tidak terikat pada kabupaten/kota atau unit.');
  }
}

async function presentUser(manager: EntityManager, user: UserRecord) {
  const roles = await manager.getRepository(RoleAssignmentRecord).findBy({ userId: user.id });
  const unit = user.unitId ? await manager.getRepository(UnitRecord).findOneBy({ id: user.unitId }) : null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    roles: roles.map((r) => r.role).sort(),
    regencyCode: user.regencyCode,
    provinceCode: user.provinceCode,
    unitCode: unit?.code ?? null,
    active: user.active,
  };
}

/** Accounts and their roles: administered by the system admin. */
@ApiTags('users')
@ApiBearerAuth()
@AllowRoles('system_admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Users, optionally of one regency (admin)' })
  async list(@Query({ schema: listQuery }) query: z.infer<typeof listQuery>) {
    const [users, total] = await this.dataSource.getRepository(UserRecord).findAndCount({
      where: query.regencyCode ? { regencyCode: query.regencyCode } : {},
      order: { username: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const items = await Promise.all(users.map((user) => presentUser(this.dataSource.manager, user)));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ schema: schemaFor(createUserBody) })
  @ApiOperation({ summary: 'Creates a user with roles in a regency, unit or province (admin)' })
  async create(@Body({ schema: createUserBody }) body: z.infer<typeof createUserBody>) {
    const regencyCode = body.regencyCode ?? null;
    const unit = await this.unitOf(regencyCode, body.unitCode ?? null);
    if (
      regencyCode &&
      !(await this.dataSource.getRepository(RegionRecord).existsBy({ code: regencyCode, level: 'regency' }))
    ) {
      throw badScope('Kabupaten/kota tidak terdaftar.');
    }
    if (
      body.provinceCode &&
      !(await this.dataSource.getRepository(RegionRecord).existsBy({ code: body.provinceCode, level: 'province' }))
    ) {
      throw badScope('Provinsi tidak terdaftar.');
    }
    checkUserScope(body.roles, { regencyCode, provinceCode: body.provinceCode ?? null, unitId: unit?.id ?? null });
    if (await this.dataSource.getRepository(UserRecord).existsBy({ username: body.username })) {
      throw new ApiError(HttpStatus.CONFLICT, 'USERNAME_TAKEN', 'Nama pengguna sudah dipakai.');
    }
    const passwordHash = await hashPassword(body.password);
    try {
      return await this.insertUser(body, regencyCode, unit, passwordHash);
    } catch (error) {
      // Two admins creating the same username at once: the unique index decides.
      if (isUniqueViolation(error))
        throw new ApiError(HttpStatus.CONFLICT, 'USERNAME_TAKEN', 'Nama pengguna sudah dipakai.');
      throw error;
    }
  }

  private insertUser(
    body: z.infer<typeof createUserBody>,
    regencyCode: string | null,
    unit: UnitRecord | null,
    passwordHash: string,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const user = manager.getRepository(UserRecord).create({
        username: body.username,
        displayName: body.displayName,
        email: body.email,
        passwordHash,
        regencyCode,
        provinceCode: body.provinceCode ?? null,
        unitId: unit?.id ?? null,
        active: true,
      });
      await manager.getRepository(UserRecord).save(user);
      await manager.getRepository(RoleAssignmentRecord).insert(body.roles.map((role) => ({ userId: user.id, role })));
      return presentUser(manager, user);
    });
  }

  @Patch(':id')
  @ApiBody({ schema: schemaFor(updateUserBody) })
  @ApiOperation({ summary: "Changes a user's details, roles, unit, password or active flag (admin)" })
  async update(
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: updateUserBody }) body: z.infer<typeof updateUserBody>,
  ) {
    const user = await this.dataSource.getRepository(UserRecord).findOneBy({ id: params.id });
    if (!user) throw new ApiError(HttpStatus.NOT_FOUND, 'USER_NOT_FOUND', 'Pengguna tidak ditemukan.');
    const currentRoles = (await this.dataSource.getRepository(RoleAssignmentRecord).findBy({ userId: user.id })).map(
      (r) => r.role as UserRole,
    );
    const unit = body.unitCode === undefined ? undefined : await this.unitOf(user.regencyCode, body.unitCode);
    const unitId = unit === undefined ? user.unitId : (unit?.id ?? null);
    const roles = body.roles ?? currentRoles;
    checkUserScope(roles, { regencyCode: user.regencyCode, provinceCode: user.provinceCode, unitId });
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      Object.assign(user, {
        ...(body.displayName !== undefined && { displayName: body.displayName }),
        ...(body.email !== undefined && { email: body.email }),
        ...(body.active !== undefined && { active: body.active }),
        ...(passwordHash && { passwordHash, failedLoginCount: 0, lockedUntil: null }),
        unitId,
      });
      await manager.getRepository(UserRecord).save(user);
      if (passwordHash) {
        // A new password ends every session that the old one opened.
        await manager
          .getRepository(RefreshTokenRecord)
          .update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      }
      if (body.roles) {
        await manager.getRepository(RoleAssignmentRecord).delete({ userId: user.id });
        await manager.getRepository(RoleAssignmentRecord).insert(body.roles.map((role) => ({ userId: user.id, role })));
      }
      return presentUser(manager, user);
    });
  }

  private async unitOf(regencyCode: string | null, unitCode: string | null): Promise<UnitRecord | null> {
    if (!unitCode) return null;
    if (!regencyCode) throw badScope('Unit hanya dapat diberikan bersama kabupaten/kota.');
    const unit = await this.dataSource.getRepository(UnitRecord).findOneBy({ regencyCode, code: unitCode });
    if (!unit) throw badScope(`Unit ${unitCode} tidak ada di kabupaten/kota ${regencyCode}.`);
    return unit;
  }
}
