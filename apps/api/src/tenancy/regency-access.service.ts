import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { UserRole } from '@konvergensi/contracts';
import { RegionRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { DATA_SOURCE } from '../tokens';
import { canReadRegency, canWriteRegency } from './access-policy';

export const regencyNotFound = (): ApiError =>
  new ApiError(HttpStatus.NOT_FOUND, 'REGENCY_NOT_FOUND', 'Kabupaten/kota tidak ditemukan.');

export const forbidden = (): ApiError =>
  new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Anda tidak memiliki akses untuk tindakan ini.');

/**
 * Resolves a regency addressed by its Kemendagri code for a caller. Regencies the caller may not
 * read answer 404 exactly like codes that do not exist, so no tenant can probe another's data.
 */
@Injectable()
export class RegencyAccess {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async readable(principal: Principal, code: string): Promise<RegionRecord> {
    if (!canReadRegency(principal, code)) throw regencyNotFound();
    const regency = await this.dataSource.getRepository(RegionRecord).findOneBy({ code, level: 'regency' });
    if (!regency) throw regencyNotFound();
    return regency;
  }

  /** 404 when the caller may not even read the regency, 403 when they may read but not change. */
  async writable(principal: Principal, code: string, roles: readonly UserRole[]): Promise<RegionRecord> {
    const regency = await this.readable(principal, code);
    if (!canWriteRegency(principal, code, roles)) throw forbidden();
    return regency;
  }
}
