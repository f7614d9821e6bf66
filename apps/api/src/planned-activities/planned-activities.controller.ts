import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  fundingSources,
  integrationMatrix,
  interventions,
  planningDocuments,
  trackingStatuses,
  type PlanningDocument,
} from '@konvergensi/reporting';
import { PlannedActivityRecord, UnitRecord } from '@konvergensi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { formTextSchema, nameSchema, regencyCodeSchema, unitCodeSchema, uuidSchema, yearSchema } from '../common/schemas';
import { hasRole, isSystemAdmin } from '../tenancy/access-policy';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';
import { columns, loadPlannedActivities, plannedActivityOf } from './planned-activity-records';

const cycleParams = z.strictObject({ code: regencyCodeSchema, year: yearSchema });
const activityParams = z.strictObject({ code: regencyCodeSchema, year: yearSchema, id: uuidSchema });

/** Rupiah: whole, not negative, below a quadrillion (a regency's whole budget is far less). */
const budgetSchema = z
  .number('anggaran harus berupa angka rupiah')
  .int('anggaran harus bilangan bulat rupiah (tanpa sen)')
  .min(0, 'anggaran tidak boleh negatif')
  .max(1e15, 'anggaran terlalu besar');

const trackingSchema = z
  .strictObject({
    status: z.enum(trackingStatuses, 'status harus belum, diusulkan atau tercantum'),
    reference: nameSchema(1, 300).nullable().optional(),
  })
  .refine(
    (t) => t.status !== 'tercantum' || (t.reference !== undefined && t.reference !== null),
    'kegiatan yang tercantum dalam dokumen harus menyebut rujukan dokumennya (nomor/halaman)',
  );

const trackingBody = z.strictObject(
  Object.fromEntries(planningDocuments.map((d) => [d, trackingSchema.optional()])) as Record<
    PlanningDocument,
    z.ZodOptional<typeof trackingSchema>
  >,
);

const activityFields = {
  unitCode: unitCodeSchema,
  name: nameSchema(3, 300),
  intervention: z.enum(interventions, 'intervensi harus spesifik atau sensitif'),
  target: formTextSchema(1, 300),
  location: formTextSchema(1, 300),
  budget: budgetSchema,
  fundingSource: z.enum(fundingSources, `sumber dana harus salah satu dari: ${fundingSources.join(', ')}`),
  tracking: trackingBody.optional(),
};

const createBody = z.strictObject(activityFields);
const updateBody = z
  .strictObject({
    unitCode: activityFields.unitCode.optional(),
    name: activityFields.name.optional(),
    intervention: activityFields.intervention.optional(),
    target: activityFields.target.optional(),
    location: activityFields.location.optional(),
    budget: activityFields.budget.optional(),
    fundingSource: activityFields.fundingSource.optional(),
    tracking: activityFields.tracking,
  })
  .refine((body) => Object.keys(body).length > 0, 'tidak ada perubahan yang dikirim');

type TrackingBody = z.infer<typeof trackingBody>;

function applyTracking(record: PlannedActivityRecord, tracking: TrackingBody | undefined): void {
  for (const document of planningDocuments) {
    const t = tracking?.[document];
    if (!t) continue;
    Object.assign(record, { [columns[document].status]: t.status, [columns[document].reference]: t.reference ?? null });
  }
}

const notFound = () =>
  new ApiError(HttpStatus.NOT_FOUND, 'PLANNED_ACTIVITY_NOT_FOUND', 'Rencana kegiatan tidak ditemukan.');

/**
 * Aksi 2's planned activities of a regency's year and the integration matrix. Unit staff manage
 * their own unit's rows, the TPPS secretary every row; the chair and province viewers read.
 */
