import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { lokusConfirmationStage } from '@konvergensi/domain';
import { LokusVillageRecord, StageRecord, type TaskRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { hasRole } from '../tenancy/access-policy';
import { DATA_SOURCE } from '../tokens';

/**
 * What the template asks of a cycle task before it can move on: evidence for its deliverables,
 * the unit head's own submission where a signature is asked (the commitment of the rembuk, the
 * Perwali), and for Aksi 1's last stage a lokus list the TPPS secretary has confirmed.
 */
@Injectable()
export class CycleTaskRules {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  checkSubmission(principal: Principal, task: TaskRecord, evidenceIds: readonly string[]): void {
    if (task.kind !== 'cycle' || task.deliverables.length === 0) return;
    if (evidenceIds.length === 0) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'EVIDENCE_REQUIRED',
        `Tugas ini meminta keluaran (${task.deliverables.map((d) => d.title).join('; ')}); lampirkan minimal satu berkas bukti.`,
      );
    }
    if (task.deliverables.some((d) => d.kind === 'signature') && !hasRole(principal, 'opd_head')) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'SIGNATURE_REQUIRES_HEAD',
        'Keluaran tugas ini adalah tanda tangan; kirimkan oleh kepala unit sendiri.',
      );
    }
  }

  async checkApproval(task: TaskRecord): Promise<void> {
    if (task.kind !== 'cycle' || !task.stageId || !task.cycleId) return;
    const stage = await this.dataSource.getRepository(StageRecord).findOneBy({ id: task.stageId });
    if (stage?.code !== lokusConfirmationStage) return;
    const confirmed = await this.dataSource
      .getRepository(LokusVillageRecord)
      .countBy({ cycleId: task.cycleId, status: 'confirmed' });
    if (confirmed === 0) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'LOKUS_NOT_CONFIRMED',
        'Daftar desa/kelurahan lokus belum dikonfirmasi Sekretaris TPPS; tahap terakhir Aksi 1 belum dapat disetujui.',
      );
    }
  }
}
