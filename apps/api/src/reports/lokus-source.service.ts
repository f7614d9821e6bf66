import { Inject, Injectable } from '@nestjs/common';
import { findVillage, focusLocationsFor, focusVillages, kecamatanOf, type VillageCoverage } from '@konvergensi/domain';
import type { LokusList, LokusVillage } from '@konvergensi/reporting';
import type { RegionRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../tokens';

async function tableExists(dataSource: DataSource, table: string): Promise<boolean> {
  const rows = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${table}`])) as {
    present: boolean;
  }[];
  return rows[0]?.present === true;
}

/**
 * The lokus (focus) villages a semester report lists for a regency's year, from the best source
 * there is: the list the secretary confirmed in Aksi 1 (`lokus_village`), else a lokus decree the
 * seeds record, else libs/domain's focus-village analysis over the villages' situation data
 * (`village_situation`), else nothing (said so in the report). The Aksi 1 tables belong to the
 * annual-cycle work; they are read with plain SQL and only when present, so the report keeps
 * working while that schema settles.
 */
@Injectable()
export class LokusSource {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async lokusFor(regency: RegionRecord, year: number): Promise<LokusList> {
    const confirmed = await this.confirmed(regency.code, year);
    if (confirmed.length > 0) {
      return {
        source: 'confirmed',
        description: `Lokus yang ditetapkan sekretariat TPPS untuk tahun ${year}.`,
        villages: confirmed,
      };
    }
    const decree = focusLocationsFor(regency.code, year);
    if (decree !== undefined) {
      return {
        source: 'decree',
        description: `Lokus menurut ${decree.decree}.`,
        villages: decree.villageIds.map((id) => this.fromDomain(regency.code, id)),
      };
    }
    const computed = await this.computed(regency.code, year);
    if (computed.length > 0) {
      return {
        source: 'computed',
        description: 'Usulan desa/kelurahan lokasi fokus dari analisis situasi (belum ditetapkan).',
        villages: computed,
      };
    }
    return { source: 'none', description: `Belum ada daftar lokus untuk tahun ${year}.`, villages: [] };
  }

  private fromDomain(regencyCode: string, id: string): LokusVillage {
    const village = findVillage(regencyCode, id);
    const district = kecamatanOf(regencyCode).find((k) => k.id === village?.kecamatanId);
    return { id, name: village?.name ?? id, district: district?.name ?? null };
  }

  private async villageRows(codes: readonly string[], regencyCode: string): Promise<LokusVillage[]> {
    const rows = (await this.dataSource.query(
      `SELECT v.code, v.name, d.name AS district FROM region v LEFT JOIN region d ON d.code = v.parent_code
        WHERE v.code = ANY($1)`,
      [codes],
    )) as { code: string; name: string; district: string | null }[];
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return codes.map((code) => {
      const row = byCode.get(code);
      return row ? { id: code, name: row.name, district: row.district } : this.fromDomain(regencyCode, code);
    });
  }

  private async confirmed(regencyCode: string, year: number): Promise<LokusVillage[]> {
    if (!(await tableExists(this.dataSource, 'lokus_village'))) return [];
    try {
      const rows = (await this.dataSource.query(
        `SELECT l.village_code FROM lokus_village l JOIN cycle c ON c.id = l.cycle_id
          WHERE c.regency_code = $1 AND c.year = $2 AND l.status = 'confirmed'
          ORDER BY l.rank NULLS LAST, l.village_code`,
        [regencyCode, year],
      )) as { village_code: string }[];
      return this.villageRows(
        rows.map((r) => r.village_code),
        regencyCode,
      );
    } catch {
      // The table exists but not in the shape read here: no confirmed list rather than no report.
      return [];
    }
  }

  private async computed(regencyCode: string, year: number): Promise<LokusVillage[]> {
    if (!(await tableExists(this.dataSource, 'village_situation'))) return [];
    try {
      const rows = (await this.dataSource.query(
        `SELECT s.village_code, s.prevalence, s.cases, s.coverage FROM village_situation s
           JOIN cycle c ON c.id = s.cycle_id WHERE c.regency_code = $1 AND c.year = $2`,
        [regencyCode, year],
      )) as {
        village_code: string;
        prevalence: string | null;
        cases: number | null;
        coverage: Record<string, number>;
      }[];
      const villages = new Map<
        string,
        { prevalence: number | null; cases: number | null; coverage: Record<string, number> }
      >();
      for (const row of rows) {
        const v = villages.get(row.village_code) ?? { prevalence: null, cases: null, coverage: {} };
        if (row.prevalence !== null) v.prevalence = Number(row.prevalence);
        if (row.cases !== null) v.cases = row.cases;
        Object.assign(v.coverage, row.coverage ?? {});
        villages.set(row.village_code, v);
      }
      const input: VillageCoverage[] = [...villages.entries()]
        .filter(([, v]) => v.prevalence !== null && v.cases !== null)
        .map(([id, v]) => ({ id, prevalence: v.prevalence ?? 0, cases: v.cases ?? 0, mainCoverage: v.coverage }));
      const selected = focusVillages(input).selected.map((v) => v.id);
      return this.villageRows(selected, regencyCode);
    } catch {
      return [];
    }
  }
}
