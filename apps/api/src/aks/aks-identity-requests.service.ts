import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { aksIdentityFields, maskNik, validateAksCaseRow, type AksIdentity } from '@konvergensi/domain';
import { AksAuditRecord, AksCaseRecord, AksIdentityErasureRecord, UserRecord } from '@konvergensi/persistence';
import { In, IsNull, type DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { DATA_SOURCE } from '../tokens';
import { AksAudits } from './aks-audits.service';
import { AksCases } from './aks-cases.service';
import { AksIdentityCipher } from './aks-identity-cipher.service';

export const identityErased = () =>
  new ApiError(
    HttpStatus.CONFLICT,
    'AKS_IDENTITY_ERASED',
    'Identitas kasus ini sudah dihapus; yang tersisa hanya data agregat audit.',
  );

const leadOnly = () =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    'AKS_LEAD_ONLY',
    'Hanya ketua (lead) Tim Teknis AKS pada audit ini yang menangani permintaan subjek data.',
  );

/** A correction of identity fields, as the person asked for it; absent fields stay. */
export interface IdentityCorrection {
  nama?: string;
  nik?: string;
  tanggalLahir?: string;
  alamat?: string;
}

/**
 * A data subject's requests about their identity in an audit (UU PDP: the right to see, to correct
 * and to have it erased), handled by the audit's AKS lead. Each is a logged operation: the access
 * log names the lead, the case and the purpose (with the step-up for a full reveal or an erasure),
 * an erasure leaves a dated record without the identity.
 */
@Injectable()
export class AksIdentityRequests {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audits: AksAudits,
    private readonly cases: AksCases,
    private readonly cipher: AksIdentityCipher,
  ) {}

  /** The case, when the caller is the lead of its audit: 404 for outsiders, 403 for other AKS members. */
  async asLead(principal: Principal, caseId: string): Promise<{ record: AksCaseRecord; audit: AksAuditRecord }> {
    const found = await this.cases.readable(principal, caseId);
    if (!(await this.audits.isLead(principal, found.audit))) throw leadOnly();
    return found;
  }

  /** The full identity, for the person who asked to see what is held about them. */
  async reveal(principal: Principal, caseId: string, stepUpAt: Date): Promise<AksIdentity & { kasusId: string }> {
    const { record } = await this.asLead(principal, caseId);
    if (!record.identityCiphertext) throw identityErased();
    this.cipher.ensureConfigured();
    const identity = this.cipher.decrypt(record.id, record.identityCiphertext);
    await this.cases.logAccess(this.dataSource.manager, principal, [record.id], 'permintaan_subjek', stepUpAt);
    return { kasusId: record.id, ...identity };
  }

  /**
   * Corrects the identity under the same rules as an imported row (the birth date must still fit
   * the target group on the measurement day); a NIK already on another case of the audit is a 409.
   */
  async correct(principal: Principal, caseId: string, correction: IdentityCorrection) {
    const { record, audit } = await this.asLead(principal, caseId);
    if (!record.identityCiphertext) throw identityErased();
    this.cipher.ensureConfigured();
    const current = this.cipher.decrypt(record.id, record.identityCiphertext);
    const next: AksIdentity = { ...current, ...correction };
    const places = await this.audits.places(audit.regencyCode);
    const nameOf = (code: string | null, list: readonly { code: string; name: string }[]) =>
      list.find((p) => p.code === code)?.name ?? '';
    const m = record.measurement;
    const checked = validateAksCaseRow(
      {
        nik: next.nik,
        nama: next.nama,
        tanggal_lahir: next.tanggalLahir,
        alamat: next.alamat,
        kecamatan: nameOf(record.districtCode, places.kecamatan),
        kelurahan: nameOf(record.villageCode, places.kelurahan),
        kelompok_sasaran: record.targetGroup,
        berat_badan: String(m.beratBadan ?? ''),
        tinggi_badan: String(m.tinggiBadan ?? ''),
        lingkar_lengan: m.lingkarLengan === null || m.lingkarLengan === undefined ? '' : String(m.lingkarLengan),
        tanggal_ukur: String(m.tanggalUkur ?? ''),
      },
      { ...places, today: await this.cases.today(audit.regencyCode) },
    );
    if (!checked.ok)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'AKS_CASE_INVALID', checked.errors.map((e) => e.message).join(' '), {
        errors: checked.errors,
      });
    const identity = checked.value.identity;
    const nikHash = this.cipher.nikHash(identity.nik);
    await this.dataSource.transaction(async (manager) => {
      const clash = await manager
        .getRepository(AksCaseRecord)
        .createQueryBuilder('c')
        .where('c.audit_id = :auditId AND c.nik_hash = :nikHash AND c.id <> :id', {
          auditId: audit.id,
          nikHash,
          id: record.id,
        })
        .getExists();
      if (clash)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'AKS_CASE_EXISTS',
          'Kasus dengan NIK ini sudah tercatat pada audit ini.',
        );
      const updated = await manager
        .getRepository(AksCaseRecord)
        .update(
          { id: record.id, identityErasedAt: IsNull() },
          { identityCiphertext: this.cipher.encrypt(record.id, identity), nikHash },
        );
      if (!updated.affected) throw identityErased();
      await this.cases.logAccess(manager, principal, [record.id], 'koreksi');
    });
    return { kasusId: record.id, identitas: { ...identity, nik: maskNik(identity.nik) } };
  }

  /** Erases the identity at the person's request; the case's measurements, analysis and counts stay. */
  async erase(principal: Principal, caseId: string, note: string, stepUpAt: Date) {
    const { record, audit } = await this.asLead(principal, caseId);
    if (!record.identityCiphertext) throw identityErased();
    const erasure = await this.dataSource.transaction(async (manager) => {
      const erasedAt = new Date();
      const updated = await manager
        .getRepository(AksCaseRecord)
        .update(
          { id: record.id, identityErasedAt: IsNull() },
          { identityCiphertext: null, nikHash: null, identityErasedAt: erasedAt },
        );
      if (!updated.affected) throw identityErased();
      await this.cases.logAccess(manager, principal, [record.id], 'penghapusan', stepUpAt);
      return manager.getRepository(AksIdentityErasureRecord).save({
        auditId: audit.id,
        caseId: record.id,
        reason: 'data_subject_request' as const,
        fields: [...aksIdentityFields],
        erasedBy: principal.userId,
        note,
        erasedAt,
      });
    });
    return this.present([erasure])[0];
  }

  /** The audit's erasure records: what was erased, when, why and by whom; no identity. */
  async erasures(audit: AksAuditRecord) {
    const records = await this.dataSource
      .getRepository(AksIdentityErasureRecord)
      .find({ where: { auditId: audit.id }, order: { erasedAt: 'ASC', id: 'ASC' } });
    const userIds = [...new Set(records.flatMap((r) => (r.erasedBy ? [r.erasedBy] : [])))];
    const users = userIds.length
      ? await this.dataSource.getRepository(UserRecord).find({ where: { id: In(userIds) } })
      : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return {
      items: this.present(records, names),
      total: records.length,
    };
  }

  private present(records: AksIdentityErasureRecord[], names = new Map<string, string>()) {
    return records.map((r) => ({
      id: r.id,
      kasusId: r.caseId,
      alasan: r.reason,
      kolom: r.fields,
      catatan: r.note,
      olehPengguna: r.erasedBy ? (names.get(r.erasedBy) ?? null) : null,
      dihapusPada: r.erasedAt.toISOString(),
    }));
  }
}
