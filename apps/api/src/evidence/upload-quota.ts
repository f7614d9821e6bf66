import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { EntityManager } from 'typeorm';
import { ApiError } from '../common/api-error';
import { APP_CONFIG } from '../tokens';

/** "1,5 GB" */
function gigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(bytes < 1024 ** 3 ? 2 : 1).replace('.', ',')} GB`;
}

/**
 * The regency's share of stored files: task evidence and AKS documents together may not pass
 * REGENCY_UPLOAD_QUOTA_BYTES. Checked inside the transaction that stores a file, under a
 * per-regency advisory lock, so that two uploads at once cannot both squeeze past the limit.
 */
@Injectable()
export class UploadQuota {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async ensureRoom(manager: EntityManager, regencyCode: string, incomingBytes: number): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('upload-quota:' || $1))`, [regencyCode]);
    const [row] = (await manager.query(
      `SELECT (SELECT coalesce(sum(size_bytes), 0) FROM evidence_file WHERE regency_code = $1)
            + (SELECT coalesce(sum(d.size_bytes), 0) FROM aks_document d
                 JOIN aks_audit a ON a.id = d.audit_id WHERE a.regency_code = $1) AS used`,
      [regencyCode],
    )) as { used: string }[];
    const used = Number(row?.used ?? 0);
    const quota = this.config.REGENCY_UPLOAD_QUOTA_BYTES;
    if (used + incomingBytes > quota) {
      throw new ApiError(
        HttpStatus.INSUFFICIENT_STORAGE,
        'UPLOAD_QUOTA_EXCEEDED',
        `Ruang berkas kabupaten/kota ini sudah terpakai ${gigabytes(used)} dari ${gigabytes(quota)}; ` +
          'berkas ini tidak dapat disimpan. Hubungi admin sistem.',
        { usedBytes: used, quotaBytes: quota, fileBytes: incomingBytes },
      );
    }
  }
}
