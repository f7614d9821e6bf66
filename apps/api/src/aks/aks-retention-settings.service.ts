import { Inject, Injectable } from '@nestjs/common';
import { aksIdentityRetention } from '@konvergensi/domain';
import { AksRetentionSettingRecord, loadAksRetentionMonths } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DATA_SOURCE } from '../tokens';

/** A regency's retention period of AKS identities: its own, or libs/domain's default. */
@Injectable()
export class AksRetentionSettings {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async read(regencyCode: string) {
    const own = await loadAksRetentionMonths(this.dataSource, regencyCode);
    return {
      regencyCode,
      retentionMonths: own ?? aksIdentityRetention.defaultMonths,
      isDefault: own === null,
      defaultMonths: aksIdentityRetention.defaultMonths,
      minMonths: aksIdentityRetention.minMonths,
      maxMonths: aksIdentityRetention.maxMonths,
    };
  }

  async write(principal: Principal, regencyCode: string, retentionMonths: number) {
    await this.dataSource
      .getRepository(AksRetentionSettingRecord)
      .upsert({ regencyCode, retentionMonths, updatedBy: principal.userId }, ['regencyCode']);
    return this.read(regencyCode);
  }
}
