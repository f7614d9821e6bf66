import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { Request } from 'express';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { schemaFor } from '../common/openapi';
import {
  idParams,
  localDateSchema,
  nameSchema,
  regencyParams,
  unitCodeSchema,
  uuidSchema,
  yearSchema,
} from '../common/schemas';
import { UploadError } from '../common/multipart-upload';
import { uploadRefusal } from '../common/upload-refusal';
import { receiveEvidence } from '../evidence/evidence-upload';
import { MalwareScanner } from '../common/malware-scanner.service';
import { IdempotentReplay } from '../idempotency/idempotent-replay';
import { idempotencyHeaderDoc, requireIdempotencyKey } from '../tasks/task-requests';
import { APP_CONFIG } from '../tokens';
import { canApproveAksReport, canRunAudit } from './aks-access';
import { AksAudits } from './aks-audits.service';
import { aksTemplates } from './aks-plan.service';
import { AksStageWork } from './aks-stage-work.service';

const semesterSchema = z.coerce.number().int().min(1).max(2);

const startBody = z.strictObject({
  year: yearSchema,
  semester: semesterSchema,
  templateCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'kode templat AKS, mis. AKS atau AKS_SOP'),
});
const factsQuery = z.strictObject({ year: yearSchema, semester: semesterSchema });
const stageParams = z.strictObject({
  id: uuidSchema,
  stageCode: z.string().regex(/^[A-Z][A-Z0-9_.]{1,39}$/, 'kode tahap, mis. AKS.T1'),
});
const documentParams = z.strictObject({
  id: uuidSchema,
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'kode dokumen, mis. AKS_SK'),
});
const teamBody = z.strictObject({
  members: z
    .array(
      z.strictObject({
        // The account format of the users API: anything else cannot name an account, and a NUL
        // byte would otherwise reach the database query and fail there (500).
        username: z
          .string()
          .trim()
          .toLowerCase()
          .regex(
            /^[a-z0-9][a-z0-9._-]{2,63}$/,
            'nama pengguna: huruf kecil, angka, titik, garis bawah atau tanda hubung',
          ),
        team: z.enum(['technical', 'expert']),
        lead: z.boolean().default(false),
        specialty: nameSchema(2, 100).optional(),
      }),
    )
    .min(2)
    .max(50)
    // Usernames are lower-cased above, so "Metro.Dinkes" and "metro.dinkes" are the same member.
    .refine(
      (members) => new Set(members.map((member) => member.username)).size === members.length,
      'setiap anggota hanya boleh tercantum sekali',
    ),
});
const followUpBody = z.strictObject({
  items: z
    .array(z.strictObject({ recommendationId: uuidSchema, unitCode: unitCodeSchema, dueDate: localDateSchema }))
    .min(1)
    .max(100),
});

/**
 * The stunting case audit (AKS): one durable workflow per regency, year and semester walking the
 * chosen template's stages. Everything here is aggregate or organisational; case identities are
 * served only by AksCasesController.
 */
@ApiTags('aks')
@ApiBearerAuth()
@Controller('api/v1')
export class AksAuditsController {
  constructor(
    private readonly audits: AksAudits,
    private readonly work: AksStageWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scanner: MalwareScanner,
  ) {}

  @Get('aks/templates')
  @ApiOperation({ summary: 'The AKS templates (five stages of 003, and the SOP variant with monthly monitoring)' })
  templates() {
    return aksTemplates.map((t) => ({
      code: t.code,
      title: t.title.id,
      stages: t.stages.map((s) => ({ code: s.code, order: s.order, title: s.title.id, owner: s.owner.value })),
    }));
  }