@ApiTags('planned-activities')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/cycles/:year')
export class PlannedActivitiesController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
  ) {}

  /** The unit a caller may write for: the secretary (and admin) any unit, unit staff only their own. */
  private async unitFor(principal: Principal, regencyCode: string, unitCode: string): Promise<UnitRecord> {
    const unit = await this.dataSource.getRepository(UnitRecord).findOneBy({ regencyCode, code: unitCode });
    if (!unit)
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'UNIT_NOT_FOUND',
        `Unit ${unitCode} tidak ada di kabupaten/kota ini.`,
      );
    this.assertMayManage(principal, unit.id);
    return unit;
  }

  private assertMayManage(principal: Principal, unitId: string): void {
    if (isSystemAdmin(principal) || hasRole(principal, 'tpps_secretary')) return;
    if (hasRole(principal, 'opd_officer', 'opd_head') && principal.unitId === unitId) return;
    throw new ApiError(
      HttpStatus.FORBIDDEN,
      'FORBIDDEN_UNIT',
      'Anda hanya dapat mengelola rencana kegiatan unit Anda sendiri.',
    );
  }

  @Get('planned-activities')
  @ApiOperation({ summary: "The year's planned activities (Aksi 2 rencana kegiatan) with their integration status" })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
  ) {
    await this.regencies.readable(principal, params.code);
    return {
      regencyCode: params.code,
      year: params.year,
      activities: await loadPlannedActivities(this.dataSource.manager, params.code, params.year),
    };
  }

  @Get('planned-activities/:id')
  @ApiOperation({ summary: 'One planned activity' })
  async one(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: activityParams }) params: z.infer<typeof activityParams>,
  ) {
    await this.regencies.readable(principal, params.code);
    const { record, unit } = await this.find(this.dataSource.manager, params);
    return plannedActivityOf(record, unit);
  }

  @Post('planned-activities')
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ schema: schemaFor(createBody) })
  @ApiOperation({ summary: 'Adds a planned activity for a unit (its staff, or the TPPS secretary)' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
    @Body({ schema: createBody }) body: z.infer<typeof createBody>,
  ) {
    await this.regencies.writable(principal, params.code, ['tpps_secretary', 'opd_officer', 'opd_head']);
    const unit = await this.unitFor(principal, params.code, body.unitCode);
    const repository = this.dataSource.getRepository(PlannedActivityRecord);
    const record = repository.create({
      regencyCode: params.code,
      year: params.year,
      unitId: unit.id,
      name: body.name,
      intervention: body.intervention,
      target: body.target,
      location: body.location,
      budget: body.budget,
      fundingSource: body.fundingSource,
      createdBy: principal.userId,
    });
    applyTracking(record, body.tracking);
    const saved = await repository.save(record);
    return plannedActivityOf(await repository.findOneByOrFail({ id: saved.id }), unit);
  }

  @Patch('planned-activities/:id')
  @ApiBody({ schema: schemaFor(updateBody) })
  @ApiOperation({ summary: 'Changes a planned activity or records its integration into RKPD, Renja, KUA-PPAS, RKA' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: activityParams }) params: z.infer<typeof activityParams>,
    @Body({ schema: updateBody }) body: z.infer<typeof updateBody>,
  ) {
    await this.regencies.writable(principal, params.code, ['tpps_secretary', 'opd_officer', 'opd_head']);
    return this.dataSource.transaction(async (manager) => {
      const { record, unit: current } = await this.find(manager, params, true);
      this.assertMayManage(principal, record.unitId);
      const unit = body.unitCode !== undefined ? await this.unitFor(principal, params.code, body.unitCode) : current;
      Object.assign(record, {
        unitId: unit.id,
        ...(body.name !== undefined && { name: body.name }),
        ...(body.intervention !== undefined && { intervention: body.intervention }),
        ...(body.target !== undefined && { target: body.target }),
        ...(body.location !== undefined && { location: body.location }),
        ...(body.budget !== undefined && { budget: body.budget }),
        ...(body.fundingSource !== undefined && { fundingSource: body.fundingSource }),
      });
      applyTracking(record, body.tracking);
      await manager.getRepository(PlannedActivityRecord).save(record);
      return plannedActivityOf(
        await manager.getRepository(PlannedActivityRecord).findOneByOrFail({ id: record.id }),
        unit,
      );
    });
  }

  @Delete('planned-activities/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Removes a planned activity' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: activityParams }) params: z.infer<typeof activityParams>,
  ): Promise<void> {
    await this.regencies.writable(principal, params.code, ['tpps_secretary', 'opd_officer', 'opd_head']);
    await this.dataSource.transaction(async (manager) => {
      const { record } = await this.find(manager, params, true);
      this.assertMayManage(principal, record.unitId);
      await manager.getRepository(PlannedActivityRecord).delete({ id: record.id });
    });
  }

  @Get('integration-matrix')
  @ApiOperation({
    summary:
      'The integration matrix: per unit the activities and budget tracked into RKPD, Renja OPD, KUA-PPAS and RKA, and the budget by funding source',
  })
  async matrix(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: cycleParams }) params: z.infer<typeof cycleParams>,
  ) {
    await this.regencies.readable(principal, params.code);
    const activities = await loadPlannedActivities(this.dataSource.manager, params.code, params.year);
    return { regencyCode: params.code, year: params.year, ...integrationMatrix(activities) };
  }

  private async find(
    manager: EntityManager,
    params: z.infer<typeof activityParams>,
    lock = false,
  ): Promise<{ record: PlannedActivityRecord; unit: UnitRecord }> {
    const record = await manager.getRepository(PlannedActivityRecord).findOne({
      where: { id: params.id, regencyCode: params.code, year: params.year },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!record) throw notFound();
    const unit = await manager.getRepository(UnitRecord).findOneBy({ id: record.unitId });
    if (!unit) throw notFound();
    return { record, unit };
  }
}
