import { Body, Controller, Get, HttpStatus, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { grades, localDateOf, rubricFor, workStatusLabel, type WorkStatus } from '@konvergensi/domain';
import { RegionRecord, RubricGradeRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { regencyCodeSchema, yearSchema } from '../common/schemas';
import { mapConcurrently } from '../common/concurrency';
import { actionStatuses, lateStageBlockers } from '../status/cycle-status.service';
import { CycleFactsLoader } from '../status/cycle-facts.service';
import { forbidden, RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';
import { noteSchema } from '../status/note-schema';
import { AssessmentReader } from './assessment.service';
import { canGradeRegency, provinceAccess } from './province-access';

const provinceParams = z.strictObject({
  provinceCode: z.string().regex(/^\d{2}$/, 'kode provinsi Kemendagri, mis. 18'),
});
const overviewQuery = z.strictObject({ year: yearSchema.optional() });
const assessmentParams = z.strictObject({ code: regencyCodeSchema, year: yearSchema });
const gradesBody = z.strictObject({
  grades: z
    .array(
      z.strictObject({
        indicatorCode: z.string().regex(/^AKSI_[1-8]\.[A-Z]{2,20}$/, 'kode indikator penilaian, mis. AKSI_1.TAHAPAN'),
        /** null removes the final grade, so the pre-filled one applies again. */
        grade: z.enum(grades as ['A', 'B', 'C', 'D'], 'nilai A, B, C atau D').nullable(),
        note: noteSchema,
      }),
    )
    .min(1, 'isi sekurang-kurangnya satu nilai')
    .max(200, 'paling banyak 200 nilai sekaligus'),
});

interface ReportRow {
  semester: number;
  format: string;
  status: string;
  lifecycle: string | null;
  completed_at: Date | null;
}

/** Indonesian names of the semester report's lifecycle as the province reads it. */
const reportLifecycleLabel: Record<string, string> = {
  compiled: 'disusun',
  reviewed: 'direviu sekretaris',
  approved: 'disetujui ketua',
  sent: 'dikirim ke provinsi',
};

const provinceNotFound = () => new ApiError(HttpStatus.NOT_FOUND, 'PROVINCE_NOT_FOUND', 'Provinsi tidak ditemukan.');

/** The province's view of its regencies side by side, and its yearly assessment of each. */
@ApiTags('province')
@ApiBearerAuth()
@Controller('api/v1')
export class ProvinceController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
    private readonly loader: CycleFactsLoader,
    private readonly assessments: AssessmentReader,
  ) {}

  @Get('provinces/:provinceCode/overview')
  @ApiOperation({
    summary:
      'All regencies of a province side by side for a year: per-action status, late stages, semester report status, the assessment pre-filled from facts (province viewer, admin)',
  })
  async overview(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: provinceParams }) params: z.infer<typeof provinceParams>,
    @Query({ schema: overviewQuery }) query: z.infer<typeof overviewQuery>,
  ) {
    const access = provinceAccess(principal, params.provinceCode);
    if (access === 'hidden') throw provinceNotFound();
    if (access === 'forbidden') throw forbidden();
    const province = await this.dataSource
      .getRepository(RegionRecord)
      .findOneBy({ code: params.provinceCode, level: 'province' });
    if (!province) throw provinceNotFound();
    const regencies = await this.dataSource
      .getRepository(RegionRecord)
      .find({ where: { parentCode: province.code, level: 'regency' }, order: { code: 'ASC' } });
    const now = new Date();
    const year = query.year ?? Number(localDateOf(now, 'Asia/Jakarta').slice(0, 4));
    // A few regencies at a time: each needs a dozen queries, and one after another the round trips
    // added up to half a second for a province of 30 (docs/benchmarks.md, bench:reads).
    const rows = await mapConcurrently(regencies, 4, async (regency) => {
      const facts = (await this.loader.load(regency, year, now)) ?? null;
      const actions = facts ? actionStatuses(facts) : [];
      const reports: ReportRow[] = await this.dataSource.query(
        `SELECT DISTINCT ON (semester, format) semester, format, status, lifecycle, completed_at
           FROM compiled_report WHERE regency_code = $1 AND year = $2
          ORDER BY semester, format, created_at DESC`,
        [regency.code, year],
      );
      const assessment = await this.assessments.read(regency, year, facts, now);
      return {
        code: regency.code,
        name: regency.name,
        hasCycle: facts !== null,
        actions: actions.map((a) => ({
          code: a.code,
          number: a.number,
          title: a.title,
          status: a.status,
          statusLabel: a.statusLabel,
          progress: a.progress,
          lateStages: a.lateStages.length,
          portalMilestones: a.portal.milestones.length,
        })),
        statusCounts: countStatuses(actions.map((a) => a.status)),
        lateStages: facts ? lateStageBlockers(facts).length : 0,
        semesterReports: [1, 2].map((semester) => {
          const own = reports.filter((r) => Number(r.semester) === semester);
          // The JSON snapshot carries the report's lifecycle (compiled → reviewed → approved → sent).
          const lifecycle = own.find((r) => r.format === 'json')?.lifecycle ?? null;
          return {
            semester,
            lifecycle,
            lifecycleLabel: lifecycle ? (reportLifecycleLabel[lifecycle] ?? lifecycle) : 'belum disusun',
            status:
              own.length === 0 ? 'not_compiled' : own.some((r) => r.status === 'ready') ? 'ready' : own[0]!.status,
            formats: own.map((r) => ({
              format: r.format,
              status: r.status,
              completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
            })),
          };
        }),
        assessment: assessment.overall,
      };
    });
    const rubric = rubricFor(year);
    return {
      province: { code: province.code, name: province.name },
      year,
      rubric: rubric ? { id: rubric.id, title: rubric.title.id } : null,
      regencies: rows,
    };
  }

  @Get('regencies/:code/assessments/:year')
  @ApiOperation({
    summary:
      "The province's performance assessment of a regency for a year: each rubric indicator with its rule, the grade pre-filled from facts and the final grade set by the province",
  })
  async assessment(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: assessmentParams }) params: z.infer<typeof assessmentParams>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    return this.assessments.read(regency, params.year);
  }

  @Put('regencies/:code/assessments/:year')
  @ApiBody({ schema: schemaFor(gradesBody) })
  @ApiOperation({
    summary:
      "Sets (or with grade null removes) final grades of assessment indicators with a note; the pre-filled grade stays visible (province viewer of the regency's province, admin)",
  })
  async grade(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: assessmentParams }) params: z.infer<typeof assessmentParams>,
    @Body({ schema: gradesBody }) body: z.infer<typeof gradesBody>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    if (!canGradeRegency(principal, regency.code)) throw forbidden();
    const rubric = rubricFor(params.year);
    if (!rubric)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'RUBRIC_NOT_FOUND',
        `Belum ada rubrik penilaian kinerja untuk tahun ${params.year}.`,
      );
    const known = new Set(rubric.indicators.map((i) => i.code));
    const unknown = body.grades.filter((g) => !known.has(g.indicatorCode)).map((g) => g.indicatorCode);
    const seen = new Set<string>();
    const repeated = body.grades.filter((g) => (seen.has(g.indicatorCode) ? true : (seen.add(g.indicatorCode), false)));
    if (unknown.length > 0 || repeated.length > 0) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        unknown.length > 0 ? 'UNKNOWN_RUBRIC_INDICATOR' : 'DUPLICATE_RUBRIC_INDICATOR',
        unknown.length > 0
          ? `Indikator penilaian tidak dikenal pada rubrik tahun ${params.year}: ${unknown.join(', ')}.`
          : `Indikator penilaian diisi lebih dari sekali: ${repeated.map((g) => g.indicatorCode).join(', ')}.`,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      for (const entry of body.grades) {
        if (entry.grade === null) {
          await manager
            .getRepository(RubricGradeRecord)
            .delete({ regencyCode: regency.code, year: params.year, indicatorCode: entry.indicatorCode });
          continue;
        }
        await manager
          .createQueryBuilder()
          .insert()
          .into(RubricGradeRecord)
          .values({
            regencyCode: regency.code,
            year: params.year,
            rubricId: rubric.id,
            indicatorCode: entry.indicatorCode,
            grade: entry.grade,
            note: entry.note,
            gradedBy: principal.userId,
          })
          .orUpdate(
            ['rubric_id', 'grade', 'note', 'graded_by', 'graded_at'],
            ['regency_code', 'year', 'indicator_code'],
          )
          .execute();
      }
    });
    return this.assessments.read(regency, params.year);
  }
}

function countStatuses(statuses: readonly WorkStatus[]) {
  return (Object.keys(workStatusLabel) as WorkStatus[]).map((status) => ({
    status,
    label: workStatusLabel[status],
    count: statuses.filter((s) => s === status).length,
  }));
}
