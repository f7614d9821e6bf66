import { type Provenance } from '../common/provenance';
import { type RoleCode } from './roles';

/**
 * An organisational unit of one regency: the office that actually receives a task. The API
 * addresses units by `code` (e.g. `DINKES`), so codes are upper-case ASCII identifiers that stay
 * stable even when a regency renames or merges an office.
 */
export interface Unit {
  readonly code: string;
  /** The unit's name as the regency prints it. */
  readonly name: string;
  /** Other spellings found in the same regency's documents. */
  readonly aliases: readonly string[];
  /** The guide's roles this unit fills; a merged office (Dumai's Dinas Sosial dan PM) fills several. */
  readonly roles: readonly RoleCode[];
  readonly provenance: Provenance;
}

const unitCodePattern = /^[A-Z][A-Z0-9_]*$/;

/** True for a well-formed unit code such as `DINKES` or `P3AP2KB`. */
export function isUnitCode(value: string): boolean {
  return unitCodePattern.test(value);
}

const seed = (cite: string): Provenance => ({ source: 'seed', cite });
const assumedName = (note: string): Provenance => ({ source: 'assumed', note });

function unit(
  code: string,
  roles: readonly RoleCode[],
  name: string,
  provenance: Provenance,
  aliases: readonly string[] = [],
): Unit {
  return { code, roles, name, aliases, provenance };
}

const notInSeed = 'the seed report does not name this office; generic name, rename per regency';

/** Kota Metro (18.72): names as printed in 000. */
const metroUnits: readonly Unit[] = [
  unit('WALIKOTA', ['HEAD_OF_REGION'], 'Walikota Metro', seed('000 lembar pengesahan')),
  unit('SEKDA', ['SEKDA'], 'Sekretaris Daerah Kota Metro', assumedName(notInSeed)),
  unit('BAPPEDA', ['BAPPEDA'], 'Bappeda Kota Metro', seed('000 lembar pengesahan; Tabel 2 (Sumber)')),
  unit('DINKES', ['DINKES'], 'Dinas Kesehatan Kota Metro', seed('000 Tabel 4; Grafik 2 (Sumber)'), ['DINAS KESEHATAN']),
  // 000 prints this office three ways; the lembar pengesahan spelling is the primary name.
  unit(
    'P3AP2KB',
    ['FAMILY_PLANNING', 'WOMEN_CHILD_PROTECTION'],
    'Dinas PPPA-PPKB',
    seed('000 lembar pengesahan; Tabel 1 (Sumber); Tabel 5 bidang 2'),
    ['Dinas P3AP2KB', 'Dinas PPPAPKB Kota Metro'],
  ),
  unit('DINSOS', ['DINSOS'], 'Dinas Sosial', seed('000 Tabel 4'), ['DINAS SOSIAL']),
  unit('PU_CIPTA_KARYA', ['PU_CIPTA_KARYA'], 'Dinas PU / Cipta Karya', seed('000 Tabel 4')),
  unit('DISPERKIM', ['PERKIM'], 'Dinas Perumahan dan Kawasan Permukiman Kota Metro', assumedName(notInSeed)),
  unit('DPM', ['PMD'], 'Dinas Pemberdayaan Masyarakat Kota Metro', assumedName(notInSeed)),
  unit('DISDIKBUD', ['PENDIDIKAN'], 'Dinas Pendidikan dan Kebudayaan Kota Metro', assumedName(notInSeed)),
  unit('DISKOMINFO', ['KOMINFO'], 'Dinas Komunikasi dan Informatika Kota Metro', assumedName(notInSeed)),
  unit('KETAHANAN_PANGAN', ['KETAHANAN_PANGAN'], 'Dinas Ketahanan Pangan', seed('000 Tabel 4')),
  unit('PERTANIAN', ['PERTANIAN'], 'Dinas Pertanian', seed('000 Tabel 4')),
  unit('PERIKANAN', ['PERIKANAN'], 'Dinas Perikanan', seed('000 Tabel 4')),
  unit('PETERNAKAN', ['PETERNAKAN'], 'Dinas Peternakan', seed('000 Tabel 4')),
  unit('DISDUKCAPIL', ['DUKCAPIL'], 'Capil', seed('000 Tabel 6 butir 8.5')),
  unit('KEMENAG', ['KEMENAG'], 'Kemenag/KUA', seed('000 Tabel 6 butir 8.5')),
  unit('BAGIAN_HUKUM', ['BAGIAN_HUKUM'], 'Bagian Hukum Setda Kota Metro', assumedName(notInSeed)),
  unit('KECAMATAN', ['KECAMATAN'], 'Kecamatan', seed('000 Tabel 6 butir 1-2')),
  unit('KELURAHAN', ['KELURAHAN'], 'Kampung/Kelurahan', seed('000 Tabel 5 bidang 3')),
  unit('PUSKESMAS', ['PUSKESMAS'], 'Puskesmas', assumedName(notInSeed)),
  unit('DPRD', ['DPRD'], 'DPRD Kota Metro', assumedName(notInSeed)),
  unit('TAPD', ['TAPD'], 'TAPD Kota Metro', assumedName(notInSeed)),
  unit('OPD', ['SECTOR_AGENCIES'], 'OPD penanggung jawab layanan', seed('000 §3.1 Cakupan Layanan')),
  unit('KETUA_TPPS', ['TPPS_CHAIR'], 'Ketua Tim Pelaksana TPPS (Wakil Walikota Metro)', seed('000 lembar pengesahan')),
  unit(
    'SEKRETARIAT_TPPS',
    ['TPPS_SECRETARIAT'],
    'Sekretariat Tim Percepatan Penurunan Stunting (TPPS) Kota Metro',
    seed('000 Tabel 6 (Sumber)'),
  ),
  unit('TPK_REMBUK', ['REMBUK_COMMITTEE'], 'Tim Pelaksana Kegiatan Rembuk Stunting', assumedName(notInSeed)),
  unit('TIM_AKS', ['AUDIT_TEAM'], 'Tim Audit Kasus Stunting Kota Metro', seed('000 Tabel 2 RAN PASTI Operasional 39')),
  unit('TIM_PAKAR', ['EXPERT_TEAM'], 'Tim Pakar Audit Kasus Stunting', assumedName(notInSeed)),
  unit('NON_PEMERINTAH', ['NON_GOVERNMENT'], 'Mitra non-pemerintah', assumedName(notInSeed)),
];

