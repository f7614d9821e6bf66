import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@konvergensi/config';
import { EvidenceBlobRecord, EvidenceFileRecord, TaskEventRecord, TaskRecord } from '@konvergensi/persistence';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { idParams } from '../common/schemas';
import { canActAsAssignee, canReadTask } from '../tenancy/access-policy';
import { taskNotFound } from '../tasks/task-presenter';
import { APP_CONFIG, DATA_SOURCE } from '../tokens';
import { UploadError } from '../common/multipart-upload';
import { uploadRefusal } from '../common/upload-refusal';
import { receiveEvidence } from './evidence-upload';
import { UploadQuota } from './upload-quota';
import { MalwareScanner } from '../common/malware-scanner.service';

/** Approved and cancelled tasks are closed: their evidence is what it was when they closed. */
const closedTaskStatuses = new Set(['approved', 'cancelled']);

const taskClosedForEvidence = () =>
  new ApiError(HttpStatus.CONFLICT, 'TASK_CLOSED', 'Tugas sudah ditutup; bukti tidak dapat ditambahkan lagi.');

function presentEvidence(file: EvidenceFileRecord) {
  return {
    id: file.id,
    taskId: file.taskId,
    originalName: file.originalName,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    uploadedBy: file.uploadedBy,
    uploadedAt: file.uploadedAt.toISOString(),
    downloadUrl: `/api/v1/evidence/${file.id}`,
  };
}

/** Evidence files of tasks: stored once per SHA-256, typed by content, ≤ 20 MB. */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('api/v1')
export class EvidenceController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly quota: UploadQuota,
    private readonly scanner: MalwareScanner,
  ) {}

  @Post('tasks/:id/evidence')
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Uploads one evidence file (PDF, DOCX, XLSX, JPG, PNG; ≤ 20 MB) for a task of your unit' })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Req() request: Request,
  ) {
    const task = await this.dataSource.getRepository(TaskRecord).findOneBy({ id: params.id });
    if (!task || !canReadTask(principal, task)) throw taskNotFound();
    if (!canActAsAssignee(principal, task)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Hanya unit penanggung jawab tugas yang dapat mengunggah bukti.',
      );
    }
    if (closedTaskStatuses.has(task.status)) {
      request.resume();
      throw taskClosedForEvidence();
    }
    let evidence;
    try {
      evidence = await receiveEvidence(request, this.config.MAX_UPLOAD_BYTES, (content) => this.scanner.check(content));
    } catch (error) {
      if (error instanceof UploadError) throw uploadRefusal(error.reason, this.config.MAX_UPLOAD_BYTES);
      throw error;
    }
    const file = await this.dataSource.transaction(async (manager) => {
      // The task may have been closed while the file was streaming in.
      const current = await manager
        .getRepository(TaskRecord)
        .findOne({ where: { id: task.id }, lock: { mode: 'pessimistic_write' } });
      if (!current || closedTaskStatuses.has(current.status)) throw taskClosedForEvidence();
      await this.quota.ensureRoom(manager, task.regencyCode, evidence.sizeBytes);
      await manager
        .createQueryBuilder()
        .insert()
        .into(EvidenceBlobRecord)
        .values({ sha256: evidence.sha256, content: evidence.content, sizeBytes: evidence.sizeBytes })
        .orIgnore()
        .execute();
      const record = manager.getRepository(EvidenceFileRecord).create({
        regencyCode: task.regencyCode,
        taskId: task.id,
        submissionId: null,
        sha256: evidence.sha256,
        originalName: evidence.originalName.slice(0, 255),
        mediaType: evidence.mediaType,
        sizeBytes: evidence.sizeBytes,
        uploadedBy: principal.userId,
      });
      await manager.getRepository(EvidenceFileRecord).save(record);
      await manager.getRepository(TaskEventRecord).insert({
        taskId: task.id,
        kind: 'evidence_uploaded',
        actorUserId: principal.userId,
        occurredAt: new Date(),
        payload: {
          evidenceId: record.id,
          sha256: evidence.sha256,
          mediaType: evidence.mediaType,
          sizeBytes: evidence.sizeBytes,
        },
      });
      return record;
    });
    return presentEvidence(file);
  }

  @Get('tasks/:id/evidence')
  @ApiOperation({ summary: 'Evidence files of a task' })
  async list(@CurrentPrincipal() principal: Principal, @Param({ schema: idParams }) params: z.infer<typeof idParams>) {
    const task = await this.dataSource.getRepository(TaskRecord).findOneBy({ id: params.id });
    if (!task || !canReadTask(principal, task)) throw taskNotFound();
    const files = await this.dataSource
      .getRepository(EvidenceFileRecord)
      .find({ where: { taskId: task.id }, order: { uploadedAt: 'ASC' } });
    return files.map(presentEvidence);
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: 'Downloads an evidence file' })
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const notFound = new ApiError(HttpStatus.NOT_FOUND, 'EVIDENCE_NOT_FOUND', 'Berkas bukti tidak ditemukan.');
    const file = await this.dataSource.getRepository(EvidenceFileRecord).findOneBy({ id: params.id });
    if (!file) throw notFound;
    const task = await this.dataSource.getRepository(TaskRecord).findOneBy({ id: file.taskId });
    if (!task || !canReadTask(principal, task)) throw notFound;
    const blob = await this.dataSource.getRepository(EvidenceBlobRecord).findOneByOrFail({ sha256: file.sha256 });
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(blob.content, {
      type: file.mediaType,
      length: blob.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    });
  }
}
