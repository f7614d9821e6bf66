import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CompiledReportRecord, type RegionRecord, type ReportLifecycle } from '@konvergensi/persistence';
import {
  readSnapshot,
  renderSemesterReportPdf,
  renderSemesterReportXlsx,
  type SemesterReport,
} from '@konvergensi/reporting';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { isUniqueViolation } from '../common/database-errors';
import { regencyCodeSchema, yearSchema } from '../common/schemas';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';
import { ReportSources } from './report-sources.service';

const periodParams = z.strictObject({
  code: regencyCodeSchema,
  year: yearSchema,
  semester: z.enum(['1', '2'], 'semester harus 1 atau 2').transform((s) => Number(s) as 1 | 2),
});
type Period = z.infer<typeof periodParams>;

const readQuery = z.strictObject({
  versi: z.enum(['langsung', 'arsip'], 'versi harus langsung (data terkini) atau arsip (hasil penyusunan)').optional(),
});
type ReadQuery = z.infer<typeof readQuery>;

const lifecycleLabel: Record<ReportLifecycle, string> = {
  compiled: 'disusun',
  reviewed: 'ditelaah sekretaris',
  approved: 'disetujui ketua',
  sent: 'dikirim ke provinsi',
};

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function presentLifecycle(record: CompiledReportRecord | null) {
  if (!record) return null;
  return {
    status: record.lifecycle,
    statusLabel: lifecycleLabel[record.lifecycle],
    compiledAt: record.completedAt?.toISOString() ?? record.createdAt.toISOString(),
    reviewedAt: record.reviewedAt?.toISOString() ?? null,
    approvedAt: record.approvedAt?.toISOString() ?? null,
    sentAt: record.sentAt?.toISOString() ?? null,
  };
}

/** One step of the report lifecycle: who may take it and from which state. */
interface Step {
  from: ReportLifecycle;
  to: ReportLifecycle;
  roles: ('tpps_secretary' | 'tpps_chair')[];
  set: (
    principal: Principal,
    at: Date,
  ) => Partial<
    Pick<CompiledReportRecord, 'reviewedBy' | 'reviewedAt' | 'approvedBy' | 'approvedAt' | 'sentBy' | 'sentAt'>
  >;
  needs: string;
}

const steps: Record<'review' | 'approve' | 'send', Step> = {
  review: {
    from: 'compiled',
    to: 'reviewed',
    roles: ['tpps_secretary'],
    set: (p, at) => ({ reviewedBy: p.userId, reviewedAt: at }),
    needs: 'Laporan harus berstatus disusun sebelum ditelaah.',
  },
  approve: {
    from: 'reviewed',
    to: 'approved',
    roles: ['tpps_chair'],
    set: (p, at) => ({ approvedBy: p.userId, approvedAt: at }),
    needs: 'Laporan harus ditelaah sekretaris sebelum disetujui ketua.',
  },
  send: {
    from: 'approved',
    to: 'sent',
    roles: ['tpps_secretary', 'tpps_chair'],
    set: (p, at) => ({ sentBy: p.userId, sentAt: at }),
    needs: 'Laporan harus disetujui ketua sebelum dikirim ke provinsi.',
  },
};

