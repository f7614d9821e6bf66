import { Controller, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { MalwareScanner } from '../common/malware-scanner.service';
import { multipartFileBody, receiveScannedFile } from '../common/scanned-upload';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { IndicatorImports } from './indicator-import.service';
import { indicatorEditors, periodParams } from './indicators.controller';

/** A national form of ~300 rows is ~60 KB as XLSX; 5 MB leaves room for formatting and pictures. */
const maxFormBytes = 5 * 1024 * 1024;

const importQuery = z.strictObject({
  token: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'token adalah nilai "token" dari pratinjau')
    .optional(),
});

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/indicators/:year/:semester/import')
export class IndicatorImportController {
  constructor(
    private readonly regencies: RegencyAccess,
    private readonly imports: IndicatorImports,
    private readonly scanner: MalwareScanner,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiBody(multipartFileBody)
  @ApiOperation({
    summary:
      'Imports the national form (the semester report’s .xlsx, or .csv): a preview, then on confirmation the changes',
    description:
      'Without `token`: a preview of every row (status new, changed, unchanged, skipped or invalid; the value before and after; warnings), nothing stored. With the preview’s `token` and the same file: stores the new and changed values, all or nothing; 409 `FORM_IMPORT_STALE` when the stored values changed since the preview, 422 `FORM_IMPORT_INVALID` while a row cannot be read. A blank or "-" never deletes a stored value.',
  })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: periodParams }) params: z.infer<typeof periodParams>,
    @Query({ schema: importQuery }) query: z.infer<typeof importQuery>,
    @Req() request: Request,
  ) {
    await this.regencies.writable(principal, params.code, indicatorEditors);
    const { content } = await receiveScannedFile(request, this.scanner, maxFormBytes);
    const period = { regencyCode: params.code, year: params.year, semester: params.semester };
    if (query.token === undefined) return this.imports.preview(period, content);
    const preview = await this.imports.store(period, content, query.token, principal.userId);
    return { stored: preview.summary.new + preview.summary.changed, ...preview };
  }
}
