import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { aksIdentityRetention } from '@konvergensi/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { StepUp } from '../auth/mfa/step-up.service';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { schemaFor } from '../common/openapi';
import { idParams, nameSchema, regencyParams } from '../common/schemas';
import { reasonSchema } from '../status/note-schema';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { canSeeCaseIdentities } from './aks-access';
import { AksAudits } from './aks-audits.service';
import { AksIdentityRequests } from './aks-identity-requests.service';
import { AksRetentionSettings } from './aks-retention-settings.service';

const correctionBody = z
  .strictObject({
    nama: nameSchema(2, 120).optional(),
    nik: z.string().trim().max(16).optional(),
    tanggalLahir: z.string().trim().max(10).optional(),
    alamat: nameSchema(1, 300).optional(),
    alasan: reasonSchema,
  })
  .refine((body) => ['nama', 'nik', 'tanggalLahir', 'alamat'].some((k) => k in body), {
    message: 'sebutkan minimal satu kolom identitas yang dikoreksi (nama, nik, tanggalLahir, alamat)',
  });
const erasureBody = z.strictObject({ alasan: reasonSchema });
const retentionBody = z.strictObject({
  retentionMonths: z
    .number()
    .int('masa retensi dalam bulan bulat')
    .min(aksIdentityRetention.minMonths, `masa retensi minimal ${aksIdentityRetention.minMonths} bulan`)
    .max(aksIdentityRetention.maxMonths, `masa retensi paling lama ${aksIdentityRetention.maxMonths} bulan`),
});

/**
 * A data subject's requests (see in full, correct, erase their identity) for the AKS lead of the
 * audit, the audit's erasure records, and the regency's retention period (UU PDP).
 */
@ApiTags('aks')
@ApiBearerAuth()
@Controller('api/v1')
export class AksIdentityRequestsController {
  constructor(
    private readonly audits: AksAudits,
    private readonly requests: AksIdentityRequests,
    private readonly regencies: RegencyAccess,
    private readonly stepUp: StepUp,
    private readonly retentionSettings: AksRetentionSettings,
  ) {}

  @Get('aks/cases/:id/identity')
  @ApiOperation({
    summary:
      "A case's full identity for the person's own request to see it: the AKS lead of the audit only, after a step-up (403 STEP_UP_REQUIRED); logged",
  })
  async reveal(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.requests.asLead(principal, params.id);
    const identity = await this.requests.reveal(principal, params.id, await this.stepUp.require(principal));
    response.setHeader('Cache-Control', 'no-store');
    return identity;
  }

  @Patch('aks/cases/:id/identity')
  @ApiBody({ schema: schemaFor(correctionBody) })
  @ApiOperation({
    summary: "Corrects a case's identity at the person's request (AKS lead of the audit); answers it masked; logged",
  })
  correct(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: correctionBody }) body: z.infer<typeof correctionBody>,
  ) {
    const { alasan: _reason, ...correction } = body;
    return this.requests.correct(principal, params.id, correction);
  }

  @Post('aks/cases/:id/identity/erasure')
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ schema: schemaFor(erasureBody) })
  @ApiOperation({
    summary:
      "Erases a case's identity at the person's request (AKS lead, after a step-up); the case's aggregates stay; a dated record is kept",
  })
  async erase(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: erasureBody }) body: z.infer<typeof erasureBody>,
  ) {
    await this.requests.asLead(principal, params.id);
    return this.requests.erase(principal, params.id, body.alasan, await this.stepUp.require(principal));
  }

  @Get('aks/audits/:id/identity-erasures')
  @ApiOperation({
    summary:
      "The audit's identity erasures (retention or request): which case, fields, when, why, by whom; no identity",
  })
  async erasures(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    return this.requests.erasures(await this.audits.allowed(principal, params.id, canSeeCaseIdentities));
  }

  @Get('regencies/:code/aks-retention-settings')
  @ApiOperation({ summary: "How long the regency keeps AKS identities after an audit's report (months)" })
  async retention(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    return this.retentionSettings.read(regency.code);
  }

  @Put('regencies/:code/aks-retention-settings')
  @ApiBody({ schema: schemaFor(retentionBody) })
  @ApiOperation({ summary: 'Sets the retention period of AKS identities (TPPS secretary or admin), 1-120 months' })
  async setRetention(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Body({ schema: retentionBody }) body: z.infer<typeof retentionBody>,
  ) {
    const regency = await this.regencies.writable(principal, params.code, ['tpps_secretary']);
    return this.retentionSettings.write(principal, regency.code, body.retentionMonths);
  }
}
