import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  aksCsvColumns,
  csvCell,
  localDateOf,
  maskNik,
  mentionsIdentity,
  missingAksColumns,
  validateAksCaseRow,
  validateAksMeasurement,
  type AksCaseDraft,
  type AksIdentity,
  type AksRowError,
  type IndonesianTimeZone,
} from '@konvergensi/domain';
import {
  AksAuditRecord,
  AksCaseRecord,
  AksFindingRecord,
  AksIdentityAccessRecord,
  AksMonitoringRecord,
  AksRecommendationRecord,
  AksStageRecord,
  RegionRecord,
} from '@konvergensi/persistence';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { DATA_SOURCE } from '../tokens';
import { canSeeCaseIdentities } from './aks-access';
import { AksAudits } from './aks-audits.service';
import { AksIdentityCipher } from './aks-identity-cipher.service';
import { isUtf8 } from 'node:buffer';

export const caseNotFound = () =>
  new ApiError(HttpStatus.NOT_FOUND, 'AKS_CASE_NOT_FOUND', 'Kasus audit tidak ditemukan.');

/** Largest CSV accepted: far above a semester's audited cases (003: 43 in Dumai). */
export const maxCsvBytes = 2 * 1024 * 1024;
const maxCsvRows = 5000;

export interface ImportReport {
  received: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  errors: { row: number; column: string | null; message: string }[];
}

/**
 * Why an identity was read or changed: a list, a case, the lead's export, or a data subject's
 * request (see it in full, correct it, erase it) handled by the lead.
 */
export type IdentityPurpose = 'daftar' | 'detail' | 'ekspor' | 'permintaan_subjek' | 'koreksi' | 'penghapusan';

/**
 * Cases of an audit: import, hand entry, measurements, analysis, and the identity reads. The
 * identity leaves this service only masked (NIK) and only to the AKS teams of the regency, or in
 * full in the lead's export; every such read writes one `aks_identity_access` row per case.
 */