/** Kota Dumai (14.72): names as printed in 003 (budget table codes where it prints them). */
const dumaiUnits: readonly Unit[] = [
  unit('WALIKOTA', ['HEAD_OF_REGION'], 'Wali Kota Dumai', seed('003 lembar pengesahan')),
  unit('SEKDA', ['SEKDA'], 'Sekretaris Daerah Kota Dumai', seed('003 Kata Pengantar (tanda tangan)')),
  unit(
    'BAPPEDALITBANG',
    ['BAPPEDA'],
    'Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan Kota Dumai',
    seed('003 tabel anggaran; kliping 19 Juni 2023'),
    ['BAPPEDALITBANG', 'Bappedalitbang', 'Bapelitbang'],
  ),
  unit('DINKES', ['DINKES'], 'Dinas Kesehatan', seed('003 tabel anggaran (DINKES); praktik baik 03'), ['DINKES']),
  unit(
    'DPPKB',
    ['FAMILY_PLANNING'],
    'Dinas Pengendalian Penduduk dan Keluarga Berencana Kota Dumai',
    seed('003 tabel anggaran (DPPKB); praktik baik 02'),
    ['DPPKB', 'Dinas Pengendalian Penduduk dan Kb'],
  ),
  unit('DPPPA', ['WOMEN_CHILD_PROTECTION'], 'DPPPA', seed('003 tabel anggaran')),
  // One merged office fills both the social-affairs and the village-empowerment roles in Dumai.
  unit(
    'DINSOS_PM',
    ['DINSOS', 'PMD'],
    'Dinas Sosial dan Pemberdayaan Masyarakat',
    seed('003 tabel anggaran; lampiran Aksi 5 (sosialisasi KPM)'),
  ),
  unit('PU_CIPTA_KARYA', ['PU_CIPTA_KARYA'], 'Dinas PU / Cipta Karya', seed('003 tabel anggaran')),
  unit(
    'DISPERKIMTAN',
    ['PERKIM'],
    'Dinas Perumahan Rakyat dan Kawasan Permukiman',
    seed('003 tabel anggaran; praktik baik 09'),
    ['DISPERKIMTAN', 'Dinas Perkim'],
  ),
  unit('DISDIKBUD', ['PENDIDIKAN'], 'Dinas Pendidikan dan Kebudayaan', seed('003 tabel anggaran; praktik baik 08'), [
    'Dinas Pendidikan, Kebudayaan, Pemuda dan Olah Raga',
  ]),
  unit('DISKOMINFOTIKSAN', ['KOMINFO'], 'DISKOMINFOTIKSAN', seed('003 tabel anggaran; kliping 19 Juni 2023'), [
    'Dinas Kominfo',
  ]),
  // Dumai merges food security and agriculture; livestock has no office of its own in 003.
  unit(
    'KETAPANG',
    ['KETAHANAN_PANGAN', 'PERTANIAN', 'PETERNAKAN'],
    'Dinas Ketahanan Pangan dan Pertanian',
    seed('003 tabel anggaran (KETAPANG); praktik baik 07'),
    ['KETAPANG', 'Dinas Ketahanan Pangan'],
  ),
  unit('DISNAKAN', ['PERIKANAN'], 'Dinas Perikanan', seed('003 tabel anggaran (DISNAKAN); praktik baik 06'), [
    'DISNAKAN',
  ]),
  unit('DISDUKCAPIL', ['DUKCAPIL'], 'Disdukcapil', seed('003 kliping 14 Februari 2023')),
  unit('KEMENAG', ['KEMENAG'], 'KEMENAG', seed('003 tabel anggaran; kegiatan TPPS butir 25 (Depag)'), [
    'Depag',
    'Kantor Urusan Agama',
  ]),
  unit('BAGIAN_HUKUM', ['BAGIAN_HUKUM'], 'Bagian Hukum Setda Kota Dumai', assumedName(notInSeed)),
  unit('KECAMATAN', ['KECAMATAN'], 'KECAMATAN', seed('003 tabel anggaran')),
  unit('KELURAHAN', ['KELURAHAN'], 'Kelurahan/Kepenghuluan', seed('003 §F Capaian Indikator')),
  unit('PUSKESMAS', ['PUSKESMAS'], 'UPT Puskesmas', seed('003 kegiatan TPPS butir 24 (14 puskesmas)')),
  unit('DPRD', ['DPRD'], 'DPRD Kota Dumai', assumedName(notInSeed)),
  unit('TAPD', ['TAPD'], 'TAPD Kota Dumai', assumedName(notInSeed)),
  unit('OPD', ['SECTOR_AGENCIES'], 'Organisasi Perangkat Daerah', seed('003 §F Capaian Indikator')),
  // 003 names the Sekda as chair in the signatures and the deputy mayor in §C; the signatures win.
  unit(
    'KETUA_TPPS',
    ['TPPS_CHAIR'],
    'Sekretaris Daerah Kota Dumai selaku Ketua TPPS Kota Dumai',
    seed('003 Kata Pengantar; §2.2'),
  ),
  unit(
    'SEKRETARIAT_TPPS',
    ['TPPS_SECRETARIAT'],
    'Sekretariat Pelaksana TPPS Kota Dumai (DPPKB)',
    seed('003 sampul (alamat DPPKB); §C Sekretariat Pelaksana'),
  ),
  unit('TPK_REMBUK', ['REMBUK_COMMITTEE'], 'Tim Pelaksana Kegiatan Rembuk Stunting', assumedName(notInSeed)),
  unit(
    'TIM_AKS',
    ['AUDIT_TEAM'],
    'Tim Audit Kasus Stunting Kota Dumai',
    seed('003 §E butir 4 (Keputusan Ketua Pelaksana TPPS Nomor 02 Tahun 2022)'),
  ),
  unit('TIM_PAKAR', ['EXPERT_TEAM'], 'Tim Pakar', seed('003 §Kegiatan AKS tahap 3')),
  unit(
    'NON_PEMERINTAH',
    ['NON_GOVERNMENT'],
    'Mitra non-pemerintah (CSR, BAZNAS, TNI/Polri)',
    seed('003 praktik baik 10-14'),
  ),
];

const unitsByRegency: Readonly<Record<string, readonly Unit[]>> = {
  '18.72': metroUnits,
  '14.72': dumaiUnits,
};

/** All units of a regency, or an empty list for a regency without demo data. */
export function regencyUnits(regencyCode: string): readonly Unit[] {
  return unitsByRegency[regencyCode] ?? [];
}

/** The unit a regency assigns a role to; throws when the regency has no unit for the role. */
export function unitForRole(regencyCode: string, role: RoleCode): Unit {
  const found = regencyUnits(regencyCode).find((u) => u.roles.includes(role));
  if (found === undefined) {
    throw new RangeError(`regency ${regencyCode} has no unit for role ${role}`);
  }
  return found;
}

/** Finds a unit by its API code (case-insensitive, so `dinkes` finds `DINKES`). */
export function unitByCode(regencyCode: string, unitCode: string): Unit | undefined {
  const wanted = unitCode.trim().toUpperCase();
  return regencyUnits(regencyCode).find((u) => u.code === wanted);
}