  @Post('regencies/:code/aks/audits')
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({
    ...idempotencyHeaderDoc,
    required: false,
    description:
      'Recommended: a repeat with the same key and body (after a timeout) answers the audit it started instead of 409.',
  })
  @ApiBody({ schema: schemaFor(startBody) })
  @ApiOperation({ summary: 'Starts the audit of a semester (TPPS secretary or AKS technical team)' })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Body({ schema: startBody }) body: z.infer<typeof startBody>,
    @IdempotentReplay() replay: boolean,
  ) {
    // A repeat of the request that started it (same Idempotency-Key and body): the same answer.
    const audit = replay
      ? await this.audits.ofPeriod(principal, params.code, body.year, body.semester)
      : await this.audits.start(principal, params.code, body);
    return this.audits.view(audit);
  }

  @Get('regencies/:code/aks/audits')
  @ApiOperation({ summary: 'Audits of a regency: stages, counts and the recap (aggregates only)' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
  ) {
    return this.audits.list(principal, params.code);
  }

  @Get('regencies/:code/aks/facts')
  @ApiOperation({
    summary: 'AuditFacts of the year up to the semester, for the derived indicators of the semester report',
  })
  facts(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Query({ schema: factsQuery }) query: z.infer<typeof factsQuery>,
  ) {
    return this.audits.facts(principal, params.code, query.year, query.semester);
  }

  @Get('aks/audits/:id')
  @ApiOperation({ summary: 'One audit: stages, counts and the recap by kecamatan and target group' })
  async detail(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    return this.audits.view(await this.audits.readable(principal, params.id));
  }

  @Get('aks/audits/:id/recap')
  @ApiOperation({ summary: "003's recap: audited cases by kecamatan and target group (counts only)" })
  async recap(@CurrentPrincipal() principal: Principal, @Param({ schema: idParams }) params: z.infer<typeof idParams>) {
    return this.audits.recap(await this.audits.readable(principal, params.id));
  }

  @Post('aks/audits/:id/stages/:stageCode/complete')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(idempotencyHeaderDoc)
  @ApiOperation({ summary: 'Closes the current stage; refused (409) while its outputs are missing' })
  async completeStage(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: stageParams }) params: z.infer<typeof stageParams>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const requestId = requireIdempotencyKey(key, 'aks-complete-stage');
    const audit = await this.audits.allowed(principal, params.id, canRunAudit);
    return this.audits.completeStage(principal, audit, params.stageCode, requestId);
  }

  @Put('aks/audits/:id/team')
  @ApiBody({ schema: schemaFor(teamBody) })
  @ApiOperation({
    summary: 'Sets the roster of the technical team and the expert panel; one technical member is the lead',
  })
  async setTeam(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: teamBody }) body: z.infer<typeof teamBody>,
  ) {
    const audit = await this.audits.writable(principal, params.id, canRunAudit);
    return this.work.setTeam(audit, body.members);
  }

  @Get('aks/audits/:id/team')
  @ApiOperation({ summary: 'The roster of the audit' })
  async team(@CurrentPrincipal() principal: Principal, @Param({ schema: idParams }) params: z.infer<typeof idParams>) {
    return this.work.team(await this.audits.readable(principal, params.id));
  }

  @Post('aks/audits/:id/documents/:code')
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Uploads a stage document (SK Tim AKS, minutes…) as PDF, DOCX, XLSX, JPG or PNG' })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: documentParams }) params: z.infer<typeof documentParams>,
    @Req() request: Request,
  ) {
    const audit = await this.audits.writable(principal, params.id, canRunAudit);
    try {
      this.work.checkDocumentCode(audit, params.code);
      const file = await receiveEvidence(request, this.config.MAX_UPLOAD_BYTES, (content) =>
        this.scanner.check(content),
      );
      return await this.work.storeDocument(audit, principal, params.code, file);
    } catch (error) {
      if (error instanceof UploadError) throw uploadRefusal(error.reason, this.config.MAX_UPLOAD_BYTES);
      // Refused before the body was read (an unknown document code): drop the body so the answer reaches the client.
      request.resume();
      throw error;
    }
  }

  @Get('aks/audits/:id/documents')
  @ApiOperation({ summary: 'Documents of the audit' })
  async documents(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    return this.work.documents(await this.audits.readable(principal, params.id));
  }

  @Get('aks/audits/:id/recommendations')
  @ApiOperation({ summary: 'Recommendations of the audit (texts without identities) and their follow-up tasks' })
  async recommendations(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    return this.work.recommendations(await this.audits.readable(principal, params.id));
  }

  @Post('aks/audits/:id/follow-up-plan')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(followUpBody) })
  @ApiOperation({
    summary: 'The RTL: accepted recommendations become aks_follow_up tasks with a due date and the ladder',
  })
  async followUpPlan(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: followUpBody }) body: z.infer<typeof followUpBody>,
  ) {
    const audit = await this.audits.writable(principal, params.id, canRunAudit);
    return this.work.followUpPlan(audit, principal, body.items);
  }

  @Get('aks/audits/:id/report')
  @ApiOperation({ summary: 'The AKS report (aggregates only) and its status' })
  async report(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    const audit = await this.audits.readable(principal, params.id);
    return { reportStatus: audit.reportStatus, report: audit.report };
  }

  @Post('aks/audits/:id/report/compile')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Compiles the report from the stages (secretary or technical team)' })
  async compile(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    return this.work.compileReport(await this.audits.writable(principal, params.id, canRunAudit));
  }

  @Post('aks/audits/:id/report/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The TPPS chair approves the compiled report' })
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    return this.work.moveReport(
      await this.audits.writable(principal, params.id, canApproveAksReport),
      'compiled',
      'approved',
    );
  }

  @Post('aks/audits/:id/report/submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Marks the approved report as submitted to the provincial TPPS' })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ) {
    return this.work.moveReport(await this.audits.writable(principal, params.id, canRunAudit), 'approved', 'submitted');
  }
}