@Injectable()
export class AksCases {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audits: AksAudits,
    private readonly cipher: AksIdentityCipher,
  ) {}

  /** Today in the regency's calendar (YYYY-MM-DD). */
  async today(regencyCode: string): Promise<string> {
    const regency = await this.dataSource.getRepository(RegionRecord).findOneBy({ code: regencyCode });
    return localDateOf(new Date(), (regency?.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone);
  }

  /** A case the caller may see the identity of; everyone else gets 404, like a missing id. */
  async readable(principal: Principal, caseId: string): Promise<{ record: AksCaseRecord; audit: AksAuditRecord }> {
    const record = await this.dataSource.getRepository(AksCaseRecord).findOneBy({ id: caseId });
    if (!record) throw caseNotFound();
    const audit = await this.dataSource.getRepository(AksAuditRecord).findOneBy({ id: record.auditId });
    if (!audit || !canSeeCaseIdentities(principal, audit.regencyCode)) throw caseNotFound();
    return { record, audit };
  }

  async importCsv(audit: AksAuditRecord, principal: Principal, content: Buffer): Promise<ImportReport> {
    this.cipher.ensureConfigured();
    if (!isUtf8(content)) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_CSV_NOT_UTF8',
        'Berkas CSV bukan teks UTF-8. Simpan ulang sebagai "CSV UTF-8" lalu unggah kembali.',
      );
    }
    let records: Record<string, string>[];
    let repeatedColumns: string[] = [];
    try {
      const text = content.toString('utf8');
      const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
      records = parse(text, {
        bom: true,
        columns: (header: string[]) => {
          const names = header.map((h) => h.trim().toLowerCase());
          // A column named twice would let the later one silently replace the earlier one.
          repeatedColumns = [...new Set(names.filter((name, i) => name && names.indexOf(name) !== i))];
          return names;
        },
        // Spreadsheets in an Indonesian locale save CSV with semicolons.
        delimiter: (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',',
        skip_empty_lines: true,
        relax_column_count: true,
        trim: true,
        to: maxCsvRows + 1,
      }) as Record<string, string>[];
    } catch {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_CSV_UNREADABLE',
        'Berkas CSV tidak dapat dibaca. Simpan sebagai CSV (UTF-8) dengan baris judul kolom.',
      );
    }
    if (repeatedColumns.length > 0)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_CSV_REPEATED_COLUMNS',
        `Kolom berikut muncul lebih dari sekali pada baris judul: ${repeatedColumns.join(', ')}.`,
      );
    if (records.length > maxCsvRows)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_CSV_TOO_MANY_ROWS',
        `Satu berkas paling banyak ${maxCsvRows} baris.`,
      );
    const header = records.length > 0 ? Object.keys(records[0] ?? {}) : [];
    const missing = records.length > 0 ? missingAksColumns(header) : [...aksCsvColumns];
    if (records.length === 0 || missing.length > 0)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_CSV_COLUMNS_MISSING',
        records.length === 0
          ? 'Berkas CSV tidak berisi baris data.'
          : `Kolom berikut tidak ada pada baris judul: ${missing.join(', ')}.`,
      );

    const context = { ...(await this.audits.places(audit.regencyCode)), today: await this.today(audit.regencyCode) };
    const report: ImportReport = { received: records.length, imported: 0, alreadyPresent: 0, rejected: 0, errors: [] };
    const good: { draft: AksCaseDraft; nikHash: string }[] = [];
    const seen = new Map<string, number>();
    records.forEach((raw, index) => {
      // Row 1 is the header, so data row i is line i + 2 of the file as a spreadsheet shows it.
      const row = index + 2;
      const result = validateAksCaseRow(raw, context);
      if (!result.ok) {
        report.rejected += 1;
        report.errors.push(...result.errors.map((e: AksRowError) => ({ row, column: e.column, message: e.message })));
        return;
      }
      const nikHash = this.cipher.nikHash(result.value.identity.nik);
      const earlier = seen.get(nikHash);
      if (earlier !== undefined) {
        report.rejected += 1;
        report.errors.push({ row, column: 'nik', message: `NIK sama dengan baris ${earlier}; satu orang satu baris.` });
        return;
      }
      seen.set(nikHash, row);
      good.push({ draft: result.value, nikHash });
    });
    if (good.length === 0) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'AKS_CSV_NO_VALID_ROWS',
        `Tidak ada baris yang dapat diimpor: ${report.rejected} baris ditolak. Perbaiki baris yang disebutkan lalu unggah ulang.`,
        report,
      );
    }
    // The good rows in one transaction; a NIK already in this audit is left as it is (idempotent).
    await this.dataSource.transaction(async (manager) => {
      for (const { draft, nikHash } of good) {
        if (await this.insertCase(manager, audit, principal, draft, nikHash)) report.imported += 1;
        else report.alreadyPresent += 1;
      }
    });
    return report;
  }

  private async insertCase(
    manager: EntityManager,
    audit: AksAuditRecord,
    principal: Principal,
    draft: AksCaseDraft,
    nikHash: string,
  ): Promise<string | undefined> {
    const id = randomUUID();
    const inserted = (await manager
      .createQueryBuilder()
      .insert()
      .into(AksCaseRecord)
      .values({
        id,
        auditId: audit.id,
        targetGroup: draft.targetGroup,
        districtCode: draft.kecamatanCode,
        villageCode: draft.kelurahanCode,
        identityCiphertext: this.cipher.encrypt(id, draft.identity),
        nikHash,
        measurement: { ...draft.measurement },
        createdBy: principal.userId,
      })
      .orIgnore()
      .returning(['id'])
      .execute()) as { raw: { id: string }[] };
    return inserted.raw[0]?.id;
  }

  /** One case typed by hand, with the same rules as a CSV row. */
  async enter(audit: AksAuditRecord, principal: Principal, raw: Record<string, string>) {
    this.cipher.ensureConfigured();
    const context = { ...(await this.audits.places(audit.regencyCode)), today: await this.today(audit.regencyCode) };
    const result = validateAksCaseRow(raw, context);
    if (!result.ok)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'AKS_CASE_INVALID', result.errors.map((e) => e.message).join(' '), {
        errors: result.errors,
      });
    const nikHash = this.cipher.nikHash(result.value.identity.nik);
    const id = await this.dataSource.transaction((manager) =>
      this.insertCase(manager, audit, principal, result.value, nikHash),
    );
    if (!id)
      throw new ApiError(HttpStatus.CONFLICT, 'AKS_CASE_EXISTS', 'Kasus dengan NIK ini sudah tercatat pada audit ini.');
    return { id };
  }

  async logAccess(
    manager: EntityManager,
    principal: Principal,
    caseIds: string[],
    purpose: IdentityPurpose,
    stepUpAt: Date | null = null,
  ) {
    if (caseIds.length === 0) return;
    await manager
      .getRepository(AksIdentityAccessRecord)
      .insert(caseIds.map((caseId) => ({ caseId, userId: principal.userId, purpose, stepUpAt })));
  }

  /** The masked identity, or null once it was erased (the case's other data stays). */
  private presentIdentity(record: AksCaseRecord) {
    if (!record.identityCiphertext) return null;
    const identity = this.cipher.decrypt(record.id, record.identityCiphertext);
    return {
      nama: identity.nama,
      nik: maskNik(identity.nik),
      tanggalLahir: identity.tanggalLahir,
      alamat: identity.alamat,
    };
  }

  private presentCase(record: AksCaseRecord, places: Map<string, string>) {
    return {
      id: record.id,
      auditId: record.auditId,
      kelompokSasaran: record.targetGroup,
      kecamatan: places.get(record.districtCode ?? '') ?? null,
      kelurahan: places.get(record.villageCode ?? '') ?? null,
      pengukuran: record.measurement,
      pengukuranUlang: record.remeasurement,
      disetujuiPakar: record.signedOffAt !== null,
      identitasDihapusPada: record.identityErasedAt?.toISOString() ?? null,
    };
  }

  private async placeNames(regencyCode: string): Promise<Map<string, string>> {
    const { kecamatan, kelurahan } = await this.audits.places(regencyCode);
    return new Map([...kecamatan, ...kelurahan].map((p) => [p.code, p.name]));
  }

  /** The audit's cases with masked identities; each read is logged (one row per case). */
  async list(audit: AksAuditRecord, principal: Principal) {
    this.cipher.ensureConfigured();
    const cases = await this.dataSource
      .getRepository(AksCaseRecord)
      .find({ where: { auditId: audit.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const places = await this.placeNames(audit.regencyCode);
    const items = cases.map((c) => ({ ...this.presentCase(c, places), identitas: this.presentIdentity(c) }));
    await this.logAccess(
      this.dataSource.manager,
      principal,
      cases.filter((c) => c.identityCiphertext).map((c) => c.id),
      'daftar',
    );
    return items;
  }

  async detail(principal: Principal, caseId: string) {
    const { record, audit } = await this.readable(principal, caseId);
    this.cipher.ensureConfigured();
    const places = await this.placeNames(audit.regencyCode);
    const findings = await this.dataSource
      .getRepository(AksFindingRecord)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
    const recommendations = await this.dataSource
      .getRepository(AksRecommendationRecord)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
    const monitoring = await this.dataSource
      .getRepository(AksMonitoringRecord)
      .find({ where: { caseId }, order: { month: 'ASC' } });
    const identity = this.presentIdentity(record);
    if (identity) await this.logAccess(this.dataSource.manager, principal, [record.id], 'detail');
    return {
      ...this.presentCase(record, places),
      identitas: identity,
      temuan: findings.filter((f) => f.kind === 'finding').map((f) => ({ id: f.id, teks: f.text })),
      penyebab: findings.filter((f) => f.kind === 'cause').map((f) => ({ id: f.id, teks: f.text })),
      rekomendasi: recommendations.map((r) => ({
        id: r.id,
        teks: r.text,
        diterima: r.accepted,
        tugasId: r.followUpTaskId,
      })),
      pemantauan: monitoring.map((m) => ({ bulan: m.month, pengukuran: m.measurement })),
    };
  }

  /**
   * Full identities as CSV for the AKS lead after a step-up; formula starts are neutralised, every
   * case is logged with the step-up that allowed it.
   */
  async exportCsv(audit: AksAuditRecord, principal: Principal, stepUpAt: Date): Promise<string> {
    this.cipher.ensureConfigured();
    const cases = await this.dataSource
      .getRepository(AksCaseRecord)
      .find({ where: { auditId: audit.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const places = await this.placeNames(audit.regencyCode);
    const lines = [['kode_kasus', ...aksCsvColumns].join(',')];
    for (const c of cases) {
      // An erased identity leaves its columns empty: the row still counts in the audit.
      const identity: AksIdentity = c.identityCiphertext
        ? this.cipher.decrypt(c.id, c.identityCiphertext)
        : { nik: '', nama: '', tanggalLahir: '', alamat: '' };
      const m = c.measurement;
      lines.push(
        [
          c.id,
          identity.nik,
          identity.nama,
          identity.tanggalLahir,
          identity.alamat,
          places.get(c.districtCode ?? ''),
          places.get(c.villageCode ?? ''),
          c.targetGroup,
          m.beratBadan,
          m.tinggiBadan,
          m.lingkarLengan,
          m.tanggalUkur,
        ]
          .map((value) => csvCell(value))
          .join(','),
      );
    }
    await this.logAccess(
      this.dataSource.manager,
      principal,
      cases.filter((c) => c.identityCiphertext).map((c) => c.id),
      'ekspor',
      stepUpAt,
    );
    return `${lines.join('\r\n')}\r\n`;
  }

  async remeasure(principal: Principal, caseId: string, raw: Record<string, string>) {
    const { record, audit } = await this.readable(principal, caseId);
    const result = validateAksMeasurement(raw, await this.today(audit.regencyCode));
    if (!result.ok)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_MEASUREMENT_INVALID',
        result.errors.map((e) => e.message).join(' '),
        {
          errors: result.errors,
        },
      );
    await this.dataSource
      .getRepository(AksCaseRecord)
      .update({ id: record.id }, { remeasurement: { ...result.value, recordedBy: principal.userId } });
    return { id: record.id, pengukuranUlang: result.value };
  }

  async monitor(principal: Principal, caseId: string, month: number, raw: Record<string, string>) {
    const { record, audit } = await this.readable(principal, caseId);
    const stage = await this.dataSource.getRepository(AksStageRecord).findOneBy({ auditId: audit.id, status: 'open' });
    if (!stage || stage.monthsOpen < month)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'AKS_MONITORING_MONTH_NOT_OPEN',
        `Pemantauan bulan ke-${month} belum dibuka untuk audit ini.`,
      );
    const result = validateAksMeasurement(raw, await this.today(audit.regencyCode));
    if (!result.ok)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_MEASUREMENT_INVALID',
        result.errors.map((e) => e.message).join(' '),
        {
          errors: result.errors,
        },
      );
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AksMonitoringRecord)
      .values({
        caseId: record.id,
        month,
        measurement: { ...result.value },
        recordedBy: principal.userId,
      })
      .orUpdate(['measurement', 'recorded_by'], ['case_id', 'month'])
      .execute();
    return { id: record.id, bulan: month, pengukuran: result.value };
  }

  /**
   * Findings, likely causes and recommendations of a case. Recommendations become follow-up tasks
   * that units read, so a text that contains the name or NIK of any case of the audit is refused.
   */
  async analyse(
    principal: Principal,
    caseId: string,
    body: { findings: string[]; causes: string[]; recommendations: string[] },
  ) {
    const { record, audit } = await this.readable(principal, caseId);
    this.cipher.ensureConfigured();
    const all = await this.dataSource.getRepository(AksCaseRecord).find({ where: { auditId: audit.id } });
    const identities = all.flatMap((c) =>
      c.identityCiphertext ? [this.cipher.decrypt(c.id, c.identityCiphertext)] : [],
    );
    const leaks = mentionsIdentity([...body.findings, ...body.causes, ...body.recommendations], identities);
    if (leaks)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_TEXT_CONTAINS_IDENTITY',
        'Temuan, penyebab dan rekomendasi tidak boleh memuat nama atau NIK sasaran; sebut kasus dengan kodenya.',
      );
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AksFindingRecord).insert([
        ...body.findings.map((text) => ({
          caseId: record.id,
          kind: 'finding' as const,
          text,
          createdBy: principal.userId,
        })),
        ...body.causes.map((text) => ({
          caseId: record.id,
          kind: 'cause' as const,
          text,
          createdBy: principal.userId,
        })),
      ]);
      await manager
        .getRepository(AksRecommendationRecord)
        .insert(body.recommendations.map((text) => ({ auditId: audit.id, caseId: record.id, text })));
    });
    const recommendations = await this.dataSource
      .getRepository(AksRecommendationRecord)
      .find({ where: { caseId: record.id }, order: { createdAt: 'ASC' } });
    return { id: record.id, rekomendasi: recommendations.map((r) => ({ id: r.id, teks: r.text })) };
  }

  async signOff(principal: Principal, caseId: string) {
    const { record } = await this.readable(principal, caseId);
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM aks_finding WHERE case_id = $1 AND kind = 'finding')
          AND EXISTS (SELECT 1 FROM aks_finding WHERE case_id = $1 AND kind = 'cause')
          AND EXISTS (SELECT 1 FROM aks_recommendation WHERE case_id = $1) AS complete`,
      [record.id],
    )) as { complete: boolean }[];
    if (!row?.complete)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'AKS_CASE_NOT_ANALYSED',
        'Kasus belum memiliki temuan, penyebab dan rekomendasi untuk disetujui.',
      );
    if (!record.signedOffAt)
      await this.dataSource
        .getRepository(AksCaseRecord)
        .update({ id: record.id }, { signedOffBy: principal.userId, signedOffAt: new Date() });
    return { id: record.id, disetujuiPakar: true };
  }

  /** Case ids of an audit (no identity), for the follow-up plan and the tests of tenancy. */
  async recommendationsOf(audit: AksAuditRecord, ids: string[]): Promise<AksRecommendationRecord[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(AksRecommendationRecord).findBy({ auditId: audit.id, id: In(ids) });
  }
}
