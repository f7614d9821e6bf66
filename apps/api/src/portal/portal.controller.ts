import { Body, Controller, Get, HttpStatus, Inject, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  checkPortalMilestone,
  localDateOf,
  portalMilestoneLabel,
  portalMilestones,
  type IndonesianTimeZone,
  type PortalMilestone,
} from '@konvergensi/domain';
import { ActionRecord, CycleRecord, EvidenceBlobRecord, PortalMilestoneRecord } from '@konvergensi/persistence';
import type { Response } from 'express';
import JSZip from 'jszip';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { localDateSchema, regencyCodeSchema, yearSchema } from '../common/schemas';
import { hasRole, isSystemAdmin } from '../tenancy/access-policy';
import { forbidden, RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';
import { noteSchema } from '../status/note-schema';
import { indexCsv, indexHtml, safeArchiveName, uniquePath, type PortalIndexRow } from './portal-index';

const actionCodeSchema = z.string().regex(/^AKSI_[1-8]$/, 'kode aksi AKSI_1 sampai AKSI_8');
const actionParams = z.strictObject({ code: regencyCodeSchema, year: yearSchema, actionCode: actionCodeSchema });
const milestoneParams = actionParams.extend({
  milestone: z.enum(
    portalMilestones,
    'tahapan portal: data_entered, documents_uploaded, verified_by_bappeda atau reviewed_by_province',
  ),
});
const milestoneBody = z.strictObject({
  reachedOn: localDateSchema,
  note: noteSchema,
});

interface FileRow {
  id: string;
  original_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  task_id: string;
  task_title: string;
  unit_code: string;
  unit_name: string;
  stage_code: string;
  stage_order: number;
  stage_title: string;
  approved_at: Date | null;
  approved_by: string | null;
}

const cycleNotFound = (year: number) =>
  new ApiError(HttpStatus.NOT_FOUND, 'CYCLE_NOT_FOUND', `Belum ada siklus tahun ${year}.`);
const actionNotFound = () =>
  new ApiError(HttpStatus.NOT_FOUND, 'ACTION_NOT_FOUND', 'Aksi tidak ditemukan pada siklus ini.');

/**
 * The national monitoring portal (Aksi Bangda): an action's approved deliverables as one ZIP to
 * upload, and the milestones of filing it there as the TPPS secretary records them.
 */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/cycles/:year/actions/:actionCode')
export class PortalController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
  ) {}

  private async action(manager: DataSource | EntityManager, regencyCode: string, year: number, actionCode: string) {
    const cycle = await manager.getRepository(CycleRecord).findOneBy({ regencyCode, year });
    if (!cycle) throw cycleNotFound(year);
    const action = await manager.getRepository(ActionRecord).findOneBy({ cycleId: cycle.id, code: actionCode });
    if (!action) throw actionNotFound();
    return action;
  }

  @Get('portal-export')
  @ApiProduces('application/zip')
  @ApiOperation({
    summary:
      "ZIP of the action's approved deliverables with index.csv and index.html, for the Aksi Bangda portal (TPPS chair/secretary, province viewer, admin)",
  })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: actionParams }) params: z.infer<typeof actionParams>,
    @Res() response: Response,
  ): Promise<void> {
    const regency = await this.regencies.readable(principal, params.code);
    // Deliverables of every unit: for the people who file them and those who review them.
    if (!isSystemAdmin(principal) && !hasRole(principal, 'tpps_chair', 'tpps_secretary', 'province_viewer'))
      throw forbidden();
    const action = await this.action(this.dataSource, regency.code, params.year, params.actionCode);
    const files: FileRow[] = await this.dataSource.query(
      `SELECT f.id, f.original_name, f.media_type, f.size_bytes, f.sha256,
              t.id AS task_id, t.title AS task_title, u.code AS unit_code, u.name AS unit_name,
              s.code AS stage_code, s.sequence AS stage_order, s.title AS stage_title,
              approval.occurred_at AS approved_at, approver.display_name AS approved_by
         FROM evidence_file f
         JOIN task t ON t.id = f.task_id AND t.status = 'approved'
         JOIN action_stage s ON s.id = t.stage_id
         JOIN unit u ON u.id = t.assignee_unit_id
         LEFT JOIN LATERAL (
           SELECT e.occurred_at, e.actor_user_id FROM task_event e
            WHERE e.task_id = t.id AND e.kind = 'approved'
            ORDER BY e.occurred_at DESC LIMIT 1
         ) approval ON true
         LEFT JOIN app_user approver ON approver.id = approval.actor_user_id
        WHERE s.action_id = $1 AND t.regency_code = $2
          AND (approval.occurred_at IS NULL OR f.uploaded_at <= approval.occurred_at)
        ORDER BY s.sequence, u.code, t.title, t.id, f.uploaded_at, f.id`,
      [action.id, regency.code],
    );
    const zip = new JSZip();
    const taken = new Set<string>(['index.csv', 'index.html']);
    const rows: PortalIndexRow[] = [];
    for (const file of files) {
      const folder = `${String(file.stage_order).padStart(2, '0')}_${safeArchiveName(file.stage_code, 'tahap')}/${safeArchiveName(file.unit_code, 'unit')}`;
      const archivePath = uniquePath(`${folder}/${safeArchiveName(file.original_name)}`, taken);
      // Content-addressed: the blob is fetched by the digest the index reports.
      const blob = await this.dataSource.getRepository(EvidenceBlobRecord).findOneByOrFail({ sha256: file.sha256 });
      zip.file(archivePath, blob.content, {
        binary: true,
        date: file.approved_at ? new Date(file.approved_at) : undefined,
      });
      rows.push({
        stageOrder: file.stage_order,
        stageCode: file.stage_code,
        stageTitle: file.stage_title,
        unitCode: file.unit_code,
        unitName: file.unit_name,
        taskId: file.task_id,
        taskTitle: file.task_title,
        fileName: file.original_name,
        archivePath,
        mediaType: file.media_type,
        sizeBytes: Number(file.size_bytes),
        sha256: file.sha256,
        approvedAt: file.approved_at ? new Date(file.approved_at).toISOString() : null,
        approvedBy: file.approved_by,
      });
    }
    zip.file('index.csv', indexCsv(rows));
    zip.file(
      'index.html',
      indexHtml(
        {
          regencyName: regency.name,
          regencyCode: regency.code,
          year: params.year,
          actionCode: action.code,
          actionTitle: action.title,
          generatedAt: new Date().toISOString(),
        },
        rows,
      ),
    );
    const fileName = `aksi-bangda_${regency.code}_${params.year}_${action.code}.zip`;
    response.status(HttpStatus.OK);
    response.setHeader('Content-Type', 'application/zip');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    await new Promise<void>((resolve, reject) => {
      zip
        .generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' })
        .on('error', reject)
        .pipe(response)
        .on('finish', resolve)
        .on('error', reject);
    });
  }

  @Get('portal-milestones')
  @ApiOperation({ summary: "The action's Aksi Bangda milestones in order, with date, who and note" })
  async milestones(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: actionParams }) params: z.infer<typeof actionParams>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    const action = await this.action(this.dataSource, regency.code, params.year, params.actionCode);
    return this.present(this.dataSource, action);
  }

  @Put('portal-milestones/:milestone')
  @ApiBody({ schema: schemaFor(milestoneBody) })
  @ApiOperation({
    summary:
      'Records (or corrects) one Aksi Bangda milestone of the action: data_entered → documents_uploaded → verified_by_bappeda → reviewed_by_province (TPPS secretary or admin)',
  })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: milestoneParams }) params: z.infer<typeof milestoneParams>,
    @Body({ schema: milestoneBody }) body: z.infer<typeof milestoneBody>,
  ) {
    const regency = await this.regencies.writable(principal, params.code, ['tpps_secretary']);
    const today = localDateOf(new Date(), (regency.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone);
    return this.dataSource.transaction(async (manager) => {
      const action = await this.action(manager, regency.code, params.year, params.actionCode);
      // One writer per action at a time, so two secretaries cannot record out of order together.
      await manager.query(`SELECT id FROM cycle_action WHERE id = $1 FOR UPDATE`, [action.id]);
      const recorded = await manager.getRepository(PortalMilestoneRecord).findBy({ actionId: action.id });
      const checked = checkPortalMilestone(
        recorded.filter((r) => r.milestone !== params.milestone),
        { milestone: params.milestone, reachedOn: body.reachedOn },
        today,
      );
      if (!checked.ok) {
        const first = checked.issues[0]!;
        throw new ApiError(
          first.code === 'MILESTONE_OUT_OF_ORDER' ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY,
          first.code,
          checked.issues.map((i) => i.message).join(' '),
        );
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(PortalMilestoneRecord)
        .values({
          actionId: action.id,
          milestone: params.milestone,
          reachedOn: body.reachedOn,
          note: body.note,
          recordedBy: principal.userId,
        })
        .orUpdate(['reached_on', 'note', 'recorded_by', 'recorded_at'], ['action_id', 'milestone'])
        .execute();
      return this.present(manager, action);
    });
  }

  private async present(manager: DataSource | EntityManager, action: ActionRecord) {
    const rows = await manager
      .getRepository(PortalMilestoneRecord)
      .find({ where: { actionId: action.id }, relations: { recorder: true } });
    const ordered = portalMilestones.map((code) => rows.find((r) => r.milestone === code));
    return {
      actionCode: action.code,
      milestones: portalMilestones.map((code: PortalMilestone, index) => {
        const row = ordered[index];
        return {
          milestone: code,
          label: portalMilestoneLabel[code],
          order: index + 1,
          reached: row !== undefined,
          reachedOn: row?.reachedOn ?? null,
          note: row?.note ?? null,
          recordedBy: row ? { userId: row.recordedBy, displayName: row.recorder?.displayName ?? '' } : null,
          recordedAt: row?.recordedAt.toISOString() ?? null,
        };
      }),
      next: portalMilestones.find((code) => !rows.some((r) => r.milestone === code)) ?? null,
    };
  }
}