/**
 * The semester report (laporan semester) of a regency: compiled from live data as JSON, XLSX
 * (national form) or PDF, and its lifecycle: compiled (snapshot) → reviewed by the secretary →
 * approved by the chair → marked sent to the province.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/reports/:year')
export class ReportsController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
    private readonly sources: ReportSources,
  ) {}

  @Get(':semester/collection-plan')
  @ApiOperation({
    summary: 'Which unit answers for which report indicators in the semester (derived indicators excluded)',
  })
  async collectionPlan(@CurrentPrincipal() principal: Principal, @Param({ schema: periodParams }) params: Period) {
    await this.regencies.readable(principal, params.code);
    return {
      regencyCode: params.code,
      year: params.year,
      semester: params.semester,
      ...(await this.sources.collectionPlan(params.code)),
    };
  }

  // The file variants come before `:semester` so that `1.xlsx` is not read as a semester.
  @Get(':semester.xlsx')
  @ApiProduces(xlsxType)
  @ApiOperation({ summary: 'The semester report as a workbook laid out like the national form (one sheet per block)' })
  async xlsx(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: periodParams }) params: Period,
    @Query({ schema: readQuery }) query: ReadQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const report = await this.report(principal, params, query);
    const file = await renderSemesterReportXlsx(report);
    response.setHeader('content-disposition', `attachment; filename="${this.fileName(params)}.xlsx"`);
    return new StreamableFile(file, { type: xlsxType, length: file.length });
  }

  @Get(':semester.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The semester report as a PDF with the sections of the seed reports' })
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: periodParams }) params: Period,
    @Query({ schema: readQuery }) query: ReadQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const report = await this.report(principal, params, query);
    const file = await renderSemesterReportPdf(report);
    response.setHeader('content-disposition', `attachment; filename="${this.fileName(params)}.pdf"`);
    return new StreamableFile(file, { type: 'application/pdf', length: file.length });
  }

  @Get(':semester')
  @ApiOperation({
    summary: 'The semester report compiled from live data (or, with versi=arsip, as last compiled), with its lifecycle',
  })
  async json(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: periodParams }) params: Period,
    @Query({ schema: readQuery }) query: ReadQuery,
  ) {
    const report = await this.report(principal, params, query);
    return { ...report, lifecycle: presentLifecycle(await this.snapshot(params)) };
  }

  @Post(':semester/compile')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Compiles the report from live data into a snapshot (TPPS secretary); refused once approved',
  })
  async compile(@CurrentPrincipal() principal: Principal, @Param({ schema: periodParams }) params: Period) {
    const regency = await this.regencies.writable(principal, params.code, ['tpps_secretary']);
    const report = await this.sources.compile(regency, params.year, params.semester);
    try {
      const record = await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(CompiledReportRecord);
        const existing = await repository.findOne({
          where: { ...this.period(params), format: 'json' },
          lock: { mode: 'pessimistic_write' },
        });
        if (existing && (existing.lifecycle === 'approved' || existing.lifecycle === 'sent')) {
          throw new ApiError(
            HttpStatus.CONFLICT,
            'REPORT_ALREADY_APPROVED',
            `Laporan sudah ${lifecycleLabel[existing.lifecycle]} dan tidak dapat disusun ulang.`,
          );
        }
        const now = new Date();
        const record = existing ?? repository.create({ ...this.period(params), format: 'json' });
        Object.assign(record, {
          status: 'ready',
          snapshot: report as unknown as Record<string, unknown>,
          lifecycle: 'compiled',
          createdBy: principal.userId,
          completedAt: now,
          reviewedBy: null,
          reviewedAt: null,
          approvedBy: null,
          approvedAt: null,
          sentBy: null,
          sentAt: null,
        });
        return repository.save(record);
      });
      return { ...presentLifecycle(record), gaps: report.summary.gaps };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'REPORT_COMPILE_CONFLICT',
          'Laporan sedang disusun oleh pengguna lain; coba lagi.',
        );
      }
      throw error;
    }
  }

  @Post(':semester/review')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Marks the compiled report as reviewed (TPPS secretary)' })
  review(@CurrentPrincipal() principal: Principal, @Param({ schema: periodParams }) params: Period) {
    return this.step(principal, params, steps.review);
  }

  @Post(':semester/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approves the reviewed report (TPPS chair)' })
  approve(@CurrentPrincipal() principal: Principal, @Param({ schema: periodParams }) params: Period) {
    return this.step(principal, params, steps.approve);
  }

  @Post(':semester/send')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Marks the approved report as sent to the province (TPPS secretary or chair)' })
  send(@CurrentPrincipal() principal: Principal, @Param({ schema: periodParams }) params: Period) {
    return this.step(principal, params, steps.send);
  }

  private period(params: Period) {
    return { regencyCode: params.code, year: params.year, semester: params.semester };
  }

  private fileName(params: Period): string {
    return `laporan-semester-${params.semester}-${params.year}-${params.code.replace('.', '')}`;
  }

  private snapshot(params: Period): Promise<CompiledReportRecord | null> {
    return this.dataSource.getRepository(CompiledReportRecord).findOneBy({ ...this.period(params), format: 'json' });
  }

  private async report(principal: Principal, params: Period, query: ReadQuery): Promise<SemesterReport> {
    const regency: RegionRecord = await this.regencies.readable(principal, params.code);
    if (query.versi !== 'arsip') return this.sources.compile(regency, params.year, params.semester);
    const record = await this.snapshot(params);
    if (!record?.snapshot) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'REPORT_NOT_COMPILED', 'Laporan semester ini belum pernah disusun.');
    }
    return readSnapshot(record.snapshot);
  }

  private async step(principal: Principal, params: Period, step: Step) {
    await this.regencies.writable(principal, params.code, step.roles);
    const now = new Date();
    const result = await this.dataSource
      .createQueryBuilder()
      .update(CompiledReportRecord)
      .set({ lifecycle: step.to, ...step.set(principal, now) })
      .where(
        'regency_code = :code AND year = :year AND semester = :semester AND format = :format AND lifecycle = :from',
        {
          ...params,
          format: 'json',
          from: step.from,
        },
      )
      .execute();
    const record = await this.snapshot(params);
    if ((result.affected ?? 0) === 0) {
      if (!record) {
        throw new ApiError(HttpStatus.CONFLICT, 'REPORT_NOT_COMPILED', `Laporan belum disusun. ${step.needs}`);
      }
      throw new ApiError(
        HttpStatus.CONFLICT,
        'REPORT_WRONG_STAGE',
        `Laporan berstatus ${lifecycleLabel[record.lifecycle]}. ${step.needs}`,
      );
    }
    return presentLifecycle(record);
  }
}
