import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegionRecord } from '@konvergensi/persistence';
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { nameSchema } from '../common/schemas';
import { canReadRegency, hasRole, isSystemAdmin } from '../tenancy/access-policy';
import { DATA_SOURCE } from '../tokens';

const regionCodeSchema = z
  .string()
  .max(60)
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$|^\d{2}\.\d{2}:[a-z0-9-]+$/, 'kode wilayah Kemendagri, mis. 18.72.01');

const regionCodeParams = z.strictObject({ code: regionCodeSchema });

/** The shape of a Kemendagri code at each level (Dumai's uncoded kelurahan use `14.72:<slug>`). */
const codePatternOfLevel = {
  province: /^\d{2}$/,
  regency: /^\d{2}\.\d{2}$/,
  district: /^\d{2}\.\d{2}\.\d{2}$/,
  village: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$|^\d{2}\.\d{2}:[a-z0-9-]+$/,
} as const;

const createRegionBody = z
  .strictObject({
    code: regionCodeSchema,
    level: z.enum(['province', 'regency', 'district', 'village']),
    name: nameSchema(2, 200),
    kind: nameSchema(0, 40).optional(),
    parentCode: regionCodeSchema.optional(),
    bpsCode: z.string().max(40).optional(),
    timeZone: z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']).optional(),
    familyCount: z.number().int().min(0).max(10_000_000).optional(),
  })
  .refine((body) => codePatternOfLevel[body.level].test(body.code), {
    path: ['code'],
    message:
      'kode tidak sesuai tingkat wilayah (provinsi 18, kabupaten/kota 18.72, kecamatan 18.72.01, kelurahan 18.72.01.1001)',
  })
  .refine(
    (body) =>
      !body.parentCode ||
      body.code.startsWith(`${body.parentCode}.`) ||
      (body.code.includes(':') && body.code.startsWith(`${regencyOfRegion(body.parentCode) ?? '-'}:`)),
    { path: ['code'], message: 'kode wilayah harus diawali kode wilayah induknya' },
  );

const parentLevel = { province: null, regency: 'province', district: 'regency', village: 'district' } as const;

/** The regency a region belongs to (`18.72.01.1001` → `18.72`; Dumai's `14.72:purnama` → `14.72`). */
export function regencyOfRegion(code: string): string | undefined {
  const match = /^(\d{2}\.\d{2})/.exec(code);
  return match?.[1];
}

function present(region: RegionRecord) {
  return {
    code: region.code,
    level: region.level,
    name: region.name,
    kind: region.kind,
    parentCode: region.parentCode,
    bpsCode: region.bpsCode,
    timeZone: region.timeZone,
    familyCount: region.familyCount,
  };
}

@ApiTags('regions')
@ApiBearerAuth()
@Controller('api/v1/regions')
export class RegionsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Provinces and regencies the caller may see' })
  async list(@CurrentPrincipal() principal: Principal) {
    const repository = this.dataSource.getRepository(RegionRecord);
    const all = await repository.find({ where: { level: In(['province', 'regency']) }, order: { code: 'ASC' } });
    const visible = all.filter((region) =>
      region.level === 'regency'
        ? canReadRegency(principal, region.code)
        : isSystemAdmin(principal) ||
          principal.provinceCode === region.code ||
          (principal.regencyCode?.startsWith(`${region.code}.`) ?? false),
    );
    return visible.map(present);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One region with its children (kecamatan of a regency, kelurahan of a kecamatan)' })
  async read(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regionCodeParams }) params: z.infer<typeof regionCodeParams>,
  ) {
    const notFound = new ApiError(HttpStatus.NOT_FOUND, 'REGION_NOT_FOUND', 'Wilayah tidak ditemukan.');
    const regency = regencyOfRegion(params.code);
    const visible = regency
      ? canReadRegency(principal, regency)
      : isSystemAdmin(principal) || (hasRole(principal, 'province_viewer') && principal.provinceCode === params.code);
    if (!visible) throw notFound;
    const repository = this.dataSource.getRepository(RegionRecord);
    const region = await repository.findOneBy({ code: params.code });
    if (!region) throw notFound;
    const children = await repository.find({ where: { parentCode: region.code }, order: { code: 'ASC' } });
    return {
      ...present(region),
      children: children.filter((c) => c.level !== 'regency' || canReadRegency(principal, c.code)).map(present),
    };
  }

  @Post()
  @AllowRoles('system_admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ schema: schemaFor(createRegionBody) })
  @ApiOperation({ summary: 'Adds a region (admin)' })
  async create(@Body({ schema: createRegionBody }) body: z.infer<typeof createRegionBody>) {
    const repository = this.dataSource.getRepository(RegionRecord);
    const expectedParent = parentLevel[body.level];
    if (expectedParent === null && body.parentCode) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'INVALID_PARENT', 'Provinsi tidak memiliki wilayah induk.');
    }
    if (expectedParent !== null) {
      const parent = body.parentCode ? await repository.findOneBy({ code: body.parentCode }) : null;
      if (!parent || parent.level !== expectedParent) {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'INVALID_PARENT',
          `Wilayah induk harus berupa ${expectedParent} yang sudah terdaftar.`,
        );
      }
    }
    if (body.level === 'regency' && !body.timeZone) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'TIME_ZONE_REQUIRED',
        'Kabupaten/kota wajib memiliki zona waktu (WIB, WITA atau WIT).',
      );
    }
    if (await repository.existsBy({ code: body.code })) {
      throw new ApiError(HttpStatus.CONFLICT, 'REGION_EXISTS', 'Kode wilayah sudah terdaftar.');
    }
    const region = repository.create({
      code: body.code,
      level: body.level,
      name: body.name,
      kind: body.kind ?? null,
      parentCode: body.parentCode ?? null,
      bpsCode: body.bpsCode ?? null,
      timeZone: body.timeZone ?? null,
      familyCount: body.familyCount ?? null,
    });
    await repository.insert(region);
    return present(region);
  }
}
