import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AksRetentionActivities, RegencyScheduleInput } from '@konvergensi/contracts';
import { aksIdentityFields, aksIdentityRetention, retentionCutoff } from '@konvergensi/domain';
import { eraseAksIdentitiesSubmittedBy, loadAksRetentionMonths } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../tokens';

/**
 * The retention run behind the regency's daily Schedule: identities of audits whose report went to
 * the province more than the regency's retention period ago are erased, each with a dated record.
 * One keyed statement, so a retry erases nothing twice; logs carry counts only.
 */
@Injectable()
export class AksRetentionActivitiesProvider implements AksRetentionActivities {
  private readonly logger = new Logger('AksRetention');

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async eraseExpiredAksIdentities({ regencyCode }: RegencyScheduleInput) {
    const retentionMonths =
      (await loadAksRetentionMonths(this.dataSource, regencyCode)) ?? aksIdentityRetention.defaultMonths;
    const now = new Date();
    const result = await this.dataSource.transaction((manager) =>
      eraseAksIdentitiesSubmittedBy(manager, {
        regencyCode,
        submittedBy: retentionCutoff(retentionMonths, now),
        erasedAt: now,
        fields: aksIdentityFields,
        note: `retensi ${retentionMonths} bulan setelah laporan dikirim`,
      }),
    );
    if (result.erasedCases > 0)
      this.logger.log(
        `regency ${regencyCode}: erased ${result.erasedCases} AKS identities of ${result.audits} audits (retention ${retentionMonths} months)`,
      );
    return { retentionMonths, ...result };
  }
}
