import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { StepUp } from '../auth/mfa/step-up.service';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { idParams, nameSchema } from '../common/schemas';
import { forbidden } from '../tenancy/regency-access.service';
import { canAnalyseCases, canRecordCases, canSeeCaseIdentities, canSignOffCases } from './aks-access';
import { AksAudits, assertAuditOpen } from './aks-audits.service';
import { AksCases, maxCsvBytes } from './aks-cases.service';
import { MalwareScanner } from '../common/malware-scanner.service';
import { multipartFileBody, receiveScannedFile } from '../common/scanned-upload';

/** A cell as a person types it: text or a number (JSON), read like the CSV column. */
const cell = z.union([z.string().max(500), z.number()]).transform((value) => String(value));

const caseBody = z.strictObject({
  nik: cell,
  nama: cell,
  tanggal_lahir: cell,
  alamat: cell,
  kecamatan: cell,
  kelurahan: cell,
  kelompok_sasaran: cell,
  berat_badan: cell,
  tinggi_badan: cell,
  lingkar_lengan: cell.optional(),
  tanggal_ukur: cell,
});
const measurementBody = z.strictObject({
  berat_badan: cell,
  tinggi_badan: cell,
  lingkar_lengan: cell.optional(),
  tanggal_ukur: cell,
});
const monitoringBody = measurementBody.extend({ bulan: z.number().int().min(1).max(12) });
const text = nameSchema(3, 2000);
const analysisBody = z.strictObject({
  findings: z.array(text).min(1).max(20),
  causes: z.array(text).min(1).max(20),
  recommendations: z.array(text).min(1).max(20),
});

/**
 * Cases of an audit. Identities are for the AKS technical team and expert panel of the regency
 * only (masked NIK, each read logged); the full export is for the AKS lead. Everyone else gets the
 * aggregates of AksAuditsController: case ids answer 404 to them, lists 403.
 */
@ApiTags('aks')
@ApiBearerAuth()
@Controller('api/v1')
export class AksCasesController {
  constructor(
    private readonly audits: AksAudits,
    private readonly cases: AksCases,
    private readonly stepUp: StepUp,
    private readonly scanner: MalwareScanner,
  ) {}

  @Post('aks/audits/:id/cases/import')
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiBody(multipartFileBody)
  @ApiOperation({
    summary:
      'Imports candidate cases from a CSV (README "AKS CSV import"); answers a report row by row, keeps the good rows',
  })
  async importCsv(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Req() request: Request,
  ) {
    const audit = await this.audits.writable(principal, params.id, canRecordCases);
    const { content } = await receiveScannedFile(request, this.scanner, maxCsvBytes);
    return this.cases.importCsv(audit, principal, content);
  }

  @Post('aks/audits/:id/cases')
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ schema: schemaFor(caseBody) })
  @ApiOperation({ summary: 'Enters one case by hand, with the columns and rules of the CSV' })
  async enter(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: caseBody }) body: z.infer<typeof caseBody>,
  ) {
    const audit = await this.audits.writable(principal, params.id, canRecordCases);
    return this.cases.enter(audit, principal, body as Record<string, string>);
  }

  @Get('aks/audits/:id/cases')
  @ApiOperation({ summary: 'Cases with masked identities (AKS teams of the regency); every read is logged' })
  async list(@CurrentPrincipal() principal: Principal, @Param({ schema: idParams }) params: z.infer<typeof idParams>) {
    const audit = await this.audits.allowed(principal, params.id, canSeeCaseIdentities);
    return this.cases.list(audit, principal);
  }

  @Get('aks/audits/:id/cases/export')
  @ApiOperation({
    summary:
      'Full identities as CSV, for the AKS lead of the audit only, after a step-up (403 STEP_UP_REQUIRED); every case read is logged',
  })
  async exportCsv(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const audit = await this.audits.allowed(principal, params.id, canSeeCaseIdentities);
    if (!(await this.audits.isLead(principal, audit)))
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'AKS_LEAD_ONLY',
        'Hanya ketua (lead) Tim Teknis AKS pada audit ini yang dapat mengekspor identitas kasus.',
      );
    const csv = await this.cases.exportCsv(audit, principal, await this.stepUp.require(principal));
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="kasus-aks-${audit.year}-s${audit.semester}.csv"`);
    response.setHeader('Cache-Control', 'no-store');
    return csv;
  }

  @Get('aks/cases/:id')
  @ApiOperation({ summary: 'One case with its masked identity, analysis and monitoring; the read is logged' })
  detail(@CurrentPrincipal() principal: Principal, @Param({ schema: idParams }) params: z.infer<typeof idParams>) {
    return this.cases.detail(principal, params.id);
  }

  @Post('aks/cases/:id/remeasurement')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(measurementBody) })
  @ApiOperation({ summary: 'Records the re-measurement of stage 2 (technical team)' })
  async remeasure(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: measurementBody }) body: z.infer<typeof measurementBody>,
  ) {
    await this.require(principal, params.id, canRecordCases);
    return this.cases.remeasure(principal, params.id, body as Record<string, string>);
  }

  @Post('aks/cases/:id/monitoring')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(monitoringBody) })
  @ApiOperation({ summary: 'Records one month of monitoring (SOP variant), once that month has opened' })
  async monitor(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: monitoringBody }) body: z.infer<typeof monitoringBody>,
  ) {
    await this.require(principal, params.id, canRecordCases);
    const { bulan, ...measurement } = body;
    return this.cases.monitor(principal, params.id, bulan, measurement as Record<string, string>);
  }

  @Post('aks/cases/:id/analysis')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(analysisBody) })
  @ApiOperation({ summary: 'Adds findings, likely causes and recommendations to a case (AKS teams)' })
  async analyse(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: analysisBody }) body: z.infer<typeof analysisBody>,
  ) {
    await this.require(principal, params.id, canAnalyseCases);
    return this.cases.analyse(principal, params.id, body);
  }

  @Post('aks/cases/:id/sign-off')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "The expert panel signs the case's analysis off" })
  async signOff(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    await this.require(principal, params.id, canSignOffCases);
    return this.cases.signOff(principal, params.id);
  }

  /** 404 for anyone who may not see the case at all, 403 for an AKS member lacking this right. */
  private async require(
    principal: Principal,
    caseId: string,
    allow: (principal: Principal, regencyCode: string) => boolean,
  ): Promise<void> {
    const { audit } = await this.cases.readable(principal, caseId);
    if (!allow(principal, audit.regencyCode)) throw forbidden();
    assertAuditOpen(audit);
  }
}
