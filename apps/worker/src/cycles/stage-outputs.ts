import { Inject, Injectable } from '@nestjs/common';
import {
  lokusProposalStage,
  situationAnalysis,
  villagesOf,
  type CyclePlanAction,
  type CyclePlanStage,
} from '@konvergensi/domain';
import { CycleRecord, ReviewRecommendationRecord, StageRecord, VillageSituationRecord } from '@konvergensi/persistence';
import { IsNull, type DataSource } from 'typeorm';
import { DATA_SOURCE } from '../tokens';

/**
 * What particular stages produce beyond their tasks (004): Aksi 1's analysis proposes the lokus
 * villages for the secretary to confirm; Aksi 1 starts from last year's unresolved Aksi 8
 * recommendations. Keyed writes only: a retried activity proposes nothing twice.
 */
@Injectable()
export class StageOutputs {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async stageClosed(cycleId: string, stageId: string): Promise<void> {
    const stage = await this.dataSource.getRepository(StageRecord).findOneByOrFail({ id: stageId });
    if (stage.code === lokusProposalStage) await this.proposeLokus(cycleId);
  }

  /** The carried recommendations, as a paragraph for the tasks of Aksi 1's first stage. */
  async briefingFor(cycle: CycleRecord, action: CyclePlanAction, stage: CyclePlanStage): Promise<string> {
    if (action.number !== 1 || stage.order !== action.stages[0]?.order) return '';
    const carried = await this.dataSource
      .getRepository(ReviewRecommendationRecord)
      .find({ where: { cycleId: cycle.id, resolvedAt: IsNull() }, order: { createdAt: 'ASC' } });
    const fromLastYear = carried.filter((r) => r.carriedFromId !== null);
    if (fromLastYear.length === 0) return '';
    return [
      `Rekomendasi reviu kinerja tahun ${cycle.year - 1} yang belum selesai (Aksi 8) dan menjadi bahan analisis situasi:`,
      ...fromLastYear.map((r, i) => `${i + 1}. ${r.text}`),
    ].join('\n');
  }

  private async proposeLokus(cycleId: string): Promise<void> {
    const cycle = await this.dataSource.getRepository(CycleRecord).findOneByOrFail({ id: cycleId });
    const rows = await this.dataSource.getRepository(VillageSituationRecord).findBy({ cycleId });
    const analysis = situationAnalysis(
      rows.map((r) => ({
        villageCode: r.villageCode,
        prevalence: r.prevalence === null ? null : Number(r.prevalence),
        cases: r.cases,
        coverage: r.coverage,
      })),
      villagesOf(cycle.regencyCode).map((v) => v.id),
    );
    for (const [index, village] of analysis.focus.selected.entries()) {
      await this.dataSource.query(
        `INSERT INTO lokus_village (cycle_id, village_code, rank, basis, status)
         VALUES ($1, $2, $3, $4::jsonb, 'proposed')
         ON CONFLICT ON CONSTRAINT uq_lokus_village_cycle_village DO NOTHING`,
        [cycleId, village.id, index + 1, JSON.stringify(village)],
      );
    }
  }
}
